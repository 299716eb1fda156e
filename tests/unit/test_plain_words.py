"""Comments say why in their own words: a reader can't open an issue tracker's numbers, so none
are left in the code, the tests, the content or the project's settings."""

import re
from pathlib import Path

from tests.support.content import REPO

ISSUE_NUMBER = re.compile(r"\bissue ?#?\d+|(?<![&\w])#\d{2}\b(?![0-9a-fA-F])", re.IGNORECASE)
SUFFIXES = {".py", ".yaml", ".j2", ".toml", ".md"}
THIS_FILE = Path(__file__).resolve()


def test_no_issue_numbers_in_code_tests_content_or_settings():
    places = [REPO / "kiosk", REPO / "tests", REPO / "bench"]
    files = [p for place in places for p in place.rglob("*")
             if p.suffix in SUFFIXES and p.is_file() and p != THIS_FILE]  # this one holds examples
    files += [REPO / "pyproject.toml", REPO / "CONTRIBUTING.md", REPO / "docs" / "architecture.md"]
    found = [f"{path.relative_to(REPO)}:{number}: {line.strip()}"
             for path in files for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if ISSUE_NUMBER.search(line)]
    assert len(files) > 100
    assert found == []


def test_the_check_finds_an_issue_number():
    assert ISSUE_NUMBER.search("# made for fingertips (issue 13)")
    assert ISSUE_NUMBER.search("questionsRequested = Signal()  # issue #17")
    assert ISSUE_NUMBER.search("see #15 for why")
    assert not ISSUE_NUMBER.search('colour: "#1f5f8b"')
