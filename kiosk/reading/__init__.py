"""From the content folder's files to the model: YAML read with its line numbers, each file's cost
bounded, every mistake worded for staff. No Qt.
"""
