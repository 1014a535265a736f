"""Addresses of the projects wing « panels »: `espace` (under /espace/) and `publiques`."""

espace: list = []
publiques: list = []
