"""Addresses of the fleet's wing « inventaire »: `espace` (under /espace/) and `publiques`."""

espace: list = []
publiques: list = []
