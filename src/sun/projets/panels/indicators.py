"""Indicators of the wing panels (declared with sun.core.indicators.declarer)."""
