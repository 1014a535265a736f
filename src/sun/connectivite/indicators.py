"""Indicators of connectivity (orientation 6): registered in a later step of this module."""
