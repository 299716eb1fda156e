"""The staff PIN: salted PBKDF2 hashes, and a lock after too many wrong tries. No Qt here."""

from __future__ import annotations

import time
from collections.abc import Callable
from enum import Enum

from kiosk.settings import StaffPin

ITERATIONS = 200_000
MAX_TRIES = 5
LOCK_SECONDS = 5 * 60
MIN_DIGITS, MAX_DIGITS = 4, 8


def valid_pin(pin: str) -> bool:
    return pin.isdigit() and pin.isascii() and MIN_DIGITS <= len(pin) <= MAX_DIGITS


def hash_pin(pin: str, salt: bytes | None = None, iterations: int = ITERATIONS) -> StaffPin:
    if not valid_pin(pin):
        raise ValueError(f"a staff PIN is {MIN_DIGITS} to {MAX_DIGITS} digits")
    import hashlib  # here, not at the top: OpenSSL costs the kiosk's start ~3 MB and a few ms
    import secrets

    salt = salt or secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode("ascii"), salt, iterations)
    return StaffPin(salt.hex(), digest.hex(), iterations)


def pin_matches(pin: str, stored: StaffPin) -> bool:
    try:
        salt = bytes.fromhex(stored.salt)
    except ValueError:
        return False
    import hashlib
    import hmac

    digest = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), salt, stored.iterations)
    return hmac.compare_digest(digest.hex(), stored.hash)


class PinResult(Enum):
    OK = "ok"
    WRONG = "wrong"
    LOCKED = "locked"  # too many wrong PINs in a row: every PIN is refused for a while


class PinGuard:
    """Checks PINs; after five wrong ones in a row, refuses every PIN for five minutes."""

    def __init__(self, stored: StaffPin | None, clock: Callable[[], float] = time.monotonic):
        self.stored = stored
        self._clock = clock
        self.wrong = 0
        self._locked_until = 0.0

    @property
    def is_set(self) -> bool:
        return self.stored is not None

    def seconds_locked(self) -> int:
        return max(0, int(self._locked_until - self._clock() + 0.999))

    @property
    def tries_left(self) -> int:
        return MAX_TRIES - self.wrong

    def check(self, pin: str) -> PinResult:
        if self.seconds_locked():
            return PinResult.LOCKED
        if self.stored is not None and pin_matches(pin, self.stored):
            self.wrong = 0
            return PinResult.OK
        self.wrong += 1
        if self.wrong >= MAX_TRIES:
            self.wrong = 0
            self._locked_until = self._clock() + LOCK_SECONDS
            return PinResult.LOCKED
        return PinResult.WRONG
