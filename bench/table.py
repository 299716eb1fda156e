"""The printed table: each figure beside Chromium's, their ratio, and the target with its verdict."""

from __future__ import annotations

from bench.results import Absent, BenchReport, InstructionCounts, InteractionSummary, Timed
from bench.targets import CAUSES, START_OVER_FLOOR, TARGETS, Interaction, Targets

Row = tuple[str, str, str, str, str]  # what, kiosk, Chromium, kiosk/Chromium, target


def gaps(summary: Timed, targets: Targets = TARGETS) -> list[str]:
    """How far one interaction's times are over its targets; empty when it meets them."""
    over = []
    if summary.median >= targets.tap_median_ms:
        over.append(f"median +{summary.median - targets.tap_median_ms:.1f} ms")
    if summary.p99 >= targets.tap_p99_ms:
        over.append(f"p99 +{summary.p99 - targets.tap_p99_ms:.1f} ms")
    return over


def verdict(summary: InteractionSummary, targets: Targets = TARGETS) -> str:
    """"met", or the gap to the targets, for one interaction's summary."""
    if isinstance(summary, Absent):
        return "not present"
    over = gaps(summary, targets)
    return "met" if not over else "gap: " + ", ".join(over)


def explained_verdict(interaction: Interaction, summary: InteractionSummary, targets: Targets = TARGETS) -> str:
    """The verdict, with the known cause of a gap."""
    said = verdict(summary, targets)
    cause = CAUSES.get(interaction)
    if isinstance(summary, Timed) and gaps(summary, targets) and cause:
        said += f" ({cause})"
    return said


def _ratio(a: float, b: float | None) -> str:
    return f"{a / b:.2f}x" if b else "-"


def _met(ok: bool) -> str:
    return "met" if ok else "NOT met"


def rows(report: BenchReport) -> list[Row]:
    k, c, t = report.kiosk, report.chromium, report.targets
    out: list[Row] = []
    start = k.start.median_s
    floor = k.floors.empty_qt_window_s
    out.append(("cold start / empty PySide6 window's start", f"{start / floor:.2f}x", "-", "-",
                f"about {START_OVER_FLOOR}x: {_met(start / floor <= START_OVER_FLOOR)}"))
    if c:
        out.append(("cold start to first paint (median)", f"{start * 1000:.0f} ms", f"{c.median_s * 1000:.0f} ms",
                    _ratio(start, c.median_s), f"<= {t.start_ratio}x: {_met(start <= t.start_ratio * c.median_s)}"))
    else:
        out.append(("cold start to first paint (median)", f"{start * 1000:.0f} ms", "skipped", "-", "-"))
    peak = k.interactive.every_screen.peak_mb
    if c:
        out.append(("peak memory, largest process", f"{peak:.0f} MB (every screen)",
                    f"{c.largest_process_mb:.0f} MB", _ratio(peak, c.largest_process_mb),
                    f"<= {t.peak_ratio}x and < {t.peak_mb:.0f} MB: "
                    f"{_met(peak <= t.peak_ratio * c.largest_process_mb and peak < t.peak_mb)}"))
        out.append(("peak memory, all processes", f"{peak:.0f} MB (1 process)",
                    f"{c.all_processes_mb:.0f} MB ({c.processes} processes)", _ratio(peak, c.all_processes_mb), "-"))
    else:
        out.append(("peak memory, largest process", f"{peak:.0f} MB (every screen)", "skipped", "-",
                    f"< {t.peak_mb:.0f} MB: {_met(peak < t.peak_mb)}"))
    out.append(("start: peak memory at first paint", f"{k.start.peak_mb:.0f} MB", "-", "-", "-"))
    chromium_s = c.median_s if c else None
    for label, seconds in (("floor: Python starting and exiting", k.floors.python_s),
                           ("floor: an empty PySide6 window to first paint", k.floors.empty_qt_window_s)):
        out.append((label, f"{seconds * 1000:.0f} ms", "-", _ratio(seconds, chromium_s), "-"))
    i = k.interactive
    for interaction, m in i.interactions.items():
        label = f"{interaction.value} (median / p99, {m.count if isinstance(m, Timed) else 0} each)"
        if isinstance(m, Absent):
            out.append((label, "not present", "-", "-", m.not_present))
            continue
        out.append((label, f"{m.median:.1f} / {m.p99:.1f} ms", "-", "-",
                    f"< {t.tap_median_ms:.0f} / {t.tap_p99_ms:.0f} ms: {explained_verdict(interaction, m, t)}"))
    n_i = report.instructions
    if isinstance(n_i, InstructionCounts):
        out.append(("instructions: cold start to first paint", f"{n_i.start / 1e9:.2f} G", "-", "-",
                    f"{n_i.start / n_i.empty_qt_window:.2f}x the empty window's {n_i.empty_qt_window / 1e9:.2f} G"))
        out.append(("instructions: one tap (region or Back, to painted)", f"{n_i.tap / 1e6:.1f} M", "-", "-", "-"))
        if n_i.tablet:
            tablet = n_i.tablet
            out.append((f"tablet estimate (a core at {tablet.instructions_per_s / 1e9:.1f} G instructions/s)",
                        f"start {tablet.start_s * 1000:.0f} ms, tap {tablet.tap_ms:.1f} ms", "-", "-",
                        "estimate; see 'assumption'"))
    else:
        out.append(("instructions (callgrind)", n_i.skipped, "-", "-", "-"))
    out.append(("processor use while home waits (5 s)", f"{i.idle_cpu_percent:.1f} %", "-", "-", "-"))
    n = i.navigations
    out.append((f"memory growth over {n.count} navigations", f"{n.growth_mb:+.1f} MB", "-", "-",
                f"< {t.growth_mb:.0f} MB: {_met(n.growth_mb < t.growth_mb)}"))
    e = i.every_screen
    out.append((f"show every screen ({e.screens}, all languages and modes)", f"{e.seconds:.1f} s", "-", "-", "-"))
    ct = k.content
    out.append(("load and check all content", f"{ct.load_median_ms:.0f} ms", "-", "-", "-"))
    out.append((f"render every page ({ct.pages}, {ct.languages} languages)", f"{ct.render_median_ms:.0f} ms",
                "-", "-", "-"))
    b = report.bundle
    if b:
        out.append(("packaged build (dist/kiosk)", f"{b.size_mb:.0f} MB, {b.files} files", "-", "-", "-"))
        out.append(("packaged build: start to first paint (median)", f"{b.start.median_s * 1000:.0f} ms",
                    "-", "-", "-"))
    else:
        out.append(("packaged build", "not built (pyinstaller build.spec)", "-", "-", "-"))
    return out


def table(report: BenchReport) -> str:
    header: Row = ("", "kiosk", "Chromium", "kiosk/Chromium", "target")
    body = rows(report)
    widths = [max(len(r[i]) for r in [header, *body]) for i in range(5)]

    def line(r: Row) -> str:
        return "| " + " | ".join(cell.ljust(w) for cell, w in zip(r, widths)) + " |"

    out = [line(header), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    out.extend(line(r) for r in body)
    m = report.machine
    out.append(f"\n{m.date}: {m.cpu}, {m.cores} cores, {m.memory_gb} GB, {m.os}, "
               f"Python {m.python}, PySide6 {m.pyside6}"
               + (f", {report.chromium.version}" if report.chromium else ", no Chromium"))
    return "\n".join(out)
