"""What the kiosk draws without a screen: the tour of every screen (self-test, screenshots) and the
review pack's PDF.
"""
