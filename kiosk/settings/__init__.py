"""The clinic's settings and the staff PIN, as values and on disk. No Qt."""
