"""Indicators of the wing « empreinte » (registered through sun.parc.indicators)."""
