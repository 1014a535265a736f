"""Indicators of the wing statistiques (declared with sun.core.indicators.declarer)."""
