"""The anonymous usage counts: kept per hour, repaired when damaged, read back for the staff's
charts and as CSV. No Qt.
"""
