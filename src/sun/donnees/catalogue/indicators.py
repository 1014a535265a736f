"""Indicators of the wing « catalogue » (registered through sun.donnees.indicators)."""
