"""Indicators of the wing formations (declared with sun.core.indicators.declarer)."""
