"""Addresses of the data service's wing « inventaire »: `espace` (under /espace/) and
`publiques`."""

espace: list = []
publiques: list = []
