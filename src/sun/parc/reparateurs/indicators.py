"""Indicators of the wing « reparateurs » (registered through sun.parc.indicators)."""
