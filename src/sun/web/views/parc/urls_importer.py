"""Addresses of the fleet's wing « importer »: `espace` (under /espace/) and `publiques`."""

espace: list = []
publiques: list = []
