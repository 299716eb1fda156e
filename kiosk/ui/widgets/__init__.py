"""The pieces screens are made of: the body map, the reading pane, tabs, tick boxes, buttons whose
words wrap, the focus ring.
"""
