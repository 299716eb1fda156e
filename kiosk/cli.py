"""The ``kiosk`` command line. Qt is imported only by the modes that need a screen."""

from __future__ import annotations

import argparse
import gc
import logging
import sys
from collections.abc import Callable
from pathlib import Path

from kiosk import __version__
from kiosk.bodyart import ArtError
from kiosk.resources import default_content_dir


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk", description="Patient-education kiosk about dry needling for runners."
    )
    parser.add_argument("--version", action="version", version=f"kiosk {__version__}")
    parser.add_argument("--windowed", action="store_true", help="run in a normal window instead of full screen")
    parser.add_argument("--content", metavar="DIR", type=Path,
                        help="use this content folder instead of the default one")
    parser.add_argument("--config", metavar="FILE", type=Path,
                        help="use this settings file instead of the one in the user's config folder")
    parser.add_argument("--exit-after-first-paint", action="store_true",
                        help="start, paint the home screen once and exit 0 (for timing start-up)")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check-content", metavar="DIR", nargs="?", const=True, default=None,
                      help="check the content (default: the folder the kiosk would use), print every "
                           "problem as path:line: message, exit 1 if any")
    mode.add_argument("--self-test", action="store_true",
                      help="open every screen offscreen and exit 0 only if all of them rendered")
    mode.add_argument("--screenshot", metavar="DIR", type=Path,
                      help="save a PNG of every screen at 1280x800 into DIR")
    # issue 14: the review pack a clinician signs and a translator works from
    mode.add_argument("--export-pages", metavar="DIR", type=Path,
                      help="write every page in every language and mode to DIR as one HTML file and a PDF, "
                           "with a sign-off block, for review")
    mode.add_argument("--export-usage", metavar="FILE", type=Path,  # issue #17
                      help="write the anonymous usage counts to FILE as CSV: one row per day and measure, "
                           "named by the kiosk_name setting")
    mode.add_argument("--set-pin", action="store_true",
                      help="set the staff PIN (asked twice, never shown); stored only as a salted hash")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    content_dir = args.content or default_content_dir()
    try:
        if args.set_pin:
            return _set_pin(args.config)
        if args.export_usage:
            return _export_usage(args.config, args.export_usage)
        if args.check_content is not None:
            return _check(Path(args.check_content) if args.check_content is not True else content_dir)
        if not content_dir.is_dir():
            print(f"kiosk: the content folder {content_dir} does not exist", file=sys.stderr)
            return 2
        if args.self_test or args.screenshot:
            from kiosk.ui import tour  # every screen's module: not wanted before the kiosk's first paint

            if args.self_test:
                return _self_test(content_dir, tour.self_test)
            return tour.save_screenshots(content_dir, args.screenshot)
        if args.export_pages:
            return _export_pages(content_dir, args.export_pages)
        # Until home is first painted: no cyclic garbage collection (about 5% of the start's
        # instructions went to collections finding next to nothing), and the log's records wait
        # in memory for the log file (logging.handlers pulls in sockets and pickling).
        gc.disable()
        held = _hold_log_records()
        logging.getLogger("kiosk").info("kiosk %s starting", __version__)
        from kiosk.ui import app

        def after_first_paint() -> None:
            gc.enable()
            _open_log_file(held)

        try:
            return app.run(content_dir, windowed=args.windowed, exit_after_first_paint=args.exit_after_first_paint,
                           settings_path=args.config, after_first_paint=after_first_paint)
        finally:
            gc.enable()
            if held in logging.getLogger().handlers and not args.exit_after_first_paint:
                _open_log_file(held)  # it stopped before its first paint: the log file still gets why
    except ArtError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # staff get one readable line, the log gets the details
        logging.getLogger("kiosk").debug("unexpected error", exc_info=True)
        print(f"kiosk: unexpected error: {exc.__class__.__name__}: {exc}", file=sys.stderr)
        return 3


def _check(folder: Path) -> int:
    from kiosk.childcheck import check_in_child

    # In a child process with a deadline: --check-content always ends, whatever the folder holds.
    problems = check_in_child(folder).problems
    errors = [p for p in problems if not p.warning]
    for problem in problems:
        print(problem)
    if errors:
        print(f"{len(errors)} problem(s) found in {folder}", file=sys.stderr)
        return 1
    # The verdict last, after the warnings: the line staff see at the foot of the window, and scripts read.
    print(f"content OK: {folder}")
    return 0


