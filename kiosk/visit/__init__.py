"""One patient's visit: their choices, the card they show their therapist, which screen they are on
and the way back. No Qt.
"""
