"""The staff's way in: the PIN pad, the menu, the usage charts, and the desk that carries out what
staff choose.
"""
