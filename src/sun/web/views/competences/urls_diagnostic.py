"""Addresses of the training wing « diagnostic »: `espace` (under /espace/) and `publiques`."""

espace: list = []
publiques: list = []
