"""Indicators of the wing demandes (declared with sun.core.indicators.declarer)."""
