"""Addresses of the training wing « referents »: `espace` (under /espace/) and `publiques`."""

espace: list = []
publiques: list = []
