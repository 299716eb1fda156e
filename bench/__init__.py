"""How fast, how lean and how sturdy the kiosk is: the bench and the soak.

    python -m bench.run [--quick]          # speed and memory, beside a browser kiosk
    python -m bench.soak --actions 10000    # thousands of random real inputs, nothing may break

Run from the repository's folder. The modules, by job:

* arithmetic and processes, no Qt: ``stats`` (medians, percentiles), ``memory`` (resident
  memory, a process tree's peak), ``processes`` (a timed child process, runs taking turns),
  ``starts`` (cold starts and their floors, the packaged build), ``content`` (loading and
  rendering), ``peer`` (the Chromium peer), ``instructions`` (callgrind's counts), ``host``
  (the machine), ``targets`` (what the kiosk aims for), ``results`` (every result as a
  dataclass, and its JSON), ``table`` (the printed table), ``run`` (the command line);
* the real window, driven by real input: ``session`` (one kiosk window), ``finger`` (presses,
  moves and releases at window coordinates), ``finder`` (what a finger can reach), ``frames``
  (which screens were painted), ``interactions`` (each interaction timed), ``interactive``
  (the measurements made in a child process), ``taps`` (the tap driver callgrind counts);
* ``bench.soak``: the soak, split by job (see its own docstring).
"""
