"""Content checked in a child process with a deadline, before the running kiosk or staff rely on it.

Why a child process: checking renders every page in every language and mode, which held the
screen thread (60 ms here, more on a tablet reading a network share); and whatever kiosk.reading.limits
does not foresee, a child can be stopped when its time is up (CHECK_SECONDS), and one that runs out
of memory is the child, not the kiosk. For a reload the child hands back the checked content whole
with the pages it rendered (pickled, into a file in a private temporary folder), so the kiosk shows
exactly what was checked and reads nothing from the content folder itself; ``kiosk
--check-content`` gets its problems.

The child is this program again with a private first argument (``resources.own_command``), so it
works the same packaged by PyInstaller, on Windows and under Wine: ``--check-in-child MODE FOLDER
RESULT``. No Qt here; the window runs the child with QProcess (kiosk/ui/updates/contentcheck.py).
"""

from __future__ import annotations

import logging
import os
import pickle
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from kiosk.model.problems import Problem, display_path
from kiosk.pages.book import PageBook
from kiosk.reading.limits import CHECK_MEMORY_BYTES, CHECK_SECONDS
from kiosk.system.resources import own_command

CHILD_FLAG = "--check-in-child"
RELOAD, CHECK = "reload", "check"  # the content for the running kiosk; everything --check-content says
RESULT_FILE = "checked.pickle"

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Checked:
    """What the child found. ``book`` is there when the content can be shown (no errors, and the
    child was asked for a reload): the content, its templates as read, and every page it rendered."""

    problems: tuple[Problem, ...]
    book: PageBook | None = None

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if not p.warning]


def command(mode: str, folder: Path, result: Path) -> list[str]:
    return own_command(CHILD_FLAG, mode, str(folder), str(result))


def child_main(argv: list[str]) -> int:
    """The child: check ``FOLDER`` and write what it found to ``RESULT``."""
    mode, folder, result = argv[0], Path(argv[1]), Path(argv[2])
    _limit_memory()
    checked = _check(mode, folder)
    part = result.with_name(result.name + ".part")
    part.write_bytes(pickle.dumps(checked, protocol=pickle.HIGHEST_PROTOCOL))
    os.replace(part, result)  # whole or not at all: a child stopped while writing leaves no result
    return 0


def _check(mode: str, folder: Path) -> Checked:
    from kiosk.reading.bodyart import load_art

    if mode == CHECK:
        from kiosk.checks.folder import check_content

        return Checked(tuple(check_content(folder)))
    from kiosk.checks.reload import usable_problems
    from kiosk.pages.book import load_pages

    book = load_pages(folder, load_art().region_ids)
    errors = usable_problems(book)
    if errors:
        return Checked(tuple(errors))
    return Checked(book.content.problems, book)


def _limit_memory() -> None:
    """Where the system can (Linux, macOS), the child may not take more than CHECK_MEMORY_BYTES."""
    try:
        import resource
    except ImportError:  # Windows: the limits in kiosk.reading.limits and the deadline bound it
        return
    try:
        resource.setrlimit(resource.RLIMIT_AS, (CHECK_MEMORY_BYTES, CHECK_MEMORY_BYTES))
    except (ValueError, OSError):
        log.debug("the check's memory could not be limited", exc_info=True)


def read_result(result: Path, folder: Path, exit_code: int | None) -> Checked:
    """What a finished child found; when it wrote nothing, a problem saying why, for staff."""
    try:
        # Written by our own child into our own private folder. 660 KB for the shipped content: 1 ms to
        # read here, 8 ms with the pure-Python pickle the packaged build has.
        checked = pickle.loads(result.read_bytes())
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError):
        log.error("content check ended (exit %s) without a result", exit_code)
        return stopped(folder, "it stopped before it finished: the content may need more memory than "
                               "a content folder may use. Look at the files changed last")
    if not isinstance(checked, Checked):
        return stopped(folder, "its result could not be read")
    return checked


def stopped(folder: Path, why: str) -> Checked:
    return Checked((Problem(display_path(folder), None, f"the content was not checked: {why}"),))


def timed_out(folder: Path, seconds: float = CHECK_SECONDS) -> Checked:
    return stopped(folder, f"checking it took longer than {seconds:g} s, the most it may. A file in it "
                           "may be far larger than it should be, or a template may loop for ever: "
                           "look at the files changed last")


def check_in_child(folder: Path, mode: str = CHECK, seconds: float = CHECK_SECONDS) -> Checked:
    """Check ``folder`` in a child process and wait for it: always ends, within ``seconds``."""
    with tempfile.TemporaryDirectory(prefix="kiosk-check-") as private:
        result = Path(private) / RESULT_FILE
        try:
            # Pipes for every stream, never a file: Wine hands a Windows program an invalid handle
            # for a regular file, and a windowed kiosk has no console for the child to print to.
            done = subprocess.run(command(mode, folder, result), input=b"", capture_output=True,
                                  timeout=seconds, check=False)
        except subprocess.TimeoutExpired:
            return timed_out(folder, seconds)
        except OSError as exc:
            return stopped(folder, f"the check could not start ({exc.strerror or exc})")
        if done.returncode != 0:
            log.error("content check failed: %s", done.stderr.decode("utf-8", "replace")[-2000:])
        return read_result(result, folder, done.returncode)

