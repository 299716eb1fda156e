"""The soak's command line: ``python -m bench.soak``."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

from bench.soak.report import SoakReport


def options(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.soak",
        description="Drive the real kiosk offscreen through random actions; exit 0 only if nothing crashed, "
                    "nothing went unhandled and memory stayed level.")
    parser.add_argument("--actions", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-growth-mb", type=float, default=10.0)
    parser.add_argument("--idle-seconds", type=float, default=2.0, help="idle reset timer (default %(default)s)")
    parser.add_argument("--countdown-seconds", type=int, default=2, help="'still reading?' countdown")
    parser.add_argument("--warmup", type=int, default=300, help="actions before the memory baseline")
    parser.add_argument("--json", type=Path, help="also write the report here as JSON")
    parser.add_argument("--quiet", action="store_true", help="no progress lines")
    parser.add_argument("--in-process", action="store_true",
                        help="drive the kiosk in this process; by default a child process does, so that a "
                             "hard crash (an abort or a segfault) is reported rather than taking the report with it")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--work-dir", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def run_here(args: argparse.Namespace) -> SoakReport:
    from bench.soak.longrun import run_soak  # Qt: in the process that drives the kiosk only

    progress = None if args.quiet else (lambda line: print(line, file=sys.stderr, flush=True))
    checkpoint: Callable[[SoakReport], None] | None = None
    if args.child and args.json:
        partial = args.json.with_name(args.json.name + ".partial")

        def checkpoint(report: SoakReport) -> None:
            partial.write_text(json.dumps(report.to_dict()), encoding="utf-8")

    return run_soak(args.actions, args.seed, args.idle_seconds, args.countdown_seconds,
                    warmup=args.warmup, max_growth_mb=args.max_growth_mb, work_dir=args.work_dir,
                    progress=progress, checkpoint=checkpoint)


def supervised(args: argparse.Namespace) -> SoakReport:
    from bench.soak.supervise import supervise

    passed_on = ["--actions", str(args.actions), "--seed", str(args.seed), "--max-growth-mb", str(args.max_growth_mb),
                 "--idle-seconds", str(args.idle_seconds), "--countdown-seconds", str(args.countdown_seconds),
                 "--warmup", str(args.warmup), *(["--quiet"] if args.quiet else [])]
    return supervise(passed_on, args.actions, args.seed, args.max_growth_mb, args.quiet)


def write(report: SoakReport, path: Path) -> None:
    path.write_text(json.dumps(report.to_dict(), indent=2) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    args = options(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.child:
        report = run_here(args)
        write(report, args.json)
        return 0 if report.passed else 1
    report = run_here(args) if args.in_process else supervised(args)
    print(report.format())
    if args.json:
        write(report, args.json)
    return 0 if report.passed else 1
