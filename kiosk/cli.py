"""The ``kiosk`` command line. Qt is imported only by the modes that need a screen."""

from __future__ import annotations

import argparse
import gc
import logging
import sys
from collections.abc import Callable
from pathlib import Path

from kiosk import __version__
from kiosk.reading.bodyart import ArtError
from kiosk.system import crashlog, itcommands
from kiosk.system.logfile import ON_THE_CONSOLE, console_only_hears_the_rest, hold_log_records, open_log_file
from kiosk.system.machinesettings import content_folder as machine_content_folder
from kiosk.system.programname import program_name
from kiosk.system.resources import default_content_dir


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=program_name(), description="Patient-education kiosk about dry needling for runners."
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
    parser.add_argument("--quick", action="store_true",
                        help="with --check-content: check the files and their words only, not whether every "
                             "screen fits the tablet (a few seconds instead of about half a minute)")
    mode.add_argument("--self-test", action="store_true",
                      help="open every screen offscreen and exit 0 only if all of them rendered")
    mode.add_argument("--screenshot", metavar="DIR", type=Path,
                      help="save a PNG of every screen at 1280x800 into DIR")
    # The review pack a clinician signs and a translator works from
    mode.add_argument("--export-pages", metavar="DIR", type=Path,
                      help="write every page in every language and mode to DIR as one HTML file and a PDF, "
                           "with a sign-off block, for review")
    mode.add_argument("--export-usage", metavar="FILE", type=Path,
                      help="write the anonymous usage counts to FILE as CSV: one row per day and measure, "
                           "named by the kiosk_name setting")
    mode.add_argument("--set-pin", action="store_true",
                      help="set the staff PIN (asked twice, never shown); stored only as a salted hash")
    itcommands.add_arguments(parser, mode)
    return parser


def _path_problem(args: argparse.Namespace, content_dir: Path) -> str | None:
    """What is wrong with a file or folder given on the command line, if anything."""
    from kiosk import arguments

    checks = [
        args.config and arguments.file_to_write("--config", args.config, "settings.yaml"),
        args.export_usage and arguments.file_to_write("--export-usage", args.export_usage, "usage.csv"),
        args.screenshot and arguments.folder_to_write("--screenshot", args.screenshot),
        # --check-content names a missing folder itself, as a problem; --export-pages says what it can't write.
        isinstance(args.check_content, str) and Path(args.check_content).exists()
        and arguments.folder_to_read("--check-content", Path(args.check_content)),
        # the support bundle reports a missing content folder inside it, when support needs it most
        not (args.set_pin or args.export_usage or args.check_content or args.supervise or args.support_bundle)
        and arguments.folder_to_read("--content", content_dir),
    ]
    return next((problem for problem in checks if isinstance(problem, str)), None)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = _parser()
    args = parser.parse_args(argv)
    if args.quick and args.check_content is None:
        parser.error("--quick goes with --check-content")
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    for console in logging.getLogger().handlers:
        console.addFilter(console_only_hears_the_rest)
    content_dir = args.content or machine_content_folder() or default_content_dir()
    problem = _path_problem(args, content_dir)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    try:
        it_mode = itcommands.run(args, argv, content_dir)
        if it_mode is not None:
            return it_mode
        if args.set_pin:
            return _set_pin(args.config)
        if args.export_usage:
            return _export_usage(args.config, args.export_usage)
        if args.check_content is not None:
            return _check(Path(args.check_content) if args.check_content is not True else content_dir,
                          layout=not args.quick)
        if args.self_test or args.screenshot:
            from kiosk.ui.offscreen import tour  # every screen's module: not wanted before the kiosk's first paint

            if args.self_test:
                return _self_test(content_dir, tour.self_test)
            return tour.save_screenshots(content_dir, args.screenshot)
        if args.export_pages:
            return _export_pages(content_dir, args.export_pages)
        # Until home is first painted: no cyclic garbage collection (about 5% of the start's
        # instructions went to collections finding next to nothing), and the log's records wait
        # in memory for the log file (logging.handlers pulls in sockets and pickling).
        gc.disable()
        held = hold_log_records()
        logging.getLogger("kiosk").info("kiosk %s starting", __version__)
        from kiosk.ui import app

        def after_first_paint() -> None:
            gc.enable()
            open_log_file(held)
            if crashlog.test_crash_wanted(argv):
                crashlog.crash_now()

        try:
            return app.run(content_dir, windowed=args.windowed, exit_after_first_paint=args.exit_after_first_paint,
                           settings_path=args.config, after_first_paint=after_first_paint,
                           on_fatal=lambda: open_log_file(held))
        finally:
            gc.enable()
            if held in logging.getLogger().handlers and not args.exit_after_first_paint:
                open_log_file(held)  # it stopped before its first paint: the log file still gets why
    except ArtError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except OSError as exc:  # a file or folder the checks above couldn't foresee: named, with the reason
        logging.getLogger("kiosk").error("file error", exc_info=True, extra=ON_THE_CONSOLE)
        where = f" {exc.filename}" if exc.filename else ""
        print(f"kiosk: can't use{where} ({exc.strerror or exc})", file=sys.stderr)
        return 1
    except Exception as exc:  # staff get one readable line, the log gets the details
        logging.getLogger("kiosk").error("unexpected error", exc_info=True, extra=ON_THE_CONSOLE)
        print(f"kiosk: unexpected error: {exc.__class__.__name__}: {exc}", file=sys.stderr)
        return 3


