"""The kiosk as a process: one at a time, its orderly end, and its signs of life after a crash."""
