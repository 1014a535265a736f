"""Indicators of the wing « taux » (registered through sun.parc.indicators)."""
