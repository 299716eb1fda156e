"""Fingers, keys and time: touch scrolling, taps inside scrolling areas, swipes and arrow keys that
turn pages, the idle reset, the staff's hidden corner.
"""
