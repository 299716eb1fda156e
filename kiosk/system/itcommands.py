"""The command line's options for IT and support: ``--support-bundle``, ``--supervise``, and the
hidden switch the kiosk's own tests crash it with. No Qt here; kiosk.cli hands them over here.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from kiosk.system import crashlog, supervisor
from kiosk.system.programname import program_name

log = logging.getLogger(__name__)


def add_arguments(parser: argparse.ArgumentParser, modes: argparse._MutuallyExclusiveGroup) -> None:
    modes.add_argument("--support-bundle", metavar="FILE", type=Path,
                       help="pack the logs, crash reports, settings (without the staff PIN) and the content "
                            "check into FILE (a .zip) for support")
    modes.add_argument(supervisor.FLAG, action="store_true",
                       help="run the kiosk and start it again after a crash or a kill, never after the staff "
                            "exit (for Windows Pro's Assigned Access, which doesn't restart it)")
    parser.add_argument(crashlog.TEST_CRASH_FLAG, action="store_true", help=argparse.SUPPRESS)


def run(args: argparse.Namespace, argv: list[str], content_dir: Path) -> int | None:
    """Carry out an IT mode; None when the kiosk should simply start."""
    if getattr(args, "crash_for_test", False) and not crashlog.test_crash_wanted(argv):
        print(f"{program_name()}: {crashlog.TEST_CRASH_FLAG} is only for the kiosk's own tests", file=sys.stderr)
        return 2
    if args.support_bundle is not None:
        return _support_bundle(args.support_bundle, args.config, content_dir)
    if args.supervise:
        from kiosk.settings.values import log_dir

        supervisor.log_to_file(log_dir())
        return supervisor.supervise(supervisor.child_command(argv), upgrading=_upgrading_flag())
    return None


def _upgrading_flag() -> Path:
    from kiosk.system.resources import app_dir

    return app_dir() / supervisor.UPGRADING


def _support_bundle(out: Path, config: Path | None, content_dir: Path) -> int:
    from kiosk import arguments
    from kiosk.settings.values import default_path, log_dir
    from kiosk.system.machinesettings import machine_settings_path
    from kiosk.system.supportbundle import write_bundle

    problem = arguments.file_to_write("--support-bundle", out, "support.zip")
    if problem:
        print(problem, file=sys.stderr)
        return 2
    try:
        names = write_bundle(out, content_dir=content_dir, settings_path=config or default_path(),
                             log_folder=log_dir(), machine_settings=machine_settings_path())
    except OSError as exc:
        print(f"{program_name()}: can't write {out} ({exc.strerror or exc})", file=sys.stderr)
        return 1
    print(f"support bundle written to {out} ({len(names)} files; the staff PIN is not in it)")
    return 0
