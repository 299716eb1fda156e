"""A smaller ICU data library for the Linux bundle: what Qt reads from ICU, and nothing else.

PySide6's Linux wheels link QtCore against ICU, whose data library (libicudata.so) is a third of
the bundle: about 32 MB of converters, dictionaries and display names in every language. Qt
formats numbers, dates, currencies and language names from its own tables and breaks lines with
its own code; from ICU it takes collation (sorting in a language's order), case mapping,
normalisation, and time zones with their names. The data library is one ICU "common data" package (a table of
named items); this keeps the items those need, in every language, and leaves out the rest.

Windows' Qt uses the ICU that ships with Windows, so there is nothing to do there.
Plain Python, unit-tested in tests/unit/test_bundle.py; build.spec calls ``trimmed_library``.
"""

from __future__ import annotations

import re
import struct
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

SYMBOL = re.compile(r"^icudt\d+_dat$")
ALIGNMENT = 16  # ICU items start on 16-byte boundaries, as ICU's own packaging tool lays them out
PADDING = b"\xaa"  # the filler that tool puts between them

# Item folders (inside the package's "icudt73l/" tree) and file kinds that Qt never asks ICU for.
DROPPED_FOLDERS = {
    "brkitr",    # line, word and sentence breaking (and its Thai/CJK dictionaries): Qt has its own
    "curr",      # currency names, "unit" unit names, "lang" and "region" language and country names,
    "unit",      # "rbnf" spelled-out numbers: Qt formats all of these from
    "lang",      # its own CLDR tables (QLocale), not through ICU
    "region",
    "rbnf",
    "translit",  # transliteration (e.g. Cyrillic to Latin): nothing in Qt uses it
}
DROPPED_KINDS = {".cnv"}  # legacy code pages; the content is UTF-8, whose converter is built into ICU's code


@dataclass(frozen=True)
class Item:
    name: str  # e.g. "icudt73l/coll/es.res"
    data: bytes


@dataclass(frozen=True)
class Package:
    header: bytes  # the package's own header (size, magic, "CmnD" data info, copyright)
    items: tuple[Item, ...]


def read_package(blob: bytes) -> Package:
    """Read an ICU common-data package: header, then a table of contents of (name, data) offsets."""
    header_size, magic1, magic2 = struct.unpack_from("<HBB", blob, 0)
    if (magic1, magic2) != (0xDA, 0x27) or blob[12:16] != b"CmnD":
        raise ValueError("not an ICU common data package")
    toc = header_size
    (count,) = struct.unpack_from("<I", blob, toc)
    offsets = [struct.unpack_from("<II", blob, toc + 4 + 8 * k) for k in range(count)]
    items = []
    for k, (name_offset, data_offset) in enumerate(offsets):
        name_end = blob.index(b"\0", toc + name_offset)
        end = toc + offsets[k + 1][1] if k + 1 < count else len(blob)
        items.append(Item(blob[toc + name_offset:name_end].decode("ascii"), blob[toc + data_offset:end]))
    return Package(blob[:header_size], tuple(items))


def _padded(data: bytes) -> bytes:
    return data + PADDING * (-len(data) % ALIGNMENT)


def write_package(package: Package) -> bytes:
    """The package laid out as ICU reads it; items keep their (sorted) order, which ICU binary-searches."""
    names = b"".join(item.name.encode("ascii") + b"\0" for item in package.items)
    table_size = 4 + 8 * len(package.items)
    # Data starts aligned, counted from the start of the whole package (the header is 16-aligned).
    data_start = len(_padded(package.header + b"\0" * (table_size + len(names)))) - len(package.header)
    entries, name_offset, data_offset, data = [], table_size, data_start, []
    for item in package.items:
        entries.append(struct.pack("<II", name_offset, data_offset))
        name_offset += len(item.name) + 1
        chunk = _padded(item.data)
        data.append(chunk)
        data_offset += len(chunk)
    table = struct.pack("<I", len(package.items)) + b"".join(entries) + names
    table += PADDING * (data_start - len(table))
    return package.header + table + b"".join(data)


def needed(name: str) -> bool:
    """Does Qt reach this item through ICU? ``name`` is its path inside the package."""
    parts = name.split("/")
    if len(parts) > 2 and parts[1] in DROPPED_FOLDERS:
        return False
    return not any(parts[-1].endswith(kind) for kind in DROPPED_KINDS)


def trim(blob: bytes) -> bytes:
    package = read_package(blob)
    return write_package(Package(package.header, tuple(item for item in package.items if needed(item.name))))


def exported_data(library: Path) -> tuple[str, bytes]:
    """The data symbol's name and bytes, read from the ELF file with binutils' objdump."""
    table = subprocess.run(["objdump", "-T", str(library)], capture_output=True, text=True, check=True).stdout
    for line in table.splitlines():
        fields = line.split()
        if fields and SYMBOL.match(fields[-1]):
            # "0000000000001000 g    DO .rodata	0000000001e8bb80 icudt73_dat": address and size.
            address, size = int(fields[0], 16), int(fields[-2], 16)
            offset = _file_offset(library, address)
            with library.open("rb") as file:
                file.seek(offset)
                return fields[-1], file.read(size)
    raise ValueError(f"{library} exports no ICU data symbol")


def _file_offset(library: Path, address: int) -> int:
    sections = subprocess.run(["objdump", "-h", str(library)], capture_output=True, text=True, check=True).stdout
    for line in sections.splitlines():
        fields = line.split()
        # "  8 .rodata  01e8bb80  0000000000001000  0000000000001000  00001000  2**4"
        if len(fields) >= 6 and fields[1] == ".rodata":
            start, size, offset = int(fields[3], 16), int(fields[2], 16), int(fields[5], 16)
            if start <= address < start + size:
                return offset + address - start
    raise ValueError(f"{library}: the ICU data is not in .rodata")


def build_library(symbol: str, data: bytes, soname: str, out: Path) -> None:
    """A shared library exporting ``data`` as ``symbol``, made with binutils' as and ld alone."""
    with tempfile.TemporaryDirectory() as work:
        blob, source, obj = Path(work) / "icu.dat", Path(work) / "icu.s", Path(work) / "icu.o"
        blob.write_bytes(data)
        source.write_text(
            "\t.section .rodata\n\t.balign 16\n"
            f"\t.globl {symbol}\n\t.type {symbol}, @object\n{symbol}:\n"
            f'\t.incbin "{blob}"\n\t.size {symbol}, . - {symbol}\n'
            '\t.section .note.GNU-stack,"",@progbits\n'
        )
        subprocess.run(["as", "-o", str(obj), str(source)], check=True)
        subprocess.run(["ld", "-shared", "-soname", soname, "-o", str(out), str(obj)], check=True)


def trimmed_library(original: Path, out: Path) -> Path:
    """Write a copy of ICU's data library holding only what Qt reads; returns ``out``."""
    symbol, data = exported_data(original)
    build_library(symbol, trim(data), original.name, out)
    return out
