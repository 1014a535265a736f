"""Addresses of the projects wing « statistiques » (typology, GLPI import, statistics): `espace` and `publiques`."""

espace: list = []
publiques: list = []
