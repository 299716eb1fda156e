"""Staff PINs a thief would try first are refused: keypad lines and shapes on both keypads,
repeats, dates, and what was refused before. The list and its source are one data file."""

import subprocess
import sys

import pytest

from kiosk.settings import pinrules
from kiosk.settings.pinrules import guessable
from kiosk.system.resources import asset_path

LINE_OR_SHAPE = "it is a line or shape on the keypad"
SAME_STEP = "its digits go up or down by the same step"
REPEATS = "it repeats a short group of digits"
DOUBLED = "each of its digits is repeated (like 112233)"
DATE = "it looks like a date"


@pytest.mark.parametrize("pin, why", [
    # Lines and shapes on the phone layout (1 2 3 at the top), the kiosk's own pad's.
    ("2580", LINE_OR_SHAPE), ("0852", LINE_OR_SHAPE), ("1470", SAME_STEP), ("3690", LINE_OR_SHAPE),
    ("0789", LINE_OR_SHAPE), ("1478", LINE_OR_SHAPE), ("1236", LINE_OR_SHAPE), ("7896", LINE_OR_SHAPE),
    ("9512", LINE_OR_SHAPE), ("1379", LINE_OR_SHAPE), ("1397", LINE_OR_SHAPE), ("7931", LINE_OR_SHAPE),
    ("2468", SAME_STEP), ("8624", LINE_OR_SHAPE), ("4286", LINE_OR_SHAPE), ("1254", LINE_OR_SHAPE),
    ("5689", LINE_OR_SHAPE), ("147258", LINE_OR_SHAPE), ("159357", LINE_OR_SHAPE), ("369147", LINE_OR_SHAPE),
    ("13792468", LINE_OR_SHAPE), ("1478963", LINE_OR_SHAPE),
    # ...and on a computer's number keypad (7 8 9 at the top, a wide 0 under 1 and 2).
    ("7410", LINE_OR_SHAPE), ("8520", LINE_OR_SHAPE), ("0147", LINE_OR_SHAPE), ("0258", LINE_OR_SHAPE),
    # Repeated pairs, triples and groups; doubled digits.
    ("121212", REPEATS), ("123123", REPEATS), ("2525", REPEATS), ("12341234", REPEATS), ("907907", REPEATS),
    ("112233", DOUBLED), ("111222", DOUBLED), ("11223344", DOUBLED), ("9988", DOUBLED),
    # The same step up or down.
    ("1357", SAME_STEP), ("8642", SAME_STEP), ("9630", SAME_STEP), ("13579", SAME_STEP),
    # Dates: DDMM, MMDD, DDMMYY, MMDDYY, YYMMDD, MMYYYY, YYYYMM, DDMMYYYY, MMDDYYYY, YYYYMMDD.
    ("3112", DATE), ("1231", DATE), ("0102", DATE), ("2902", DATE), ("0229", DATE), ("311299", DATE),
    ("123199", DATE), ("991231", DATE), ("071984", DATE), ("198407", DATE), ("31121999", DATE),
    ("12312010", DATE), ("20240229", DATE), ("17091984", DATE),
])
def test_patterns_a_thief_tries_first_are_refused_with_the_reason(pin, why):
    assert guessable(pin) == why


@pytest.mark.parametrize("pin, why", [
    ("0000", "it is one digit repeated"), ("7777", "it is one digit repeated"),
    ("1234", "its digits are a straight run"),
    ("4321", "its digits are a straight run"), ("0123", "its digits are a straight run"),
    ("7890", "its digits are a straight run"), ("123456", "its digits are a straight run"),
    ("1212", "it is one of the most used PINs"), ("6969", "it is one of the most used PINs"),
    ("1984", "it looks like a year"), ("2015", "it looks like a year"), ("19841231", DATE), ("20999999", DATE),
])
def test_what_was_refused_before_still_is(pin, why):
    assert guessable(pin) == why


@pytest.mark.parametrize("pin", ["5813", "7294", "482913", "3071", "60417", "9047", "40561873", "8146203"])
def test_pins_with_no_pattern_are_allowed(pin):
    assert guessable(pin) is None


def test_fewer_than_one_four_digit_pin_in_seven_is_refused():
    """Refusing patterns must leave staff plenty of four-digit PINs to choose from."""
    refused = sum(guessable(f"{n:04d}") is not None for n in range(10_000))
    assert 1_000 < refused < 10_000 / 7


def test_the_list_is_one_data_file_with_its_source_read_once(monkeypatch):
    text = asset_path(pinrules.FILE_NAME).read_text(encoding="utf-8")
    assert "Bonneau" in text and "A birthday present every eleven wallets?" in text and "2012" in text
    assert "DataGenetics" in text
    pinrules._rules.cache_clear()
    reads = []
    real = pinrules.schema.parse
    monkeypatch.setattr(pinrules.schema, "parse", lambda *args: reads.append(args) or real(*args))
    for pin in ("2580", "5813", "1234", "482913"):
        guessable(pin)
    assert len(reads) == 1


@pytest.mark.slow
@pytest.mark.parametrize("pin", ["2580", "121212", "3112"])
def test_set_pin_refuses_patterns_and_dates_and_says_why(tmp_path, pin):
    config = tmp_path / "settings.yaml"
    result = subprocess.run([sys.executable, "-m", "kiosk", "--set-pin", "--config", str(config)],
                            input=f"{pin}\n{pin}\n", capture_output=True, text=True, timeout=60)
    assert result.returncode == 1, result.stderr
    assert f"That PIN is too easy to guess: {guessable(pin)}." in result.stderr
    assert not config.exists()


def test_the_staff_menu_refuses_a_keypad_line_as_the_new_pin(make_kiosk):
    from kiosk.settings.pin import hash_pin
    from kiosk.settings.values import Settings
    from kiosk.ui.staff.pinpad import ChangePinPad

    saved = []
    kiosk = make_kiosk(settings=Settings(staff_pin=hash_pin("5813", iterations=100_000)), saved=saved)
    kiosk.open_staff_menu()
    kiosk.staff.overlay.change_pin_button.click()
    pad = kiosk.staff.overlay
    assert isinstance(pad, ChangePinPad)
    pad.enter("5813")
    pad.enter("2580")
    assert pad.message.text() == kiosk.book.content.staff.pin_too_easy
    assert saved == []
