import sys

# A child process checking content for the running kiosk (kiosk/checks/child.py): it is this program
# again, packaged or not, with a private first argument, and needs nothing else from the command line.
if sys.argv[1:2] == ["--check-in-child"]:
    from kiosk.checks.child import child_main

    raise SystemExit(child_main(sys.argv[2:]))
# The same for trying the speech engine before the kiosk relies on it (kiosk/ui/speech/probe.py).
if sys.argv[1:2] == ["--probe-speech-in-child"]:
    from kiosk.ui.speech.probe import probe_main

    raise SystemExit(probe_main(sys.argv[2:]))
# And for laying out every screen for --check-content (kiosk/ui/offscreen/fitcheck.py).
if sys.argv[1:2] == ["--fit-in-child"]:
    from kiosk.ui.offscreen.fitcheck import fit_main

    raise SystemExit(fit_main(sys.argv[2:]))

from kiosk.cli import main  # after the child's way out, which needs none of it

raise SystemExit(main())
