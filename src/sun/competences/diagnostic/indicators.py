"""Indicators of the wing diagnostic (declared with sun.core.indicators.declarer)."""
