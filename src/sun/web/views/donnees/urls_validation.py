"""Addresses of the data service's wing « validation »: `espace` (under /espace/) and
`publiques`."""

espace: list = []
publiques: list = []
