"""Indicators of the wing besoins (declared with sun.core.indicators.declarer)."""
