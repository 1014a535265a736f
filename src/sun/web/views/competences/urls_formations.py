"""Addresses of the training wing « formations »: `espace` (under /espace/) and `publiques`."""

espace: list = []
publiques: list = []
