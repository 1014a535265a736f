"""Addresses of the projects wing « demandes »: `espace` (under /espace/) and `publiques`."""

espace: list = []
publiques: list = []
