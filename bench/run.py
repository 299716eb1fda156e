"""How fast and how lean the kiosk is, beside a browser kiosk showing the same page.

    python -m bench.run [--quick] [--json FILE] [--runs 5] [--taps 100] [--navs 5000] [--no-instructions]

Measures, on the real app:
  * cold start: process start until the home screen is first painted (``--exit-after-first-paint``),
    median of ``--runs`` runs, with the process's peak resident memory;
  * every interaction (``bench.interactions``): real input on the real window until the frame
    it brings is painted, median and 99th percentile over ``--taps`` of each: a region, Back,
    region tabs, the walkthrough's Next, Previous and Home, language, calm mode, high contrast,
    each text size, the idle reset, the attract screen, the staff corner's PIN pad;
  * instructions executed (``bench.instructions``, valgrind's callgrind) for a cold start and
    for a tap: a figure that doesn't swing with the machine's load, and the estimate it gives for
    a tablet's core (skipped by ``--quick`` and ``--no-instructions``, or without valgrind);
  * memory: peak resident memory after visiting every screen in every language and mode, and
    the growth over ``--navs`` navigations by tap (after a warm-up);
  * content: loading and checking all content, and rendering every page in every language;
  * bundle: the size of the packaged build in dist/kiosk, when one exists.

The peer is what clinics use instead (``bench.peer``): the same region page in headless
Chromium. Its wall time to a written screenshot and its memory sit beside the kiosk's, with the
ratios kiosk/Chromium. Without Chromium (Debian: ``apt-get install chromium``) it is skipped.

Both run offscreen, with the operating system's file cache warm (one unmeasured run first):
the start a tablet sees every morning after its first, and the same for both. Every kiosk
measurement runs in a fresh child process, so one part's memory does not count in another's.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from bench.content import content_times
from bench.host import machine
from bench.instructions import counts, tablet_estimate
from bench.peer import chromium_runner, chromium_summary, find_chromium, static_region_page
from bench.processes import ROOT, interleaved, kiosk_env, module_command
from bench.results import (
    BenchReport,
    Floors,
    InstructionCounts,
    Instructions,
    InstructionsSkipped,
    InteractiveResult,
    KioskResult,
    plain,
)
from bench.starts import (
    EMPTY_QT_WINDOW,
    EMPTY_WINDOW,
    PYTHON,
    bundle,
    bundle_exe,
    floor_runners,
    kiosk_runner,
    start_summary,
)
from bench.table import table
from bench.targets import TARGETS

INTERACTIVE = "interactive"  # the one part measured in a child process


def say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def interactive_child(args: argparse.Namespace) -> InteractiveResult:
    """Run the interactive part in a fresh process; it prints its result as JSON."""
    cmd = module_command("bench.run", "--child", INTERACTIVE, "--taps", str(args.taps), "--navs", str(args.navs))
    # The interactions say what they measure as they go: their lines pass through to stderr.
    done = subprocess.run(cmd, env=kiosk_env(), stdout=subprocess.PIPE, text=True, timeout=3600)
    if done.returncode != 0:
        raise RuntimeError(f"the {INTERACTIVE} measurement failed (its messages are above)")
    return InteractiveResult.from_json(json.loads(done.stdout.strip().splitlines()[-1]))


def options(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="cold starts of each (default %(default)s)")
    parser.add_argument("--taps", type=int, default=100,
                        help="times each interaction is measured (default %(default)s)")
    parser.add_argument("--navs", type=int, default=5000, help="navigations for memory growth (default %(default)s)")
    parser.add_argument("--quick", action="store_true",
                        help="3 runs, 10 of each interaction, 500 navigations, no instruction counts: a quick look")
    parser.add_argument("--no-peer", action="store_true", help="skip the Chromium peer")
    parser.add_argument("--no-instructions", action="store_true",
                        help="skip counting instructions (valgrind, 2 to 8 min)")
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "results.json", help="write the results here")
    parser.add_argument("--child", choices=[INTERACTIVE], help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.quick:
        args.runs, args.taps, args.navs, args.no_instructions = 3, 10, 500, True
    return args


def measure(args: argparse.Namespace) -> BenchReport:
    host = machine()
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as tmp:
        work = Path(tmp)
        chromium = None if args.no_peer else find_chromium()
        exe = bundle_exe()
        floors = floor_runners()
        runners = {"kiosk": kiosk_runner(work), **floors}
        if exe:
            runners["bundle"] = kiosk_runner(work, [str(exe)])
        if chromium:
            runners["chromium"] = chromium_runner(chromium, static_region_page(work), work)
        say(f"cold starts, taking turns: {', '.join(runners)} x{args.runs}...")
        starts = interleaved(runners, args.runs)
        start = start_summary(starts["kiosk"])
        floor = Floors(python_s=start_summary(starts[PYTHON]).median_s,
                       empty_qt_window_s=start_summary(starts[EMPTY_QT_WINDOW]).median_s)
        say(f"kiosk: every interaction x{args.taps}, every screen, {args.navs} navigations...")
        interactive = interactive_child(args)
        say("content: load and render x5...")
        kiosk = KioskResult(start=start, floors=floor, interactive=interactive, content=content_times(5))
        if not chromium:
            say("the Chromium peer is skipped" + ("" if args.no_peer else
                                                  ": Chromium not found (Debian: apt-get install chromium)"))
        instructions: Instructions
        if args.no_instructions:
            instructions = InstructionsSkipped("not counted (--quick or --no-instructions)")
        else:
            say("instructions: callgrind on a cold start, the floors and taps (2 to 8 minutes)...")
            instructions = counts(kiosk_env(), work / "settings.yaml", EMPTY_WINDOW)
            if isinstance(instructions, InstructionCounts):
                instructions = replace(instructions, tablet=tablet_estimate(instructions, start))
        if isinstance(instructions, InstructionsSkipped):
            say(f"instructions: {instructions.skipped}")
        return BenchReport(machine=host, targets=TARGETS, kiosk=kiosk,
                           chromium=chromium_summary(chromium, starts["chromium"]) if chromium else None,
                           bundle=bundle(exe, starts["bundle"]) if exe else None, instructions=instructions)


def main(argv: list[str] | None = None) -> int:
    args = options(argv)
    if args.child == INTERACTIVE:
        from bench.interactive import measure_interactive  # Qt, in the child only

        print(json.dumps(plain(measure_interactive(args.taps, args.navs))))
        return 0
    report = measure(args)
    report = replace(report, table=table(report))
    print(report.table)
    if args.json:
        report.write(args.json)
        print(f"\nwritten to {args.json}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
