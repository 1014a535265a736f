"""Addresses of the fleet's wing « empreinte »: `espace` (under /espace/) and `publiques`."""

espace: list = []
publiques: list = []
