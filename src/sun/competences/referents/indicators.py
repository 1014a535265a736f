"""Indicators of the wing referents (declared with sun.core.indicators.declarer)."""
