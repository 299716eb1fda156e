"""What staff are told about their content: --check-content, calm mode's promise, sources,
readability, the review pack, and new content checked in a child process. No Qt.
"""