def _check(folder: Path, layout: bool = True) -> int:
    from kiosk.checks.child import check_in_child
    from kiosk.checks.report import report_lines

    # In a child process with a deadline: --check-content always ends, whatever the folder holds.
    problems = check_in_child(folder).problems
    if layout and not any(not p.warning for p in problems):  # content that loads: does every screen fit?
        from kiosk.ui.offscreen.fitcheck import fit_problems

        problems = (*problems, *fit_problems(folder))
    errors = [p for p in problems if not p.warning]
    for line in report_lines(problems):  # errors first; each kind of sign-off warning in one line
        print(line)
    if errors:
        print(f"{len(errors)} problem(s) found in {folder}", file=sys.stderr)
        return 1
    # The verdict last, after the warnings: the line staff see at the foot of the window, and scripts read.
    print(f"content OK: {folder}")
    return 0


def _export_pages(content_dir: Path, out_dir: Path) -> int:
    """The review pack, as HTML and PDF. Problems in the content are in it as the kiosk shows them."""
    import datetime

    from kiosk.checks.reviewpack import build_pack, write_html
    from kiosk.model.problems import ContentError
    from kiosk.pages.book import load_pages
    from kiosk.reading.bodyart import load_art
    from kiosk.ui.app import application
    from kiosk.ui.offscreen.reviewpdf import write_pdf

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
    from kiosk.checks.folder import content_errors

    return open_every_screen(folder, [str(problem) for problem in content_errors(folder)])


def _export_usage(config: Path | None, out: Path) -> int:
    from datetime import date

    from kiosk.settings.file import load_settings
    from kiosk.settings.values import data_dir, default_path
    from kiosk.usage.counts import FILE_NAME
    from kiosk.usage.report import UsageUnreadable, export_csv, read_days

    settings, _ = load_settings(config or default_path())
    try:
        rows = read_days(data_dir() / FILE_NAME, date.min)
    except UsageUnreadable as exc:
        print(f"kiosk: {exc}. Nothing was written. If the kiosk is running, try again in a minute; "
              "if the file is damaged, the kiosk sets it aside by itself and keeps what it can read.",
              file=sys.stderr)
        return 1
    try:
        written = export_csv(rows, settings.kiosk_name, out)
    except OSError as exc:
        print(f"kiosk: can't write {out} ({exc.strerror})", file=sys.stderr)
        return 1
    print(f"{written} row(s) of usage counts written to {out}")
    return 0


def _set_pin(config: Path | None) -> int:
    """Set the staff PIN and keep every other setting: a file with mistakes keeps its good
    settings (and the last good ones for the rest); one that can't be read at all, without a
    last good copy to go on, is left alone."""
    import getpass

    from kiosk.settings.file import read_settings, save_settings
    from kiosk.settings.pin import MAX_DIGITS, MIN_DIGITS, hash_pin, valid_pin
    from kiosk.settings.pinrules import guessable
    from kiosk.settings.values import default_path

    path = config or default_path()
    logging.getLogger("kiosk.settings.file").setLevel(logging.ERROR)  # its problems are printed below, once
    loaded = read_settings(path)
    if loaded.unreadable and not loaded.from_last_good and (path.exists() or path.is_symlink()):
        for problem in loaded.problems:
            print(problem, file=sys.stderr)
        print(f"Nothing was changed. Fix {path}, or delete it to start from the default settings, "
              "then set the PIN again.", file=sys.stderr)
        return 1
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
    for problem in loaded.problems:
        print(f"Note: {problem}", file=sys.stderr)
    try:
        save_settings(path, loaded.settings.with_changes(staff_pin=hash_pin(first)))
    except OSError as exc:
        print(f"kiosk: can't write {path} ({exc.strerror or exc}). Nothing was changed.", file=sys.stderr)
        return 1
    if loaded.problems:
        print(f"The other settings were kept as the kiosk uses them; the file with the mistakes is kept "
              f"beside it as {path.name}.broken-<date and time>.", file=sys.stderr)
    print(f"Staff PIN set in {path}")
    return 0
