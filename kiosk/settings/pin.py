"""The staff PIN: salted PBKDF2 hashes, and a lock after too many wrong tries. No Qt here.

Which new PINs are too easy to guess is ``kiosk.settings.pinrules``.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable
from dataclasses import asdict
from enum import Enum
from pathlib import Path

import yaml

from kiosk.model.problems import ContentError, display_path
from kiosk.reading import schema, yamltext
from kiosk.settings.values import PinLock, StaffPin
from kiosk.system.atomicfile import write_atomically

log = logging.getLogger(__name__)

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
    """Checks PINs; after five wrong ones in a row, refuses every PIN for five minutes.

    The wrong tries and the lock are handed to ``save_lock`` after each change, and a guard
    made with the saved ``lock`` carries on where the last one stopped, so restarting the
    kiosk doesn't give five fresh tries. While it runs the lock is timed on ``clock`` (monotonic:
    changing the tablet's clock changes nothing). Across a restart only the wall clock is left:
    the time already served counts, but a clock set back before the lock began restarts the full
    lock rather than extending it by years or ending it (never shorter than five minutes from
    when the kiosk sees it).
    """

    def __init__(self, stored: StaffPin | None, clock: Callable[[], float] = time.monotonic, *,
                 wall_clock: Callable[[], float] = time.time, lock: PinLock | None = None,
                 save_lock: Callable[[PinLock], None] = lambda lock: None):
        self.stored = stored
        self._clock = clock
        self._wall_clock = wall_clock
        self._save_lock = save_lock
        self.wrong = lock.wrong if lock else 0
        self._locked_until = 0.0
        self._locked_at: float | None = None  # wall clock, for the next start
        if lock is not None and lock.locked_at is not None:
            now = wall_clock()
            served = now - lock.locked_at
            left = LOCK_SECONDS if served < 0 else max(0.0, LOCK_SECONDS - served)
            if left > 0:
                self._locked_until = clock() + left
                self._locked_at = now - (LOCK_SECONDS - left)
                if served < 0:
                    self._save()  # the lock starts again from the clock's new time

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
        lock_ended, self._locked_at = self._locked_at is not None, None
        if self.stored is not None and pin_matches(pin, self.stored):
            if self.wrong or lock_ended:
                self.wrong = 0
                self._save()
            return PinResult.OK
        self.wrong += 1
        if self.wrong >= MAX_TRIES:
            self.wrong = 0
            self._locked_until = self._clock() + LOCK_SECONDS
            self._locked_at = self._wall_clock()
            self._save()
            return PinResult.LOCKED
        self._save()
        return PinResult.WRONG

    @classmethod
    def kept_in(cls, stored: StaffPin | None, clock: Callable[[], float], lock_file: Path | None) -> PinGuard:
        """A guard whose wrong tries and lock are kept in ``lock_file`` (in memory only if None)."""
        if lock_file is None:
            return cls(stored, clock)
        return cls(stored, clock, lock=load_pin_lock(lock_file), save_lock=lambda lock: save_pin_lock(lock_file, lock))

    def _save(self) -> None:
        # A full or read-only disk must not open the pad: the lock still holds in memory.
        with contextlib.suppress(OSError):
            self._save_lock(PinLock(self.wrong, self._locked_at))


def load_pin_lock(path: Path) -> PinLock:
    """The saved wrong tries and lock. A missing file is none; a broken or unreadable one is
    treated as a lock starting now, so deleting or damaging it never gives fresh tries."""
    try:
        data = path.read_bytes()
        text = yamltext.decode(data, display_path(path))
        return schema.parse(PinLock, text, display_path(path)) if text.strip() else PinLock(0, time.time())
    except FileNotFoundError:
        return PinLock()
    except (OSError, ContentError) as exc:
        log.warning("the PIN lock file %s can't be read (%s); the pad is locked for now", path, exc)
        return PinLock(0, time.time())


def save_pin_lock(path: Path, lock: PinLock) -> None:
    """Written whole or not at all (a power cut mid-write never leaves half a lock)."""
    write_atomically(path, "# Wrong staff PIN tries, kept across restarts. Written by the kiosk.\n"
                            + yaml.safe_dump(asdict(lock), sort_keys=False))