def _export_pages(content_dir: Path, out_dir: Path) -> int:
    """issue 14: the review pack, as HTML and PDF. Problems in the content are in it as the kiosk shows them."""
    import datetime

    from kiosk.bodyart import load_art
    from kiosk.pages import load_pages
    from kiosk.problems import ContentError
    from kiosk.reviewpack import build_pack, write_html
    from kiosk.ui.app import application
    from kiosk.ui.reviewpdf import write_pdf

    try:
        book = load_pages(content_dir, load_art().region_ids)
    except ContentError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    pack = build_pack(book, datetime.date.today())
    try:
        html = write_html(pack, out_dir)
        application(offscreen=True)  # Qt lays out the PDF's text with the kiosk's own typeface
        pdf = write_pdf(pack, out_dir)
    except OSError as exc:
        print(f"kiosk: can't write the review pack in {out_dir} ({exc.strerror or exc})", file=sys.stderr)
        return 1
    print(f"review pack: {html}\nreview pack: {pdf}")
    return 0


def _self_test(folder: Path, open_every_screen: Callable[[Path, list[str]], int]) -> int:
    """Every screen opens, and no content error in any language: a broken Spanish page (shown
    in English) or a broken clinic.yaml (shown without a phone number) fails it too."""
    from kiosk.check import content_errors

    return open_every_screen(folder, [str(problem) for problem in content_errors(folder)])


class _HeldRecords(logging.Handler):
    """The log's records from before the log file is open."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _hold_log_records() -> _HeldRecords:
    held = _HeldRecords()
    root = logging.getLogger()
    for existing in root.handlers:
        existing.setLevel(logging.WARNING)  # the console only hears about problems
    root.addHandler(held)
    root.setLevel(logging.INFO)
    return held


def _open_log_file(held: _HeldRecords) -> None:
    """Open the log file and write into it what was held until now."""
    root = logging.getLogger()
    root.removeHandler(held)
    before = set(root.handlers)
    log_file = start_log_file()
    for handler in set(root.handlers) - before:
        for record in held.records:
            if record.levelno >= handler.level:
                handler.handle(record)
    held.records.clear()
    logging.getLogger("kiosk").info("log in %s", log_file)


def start_log_file() -> Path | None:
    """Log to a rotating file in the per-user log folder (a few MB at most, kept for days)."""
    from logging.handlers import RotatingFileHandler

    from kiosk.settings import log_dir, log_file

    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(log_file(), maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    except OSError as exc:
        print(f"kiosk: can't write the log file ({exc}); logging to the console only", file=sys.stderr)
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.setLevel(logging.INFO)
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    for existing in root.handlers:
        if existing is not handler:
            existing.setLevel(logging.WARNING)  # the console only hears about problems
    return log_file()


def _export_usage(config: Path | None, out: Path) -> int:
    from datetime import date

    from kiosk.settings import data_dir, default_path, load_settings
    from kiosk.usage import FILE_NAME, export_csv, read_days

    settings, _ = load_settings(config or default_path())
    rows = read_days(data_dir() / FILE_NAME, date.min)
    try:
        written = export_csv(rows, settings.kiosk_name, out)
    except OSError as exc:
        print(f"kiosk: can't write {out} ({exc.strerror})", file=sys.stderr)
        return 1
    print(f"{written} row(s) of usage counts written to {out}")
    return 0


def _set_pin(config: Path | None) -> int:
    import getpass

    from kiosk.settings import default_path, load_settings, save_settings
    from kiosk.staffpin import MAX_DIGITS, MIN_DIGITS, guessable, hash_pin, valid_pin

    path = config or default_path()
    if not sys.stdin.isatty():
        first = sys.stdin.readline().strip()
        second = sys.stdin.readline().strip()
    else:
        first = getpass.getpass(f"New staff PIN ({MIN_DIGITS} to {MAX_DIGITS} digits): ")
        second = getpass.getpass("The same PIN again: ")
    if not valid_pin(first):
        print(f"A staff PIN is {MIN_DIGITS} to {MAX_DIGITS} digits (0-9). Nothing was changed.", file=sys.stderr)
        return 1
    if first != second:
        print("The two PINs were different. Nothing was changed.", file=sys.stderr)
        return 1
    weak = guessable(first)
    if weak:
        print(f"That PIN is too easy to guess: {weak}. Choose another. Nothing was changed.", file=sys.stderr)
        return 1
    settings, problems = load_settings(path)
    if problems:
        print(f"Note: {path} had problems, so the other settings are back to their defaults.", file=sys.stderr)
    save_settings(path, settings.with_changes(staff_pin=hash_pin(first)))
    print(f"Staff PIN set in {path}")
    return 0
