"""Indicators of the wing suivi (declared with sun.core.indicators.declarer)."""
