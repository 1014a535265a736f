"""Addresses of the projects wing « besoins »: `espace` (under /espace/) and `publiques`."""

espace: list = []
publiques: list = []
