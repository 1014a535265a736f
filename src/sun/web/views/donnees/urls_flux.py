"""Addresses of the data service's wing « flux »: `espace` (under /espace/) and
`publiques`."""

espace: list = []
publiques: list = []
