"""The machine and the process the kiosk runs as: where its files are, its log, writing a file
safely, giving memory back, the program's name, exit codes, crash capture and the run marker, the
supervisor that restarts it, machine-wide settings, the support bundle and IT's commands. No Qt.
"""
