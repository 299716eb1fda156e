"""One module per screen. A screen is made from its page(s) and a small typed context, reports what
the patient asks for through its signals, and never reaches into its parent.
"""
