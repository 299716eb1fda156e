"""The soak: the real kiosk window driven offscreen through thousands of random actions.

Every action is real input at real coordinates, into the window as the platform would send
it: mouse clicks and drags, one-finger touch taps, swipes and holds, the wheel and the keys.
Patients tap the body map and buttons, scroll, swipe through the walkthrough, switch the
language and calm mode, go back home, or walk away and let the real idle timer reset the
kiosk; staff hold the corner for the PIN pad and edit a private copy of the content folder,
good and broken, which the real folder watcher picks up. The soak counts crashes, unhandled
exceptions, Qt critical messages and content judged wrongly, and watches resident memory.

    python -m bench.soak --actions 10000 [--seed N] [--max-growth-mb 10] [--json FILE]

Exit code 0 only if there were no crashes, no unhandled exceptions, and memory grew by no
more than ``--max-growth-mb`` after the warm-up. The kiosk is driven in a child process, so
that a hard crash (an abort, a segfault) still ends in a report, with the crash in it;
``--in-process`` drives it in this process instead.

By job: ``counts`` (what is counted: the actions, the happenings), ``report`` (the report and
its JSON), ``editor`` (good and bad edits to the content copy), ``state`` (where the kiosk is,
and the counts so far), ``actions`` (each action, and when it fits), ``checks`` (what counts as
trouble, and the hooks that see it), ``driver`` (one window and its actions), ``longrun`` (the
long seeded run), ``machine`` (the same actions as a Hypothesis state machine, for
``tests/system/test_soak.py``: a failing run shrinks to a few steps), ``supervise`` (the child
process), ``cli`` (the command line).
"""
