"""Read aloud: the voice, the controls the screens show, audio mode for patients who can't see the
screen.
"""
