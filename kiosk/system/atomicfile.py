"""Writing a small file so that a power cut, a full disk or a crash never leaves half of it. No Qt here.

The text goes into a temporary file in the same folder, is pushed to the disk (``fsync``), and
then takes the file's place in one step (``os.replace``: a rename on Linux, ``MoveFileEx`` with
replace on Windows). A reader sees the old file or the new one, never a mix.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
import time
from pathlib import Path

# Windows refuses to replace a file another program holds open for a moment (a virus scanner,
# a backup, the search indexer, an editor saving): a few tries, 50 ms apart and longer each time.
REPLACE_TRIES = 5


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8, with the system's line ends: CRLF on Windows, for Notepad) to
    ``path`` whole or not at all; raises OSError if it can't."""
    write_bytes_atomically(path, text.replace("\n", os.linesep).encode("utf-8"))


def write_bytes_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` exactly, byte for byte, whole or not at all (a copy of a file
    keeps its line ends and any bytes that aren't UTF-8); raises OSError if it can't."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        _replace(Path(tmp), path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _sync_folder(path.parent)


def _replace(tmp: Path, path: Path) -> None:
    for attempt in range(1, REPLACE_TRIES + 1):
        try:
            os.replace(tmp, path)
            return
        except PermissionError:
            if sys.platform != "win32" or attempt == REPLACE_TRIES:
                raise
            time.sleep(0.05 * attempt)


def _sync_folder(folder: Path) -> None:
    """The rename itself reaches the disk (Linux); Windows' NTFS journals it, and can't open a folder."""
    if sys.platform == "win32":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems (network shares) can't sync a folder: the file itself is synced
    finally:
        os.close(fd)
