"""How everything looks: the style sheet from the clinic's colours, contrast and text size, and the
kiosk's own typeface.
"""
