"""Patient-education kiosk about dry needling for runners."""

__version__ = "0.1.0"
