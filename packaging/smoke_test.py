"""Build the packaged kiosk and prove it works as a clinic will use it.

    python packaging/smoke_test.py            # build with build.spec, then check
    python packaging/smoke_test.py --no-build # check an existing dist/kiosk

Fails (exit 1) if the built kiosk's --self-test or --check-content fails, if either
prints anything unexpected on stderr, if the content folder beside the executable
does not override the bundled one, or if the bundle is 100 MB or more.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist" / "kiosk"
# On Windows the kiosk itself has no console; its twin kiosk-console.exe prints what staff read.
EXE = DIST / ("kiosk-console.exe" if sys.platform == "win32" else "kiosk")
SIZE_LIMIT = 100_000_000  # bytes


def bundle_bytes(folder: Path = DIST) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


# The machine-wide settings (machine.ini) of this machine, if a kiosk is installed on it, would
# point the built kiosk at another content folder: the smoke test reads an empty place instead.
NO_MACHINE_SETTINGS = tempfile.mkdtemp(prefix="kiosk-smoke-machine-")


def run_kiosk(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "WIN_PD_OVERRIDE_COMMON_APPDATA": NO_MACHINE_SETTINGS,
           "XDG_CONFIG_DIRS": NO_MACHINE_SETTINGS}
    return subprocess.run([str(EXE), *args], capture_output=True, text=True, env=env, timeout=120, cwd=ROOT)


class Checks:
    def __init__(self) -> None:
        self.failures: list[str] = []

    def expect(self, ok: bool, what: str, detail: str = "") -> None:
        print(f"{'ok  ' if ok else 'FAIL'} {what}")
        if not ok:
            self.failures.append(what)
            if detail:
                print("     " + detail.strip().replace("\n", "\n     "))

    def run_clean(self, what: str, *args: str, expect_rc: int = 0) -> subprocess.CompletedProcess:
        result = run_kiosk(*args)
        self.expect(result.returncode == expect_rc and result.stderr == "",
                    f"{what}: exit {result.returncode} (want {expect_rc}), stderr empty",
                    result.stdout + result.stderr)
        return result


def edited(path: Path, old: str, new: str):
    """Context manager: the file with one edit, restored afterwards."""
    class Edit:
        def __enter__(self):
            self.original = path.read_bytes()
            text = self.original.decode("utf-8")
            assert old in text, f"{old!r} not in {path}"
            path.write_text(text.replace(old, new, 1), encoding="utf-8")

        def __exit__(self, *exc):
            path.write_bytes(self.original)

    return Edit()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true", help="check the existing dist/kiosk")
    args = parser.parse_args()
    if not args.no_build:
        subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "build.spec"],
                       cwd=ROOT, check=True)
    checks = Checks()
    checks.expect(EXE.is_file(), f"{EXE.relative_to(ROOT)} exists")
    if checks.failures:
        return 1

    result = checks.run_clean("--self-test", "--self-test")
    checks.expect(result.stdout.strip() == "self-test: ok", "--self-test says ok", result.stdout)
    result = checks.run_clean("--check-content", "--check-content")
    beside = DIST / "content"
    checks.expect(str(beside) in result.stdout, "--check-content checks the content folder beside the executable",
                  result.stdout)

    # The clinic edits the YAML beside the executable; the built kiosk shows it without a rebuild.
    calves = beside / "regions" / "calves.yaml"
    with tempfile.TemporaryDirectory() as tmp:
        before, after = Path(tmp, "before"), Path(tmp, "after")
        checks.run_clean("--screenshot before editing", "--screenshot", str(before))
        with edited(calves, "name: Calves", "name: Calf muscles, edited by the clinic"):
            checks.run_clean("--screenshot after editing calves.yaml", "--screenshot", str(after))
            checks.run_clean("--self-test after a good edit", "--self-test")
        def shot(folder: Path, name: str) -> bytes | None:
            path = folder / name
            return path.read_bytes() if path.is_file() else None

        for name in ("en/standard/home.png", "en/standard/region-calves.png", "en/calm/walkthrough-calves-1.png"):
            checks.expect(None is not shot(before, name) != shot(after, name) is not None,
                          f"editing content/regions/calves.yaml changes {name}")
        foot = "en/standard/region-foot.png"
        checks.expect(shot(before, foot) is not None and shot(before, foot) == shot(after, foot),
                      "other regions are unchanged by that edit")

    with edited(calves, "{hours: 6, level: 4}", "{hours: 6, level: soon}"):
        result = run_kiosk("--check-content")
        checks.expect(result.returncode == 1 and f"{os.path.relpath(calves, ROOT)}:" in result.stdout
                      and "'soreness.curve[2].level' must be a number" in result.stdout
                      and "Traceback" not in result.stderr,
                      "a broken edit is reported with file and line by the built kiosk",
                      result.stdout + result.stderr)
        result = run_kiosk("--self-test")
        checks.expect(result.returncode == 1 and "region-calves" in result.stderr
                      and "Traceback" not in result.stderr,
                      "the built kiosk's self-test catches the broken region", result.stderr)
    checks.run_clean("--check-content after restoring", "--check-content")

    with tempfile.TemporaryDirectory() as tmp:
        # The review pack (issue 14): one HTML file and a PDF drawn by Qt, from the built kiosk too.
        pack = Path(tmp, "pack")
        checks.run_clean("--export-pages", "--export-pages", str(pack))
        for name in ("review-pack.html", "review-pack.pdf"):
            checks.expect((pack / name).is_file() and (pack / name).stat().st_size > 10_000,
                          f"--export-pages writes {name}")
        # The usage counts (issue 17) are kept in SQLite and leave as CSV: the build must carry both
        # (its pruning once left _csv out). Counts written here, read back by the built kiosk.
        folders = {"XDG_DATA_HOME": str(Path(tmp, "data")), "XDG_CONFIG_HOME": str(Path(tmp, "config")),
                   "WIN_PD_OVERRIDE_LOCAL_APPDATA": str(Path(tmp, "data")),
                   "WIN_PD_OVERRIDE_APPDATA": str(Path(tmp, "config"))}
        saved = {key: os.environ.get(key) for key in folders}
        os.environ.update(folders)
        try:
            from kiosk.settings.values import data_dir
            from kiosk.usage.counts import FILE_NAME, REGION, UsageLog

            data_dir().mkdir(parents=True, exist_ok=True)
            counts = UsageLog(data_dir() / FILE_NAME)
            counts.record(REGION, "calves", times=3)
            counts.close()
            csv_file = Path(tmp, "usage.csv")
            checks.run_clean("--export-usage", "--export-usage", str(csv_file))
            exported = csv_file.read_text(encoding="utf-8") if csv_file.is_file() else ""
            checks.expect(",region,calves,3" in exported, "--export-usage reads the counts back as CSV", exported)
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value

    # Windows has its own icuuc.dll; the stand-in that lets Qt start under Wine is a test shim.
    shims = sorted(str(p.relative_to(DIST)) for p in DIST.rglob("*") if p.name.lower() == "icuuc.dll")
    checks.expect(not shims, "no test shim (icuuc.dll) in the bundle", ", ".join(shims))

    size = bundle_bytes()
    checks.expect(size < SIZE_LIMIT, f"bundle size {size / 1e6:.1f} MB (limit {SIZE_LIMIT / 1e6:.0f} MB)")
    if shutil.which("du"):
        print(subprocess.run(["du", "-sh", str(DIST)], capture_output=True, text=True).stdout.strip())

    print(f"\n{len(checks.failures)} failed" if checks.failures else "\nsmoke test passed")
    return 1 if checks.failures else 0


if __name__ == "__main__":
    sys.exit(main())
