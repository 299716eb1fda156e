"""Which screen is shown: the router (a typed history, the screens kept ready), the homes kept per
language, the screens made ahead while home waits.
"""
