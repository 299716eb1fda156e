"""The clinic's content as typed, immutable objects: one module per kind of content file. No Qt, no
files.
"""
