"""The Linux bundle's smaller ICU data library (packaging/icudata.py).

Qt must read from it everything it reads from the full one: the same probe of collation, case
mapping, number and date formats and time zones runs against both, and must print the same.
"""

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("icudata", REPO / "packaging" / "icudata.py")
icudata = importlib.util.module_from_spec(_spec)
sys.modules["icudata"] = icudata  # its dataclasses look their module up by name
_spec.loader.exec_module(icudata)

linux_only = pytest.mark.skipif(sys.platform != "linux", reason="only Linux's Qt brings its own ICU data library")


def full_library() -> Path:
    import PySide6

    return Path(PySide6.__file__).parent / "Qt" / "lib" / "libicudata.so.73"


def needs_binutils():
    for tool in ("objdump", "as", "ld"):
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} (binutils) is needed to build the bundle's ICU data; install binutils")


PROBE = """
from PySide6.QtCore import QCollator, QCoreApplication, QDate, QLocale, QTimeZone
app = QCoreApplication([])
print([line.split()[-1] for line in open("/proc/self/maps") if "libicudata" in line][0])
for lang, words in [("es_ES", ["ñu", "nube", "oso", "Ávila", "azul", "Zamora"]),
                    ("de_DE", ["Öl", "Ofen", "Zug", "Äpfel"]), ("sv_SE", ["Öl", "Ofen", "Zug", "Äpfel"])]:
    print(sorted(words, key=QCollator(QLocale(lang)).sortKey))
print(QLocale("tr_TR").toUpper("istanbul"), QLocale("de_DE").toUpper("straße"), QLocale("es").toLower("ÁRBOL"))
print(QLocale("ar").toString(1234.5), QLocale("es").toString(QDate(2026, 12, 7), "dddd d MMMM yyyy"))
tz = QTimeZone(b"Europe/Madrid")
print(tz.isValid(), tz.displayName(QTimeZone.TimeType.StandardTime, QTimeZone.NameType.LongName, QLocale("es")))
print("abc".encode("utf-8").decode())
"""


def run_probe(library_dir: Path | None) -> list[str]:
    env = dict(os.environ)
    if library_dir is not None:
        env["LD_LIBRARY_PATH"] = str(library_dir)  # before Qt's RUNPATH, so Qt loads this copy
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    return out.stdout.splitlines()


@linux_only
def test_reading_and_writing_the_package_gives_back_the_same_bytes():
    needs_binutils()
    _, data = icudata.exported_data(full_library())
    package = icudata.read_package(data)
    assert len(package.items) > 1000
    assert icudata.write_package(package) == data


@linux_only
def test_qt_reads_the_same_from_the_smaller_library(tmp_path):
    needs_binutils()
    small = icudata.trimmed_library(full_library(), tmp_path / "libicudata.so.73")
    assert small.stat().st_size < full_library().stat().st_size / 2
    full, trimmed = run_probe(None), run_probe(tmp_path)
    assert trimmed[0] == str(small), "the probe did not load the smaller library"
    assert full[0] != trimmed[0]
    assert full[1:] == trimmed[1:]
    assert trimmed[1] == "['Ávila', 'azul', 'nube', 'ñu', 'oso', 'Zamora']"  # ñ after n: Spanish order
    assert trimmed[4].startswith("İSTANBUL")


@pytest.mark.parametrize("name, kept", [
    ("icudt73l/coll/es.res", True),       # Spanish sorting
    ("icudt73l/es.res", True),            # the locale itself
    ("icudt73l/zone/es.res", True),       # time-zone names (QTimeZone asks ICU for them)
    ("icudt73l/zoneinfo64.res", True),
    ("icudt73l/uemoji.icu", True),
    ("icudt73l/lang/es.res", False),      # language names: Qt's own tables
    ("icudt73l/curr/es.res", False),
    ("icudt73l/brkitr/thaidict.dict", False),
    ("icudt73l/ibm-1047_P100-1995.cnv", False),
    ("icudt73l/cnvalias.icu", True),
])
def test_what_the_smaller_library_keeps(name, kept):
    assert icudata.needed(name) is kept


def test_a_file_that_is_not_icu_data_is_refused():
    with pytest.raises(ValueError):
        icudata.read_package(b"\x90\x00\x00\x00" + b"\0" * 200)
