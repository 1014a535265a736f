"""Addresses of the fleet's wing « dons »: `espace` (under /espace/) and `publiques`."""

espace: list = []
publiques: list = []
