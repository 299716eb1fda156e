"""The fit of every screen, for ``kiosk --check-content``: checked in a child process with a deadline,
and summed up in a few lines, each naming the file, the screen and the settings it happens in.

The child is this program again with a private first argument (``--fit-in-child FOLDER RESULT``,
as the content check's child is), so a folder whose pages take Qt long to lay out can't hold
--check-content for ever. Only content that loaded without errors is laid out.
"""

from __future__ import annotations

import pickle
import subprocess
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.model.problems import Problem
from kiosk.system.resources import own_command

if TYPE_CHECKING:  # the fit check itself needs the whole kiosk; the kiosk starts this one's child
    from kiosk.ui.offscreen.fit import Finding

FIT_FLAG = "--fit-in-child"
FIT_SECONDS = 180  # the shipped content takes about 30 s on one shared core
SHOWN_SETTINGS = 2  # a finding in many settings names the first ones and counts the rest


BACKGROUND = "--background"  # the child of a check while the kiosk runs: it gives way to the screen


def fit_main(argv: list[str]) -> int:
    """The child: lay out every screen of FOLDER and write the findings to RESULT."""
    from kiosk.ui.offscreen.fit import check_folder

    if BACKGROUND in argv[2:]:
        from kiosk.system.priority import give_way

        give_way()
    folder, result = Path(argv[0]), Path(argv[1])
    findings = check_folder(folder)
    part = result.with_name(result.name + ".part")
    part.write_bytes(pickle.dumps(findings, protocol=pickle.HIGHEST_PROTOCOL))
    part.replace(result)
    return 0


def fit_problems(folder: Path, seconds: float = FIT_SECONDS) -> list[Problem]:
    """What doesn't fit, as problems for --check-content's report; always ends within ``seconds``."""
    with tempfile.TemporaryDirectory(prefix="kiosk-fit-") as private:
        result = Path(private) / "fit.pickle"
        try:
            subprocess.run(own_command(FIT_FLAG, str(folder), str(result)), input=b"", capture_output=True,
                           timeout=seconds, check=False)
        except subprocess.TimeoutExpired:
            return [not_checked(folder, f"laying them out took longer than {seconds:g} s")]
        except OSError as exc:
            return [not_checked(folder, f"the check could not start ({exc.strerror or exc})")]
        return read_problems(result, folder)


def read_problems(result: Path, folder: Path) -> list[Problem]:
    """The child's findings in ``result`` (a file in a private folder of ours), summed up."""
    try:
        findings = pickle.loads(result.read_bytes())  # our own child's, in our own private folder
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError):
        return [not_checked(folder, "the check stopped before it finished")]
    return summed_up(findings)


def not_checked(folder: Path, why: str) -> Problem:
    from kiosk.model.problems import display_path

    return Problem(display_path(folder), None, f"whether every screen fits was not checked: {why}", warning=True)


def summed_up(findings: list[Finding]) -> list[Problem]:
    """One problem per file and thing wrong, naming the first screen and the first settings it
    happens in and counting the rest (one word too long for its button is one line, not one per
    walkthrough step); an error if it is one anywhere."""
    grouped: dict[tuple[str, str], list[Finding]] = {}
    for finding in findings:
        grouped.setdefault((finding.file, finding.what), []).append(finding)
    problems = []
    for (file, what), same in grouped.items():
        errors = [f for f in same if f.error]
        chosen = errors or same
        settings = _first_and_more(list(dict.fromkeys(f.setting for f in chosen)), SHOWN_SETTINGS, "settings")
        screens = _first_and_more(list(dict.fromkeys(f.screen for f in chosen)), 1, "screens")
        problems.append(Problem(file, None, f"{settings}: {screens} {what}", warning=not errors))
    return problems


def _first_and_more(names: list[str], shown: int, kind: str) -> str:
    words = "; ".join(names[:shown])
    if len(names) <= shown:
        return words
    comma = "," if words.endswith(",") else ""  # "step 1 of the walkthrough, 'Antes de empezar',"
    return f"{words.removesuffix(',')} (and {len(names) - shown} more {kind}){comma}"
