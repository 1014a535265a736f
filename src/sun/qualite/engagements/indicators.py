"""Indicators of this wing (registered by sun.qualite.indicators)."""
