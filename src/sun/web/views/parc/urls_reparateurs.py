"""Addresses of the fleet's wing « reparateurs »: `espace` (under /espace/) and `publiques`."""

espace: list = []
publiques: list = []
