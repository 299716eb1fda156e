"""The staff PIN the tests use, and its hash (made once per run: hashing is deliberately slow)."""

PIN = "2468"
