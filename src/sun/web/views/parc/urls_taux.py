"""Addresses of the fleet's wing « taux »: `espace` (under /espace/) and `publiques`."""

espace: list = []
publiques: list = []
