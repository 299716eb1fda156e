"""Resident memory: this process's, now and at its peak, and a whole process tree's, sampled."""

from __future__ import annotations

import os
import threading


def rss_bytes() -> int:
    """Resident set size now (the working set on Windows), on every system the kiosk runs on."""
    import psutil  # /proc and `resource` exist on Linux only; the soak must run on Windows too

    return int(psutil.Process().memory_info().rss)


def peak_rss_bytes() -> int:
    """This process's peak resident set size so far (Linux and macOS)."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


class TreeMemory(threading.Thread):
    """Samples a process and all its descendants (Linux /proc) every few milliseconds."""

    def __init__(self, pid: int, every: float = 0.005):
        super().__init__(daemon=True)
        self.pid, self.every = pid, every
        self.peak_total = 0  # bytes, the whole tree at one moment
        self.peak_single = 0  # bytes, the largest one process
        self.most_processes = 0
        self._done = threading.Event()

    def run(self) -> None:
        page = os.sysconf("SC_PAGE_SIZE")
        while not self._done.is_set():
            sizes = []
            for pid in process_tree(self.pid):
                try:
                    with open(f"/proc/{pid}/statm", encoding="ascii") as statm:
                        sizes.append(int(statm.read().split()[1]) * page)
                except (OSError, ValueError, IndexError):
                    pass
            if sizes:
                self.peak_total = max(self.peak_total, sum(sizes))
                self.peak_single = max(self.peak_single, max(sizes))
                self.most_processes = max(self.most_processes, len(sizes))
            self._done.wait(self.every)

    def stop(self) -> None:
        self._done.set()
        self.join()


def process_tree(root: int) -> list[int]:
    """``root`` and every process descended from it, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as stat:
                    ppid = int(stat.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, ()))
    return found
