"""New content while the kiosk runs: the content folder watched, and checked in a child process."""
