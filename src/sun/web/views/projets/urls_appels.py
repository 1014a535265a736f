"""Addresses of the projects wing « appels »: `espace` (under /espace/) and `publiques`."""

espace: list = []
publiques: list = []
