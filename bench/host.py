"""The machine a run was made on, for the table's last line."""

from __future__ import annotations

import os
import platform
import time

from bench.results import Machine


def machine() -> Machine:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as info:
            names = [line.split(":", 1)[1].strip() for line in info if line.startswith("model name")]
            cpu = names[0] if names else cpu
    except OSError:
        pass
    memory = None
    try:
        with open("/proc/meminfo", encoding="ascii") as info:
            memory = round(int(info.readline().split()[1]) / 1024 / 1024, 1)
    except (OSError, ValueError, IndexError):
        pass
    import PySide6

    return Machine(cpu=cpu, cores=os.cpu_count(), memory_gb=memory, os=platform.platform(),
                   python=platform.python_version(), pyside6=PySide6.__version__, date=time.strftime("%Y-%m-%d"))
