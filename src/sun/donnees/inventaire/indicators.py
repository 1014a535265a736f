"""Indicators of the wing « inventaire » (registered through sun.donnees.indicators)."""
