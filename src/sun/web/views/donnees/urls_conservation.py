"""Addresses of the data service's wing « conservation »: `espace` (under /espace/) and
`publiques`."""

espace: list = []
publiques: list = []
