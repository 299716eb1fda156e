"""``kiosk-console.exe --support-bundle FILE.zip``: everything support needs from one tablet, in
one file staff can e-mail. No Qt here.

In it: the kiosk's logs (and the supervisor's), the native-crash tracebacks and the run marker,
the newest Windows Error Reporting minidumps, the settings files with the staff PIN's hash and
salt taken out, the machine-wide settings, what the content check says, and the version and
platform. Nothing a patient chose is in any of them (the log holds screen names and problems).
"""

from __future__ import annotations

import io
import os
import platform
import re
import sys
import zipfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from kiosk import __version__
from kiosk.system.crashlog import DUMPS as DUMPS_FOLDER

DUMPS_KEPT = 3  # the newest minidumps: enough to see whether crashes repeat
LARGEST_FILE = 20_000_000  # a file larger than this is named in about.txt, not packed
REMOVED = "<removed from the support bundle>"
# The PIN's salt and hash are hex; so is nothing else in the settings. Any long hex run that a
# damaged file might hold outside its place is removed as well.
_PIN_LINE = re.compile(r"^(\s*)(salt|hash)\s*:.*$", re.MULTILINE)
_LONG_HEX = re.compile(r"\b[0-9a-fA-F]{24,}\b")


def without_pin(text: str) -> str:
    """A settings file's text with the staff PIN's salt and hash removed, whatever shape it is in."""
    text = _PIN_LINE.sub(lambda match: f"{match.group(1)}{match.group(2)}: {REMOVED}", text)
    return _LONG_HEX.sub(REMOVED, text)


def write_bundle(out: Path, *, content_dir: Path, settings_path: Path, log_folder: Path,
                 machine_settings: Path, now: datetime | None = None) -> list[str]:
    """Write the zip (whole or not at all) and return the names inside it."""
    now = now or datetime.now()
    skipped: list[str] = []
    entries: list[tuple[str, bytes]] = []
    for name, path in _log_files(log_folder):
        data = _read(path, skipped)
        if data is not None:
            entries.append((name, data))
    from kiosk.settings.values import pin_lock_path

    for path in [*sorted(settings_path.parent.glob(f"{settings_path.name}*")), pin_lock_path(settings_path)]:
        if not path.is_file():
            continue
        data = _read(path, skipped)
        if data is not None:
            entries.append((f"settings/{path.name}", without_pin(data.decode("utf-8", "replace")).encode()))
    machine = _read(machine_settings, skipped) if machine_settings.is_file() else None
    if machine is not None:
        entries.append((f"settings/{machine_settings.name}", machine))
    entries.append(("content-check.txt", _content_check(content_dir).encode()))
    entries.insert(0, ("about.txt", _about(now, content_dir, settings_path, log_folder, machine_settings,
                                           skipped).encode()))
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
        for name, data in entries:
            bundle.writestr(name, data)
    os.replace(partial, out)
    return [name for name, _ in entries]


def _log_files(folder: Path) -> Iterator[tuple[str, Path]]:
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            if path.is_file():
                yield f"logs/{path.name}", path
    dumps = folder / DUMPS_FOLDER
    if dumps.is_dir():
        newest = sorted((p for p in dumps.glob("*.dmp") if p.is_file()), key=lambda p: p.stat().st_mtime)
        for path in newest[-DUMPS_KEPT:]:
            yield f"logs/{DUMPS_FOLDER}/{path.name}", path


def _read(path: Path, skipped: list[str]) -> bytes | None:
    try:
        if path.stat().st_size > LARGEST_FILE:
            skipped.append(f"{path} ({path.stat().st_size} bytes: too large to pack)")
            return None
        return path.read_bytes()
    except OSError as exc:
        skipped.append(f"{path} ({exc.strerror or exc})")
        return None


def _content_check(folder: Path) -> str:
    out = io.StringIO()
    out.write(f"The content check of {folder}\n\n")
    try:
        from kiosk.checks.folder import check_content

        problems = check_content(folder)
    except Exception as exc:  # noqa: BLE001 - the bundle is still written, and says why the check failed
        out.write(f"the check itself failed: {exc.__class__.__name__}: {exc}\n")
        return out.getvalue()
    for problem in problems:
        out.write(f"{problem}\n")
    errors = sum(1 for problem in problems if not problem.warning)
    verdict = f"{errors} problem(s)" if errors else "content OK"
    out.write(f"\n{verdict}, {len(problems) - errors} warning(s)\n")
    return out.getvalue()


def _about(now: datetime, content_dir: Path, settings_path: Path, log_folder: Path, machine_settings: Path,
           skipped: list[str]) -> str:
    from kiosk.system.exitcodes import EXIT_CODES
    from kiosk.system.resources import is_frozen

    lines = [
        f"Dry needling kiosk {__version__}, support bundle made {now.isoformat(sep=' ', timespec='seconds')}",
        f"platform: {platform.platform()} ({platform.machine()})",
        f"python: {sys.version.split()[0]}; packaged: {'yes' if is_frozen() else 'no'}; program: {sys.executable}",
        f"content folder: {content_dir}",
        f"settings: {settings_path}",
        f"machine-wide settings: {machine_settings}{'' if machine_settings.is_file() else ' (none)'}",
        f"log folder: {log_folder}",
    ]
    if sys.platform == "win32":
        lines.append(f"windows edition: {platform.win32_edition() or 'unknown'}")
    lines += ["", "Exit codes (the supervisor's and Shell Launcher's restart rules):"]
    lines += [f"  {entry.code:>3}  {'restart' if entry.restart else 'stay ended'}  {entry.meaning}"
              for entry in EXIT_CODES]
    if skipped:
        lines += ["", "Not packed:"] + [f"  {entry}" for entry in skipped]
    return "\n".join(lines) + "\n"
