"""Addresses of the fleet's wing « sobriete »: `espace` (under /espace/) and `publiques`."""

espace: list = []
publiques: list = []
