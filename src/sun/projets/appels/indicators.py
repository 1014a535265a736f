"""Indicators of the wing appels (declared with sun.core.indicators.declarer)."""
