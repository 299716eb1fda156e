"""The machine the kiosk runs on: where its files are, its log file, writing a file safely, giving
memory back. No Qt.
"""
