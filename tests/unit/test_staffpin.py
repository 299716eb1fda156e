"""The staff PIN on its own: hashing, and the lock after wrong tries, on an injected clock."""

import pytest

from kiosk.settings.pin import LOCK_SECONDS, MAX_TRIES, PinGuard, PinResult, hash_pin, pin_matches, valid_pin

FAST = 1_000  # PBKDF2 rounds for tests only; the kiosk uses ITERATIONS


@pytest.fixture(scope="module")
def stored():
    return hash_pin("482913", iterations=FAST)


def test_a_pin_is_stored_salted_and_only_its_own_digits_match(stored):
    again = hash_pin("482913", iterations=FAST)
    assert stored.salt != again.salt and stored.hash != again.hash, "the same PIN never hashes the same twice"
    assert pin_matches("482913", stored) and pin_matches("482913", again)
    assert not pin_matches("482914", stored) and not pin_matches("", stored)


@pytest.mark.parametrize(("pin", "ok"), [("1234", True), ("12345678", True), ("123", False),
                                         ("123456789", False), ("12a4", False), ("١٢٣٤", False)])
def test_a_pin_is_four_to_eight_plain_digits(pin, ok):
    assert valid_pin(pin) is ok


def test_five_wrong_pins_lock_every_pin_out_until_the_time_is_up(stored):
    now = [1000.0]
    guard = PinGuard(stored, clock=lambda: now[0])
    for tries_left in range(MAX_TRIES - 1, 0, -1):
        assert guard.check("000000") is PinResult.WRONG
        assert guard.tries_left == tries_left
    assert guard.check("000000") is PinResult.LOCKED
    assert guard.check("482913") is PinResult.LOCKED, "even the right PIN, while locked"
    assert guard.seconds_locked() == LOCK_SECONDS
    now[0] += LOCK_SECONDS - 1
    assert guard.check("482913") is PinResult.LOCKED and guard.seconds_locked() == 1
    now[0] += 1
    assert guard.seconds_locked() == 0
    assert guard.check("482913") is PinResult.OK


def test_the_right_pin_forgives_earlier_wrong_ones(stored):
    guard = PinGuard(stored, clock=lambda: 0.0)
    for _ in range(MAX_TRIES - 1):
        guard.check("000000")
    assert guard.check("482913") is PinResult.OK
    assert guard.tries_left == MAX_TRIES


def test_without_a_stored_pin_nothing_opens():
    guard = PinGuard(None, clock=lambda: 0.0)
    assert not guard.is_set
    assert guard.check("1234") is PinResult.WRONG
