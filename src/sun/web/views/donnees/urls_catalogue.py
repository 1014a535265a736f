"""Addresses of the data service's wing « catalogue »: `espace` (under /espace/) and
`publiques`."""

espace: list = []
publiques: list = []
