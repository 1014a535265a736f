"""Indicators of the wing « dons » (registered through sun.parc.indicators)."""
