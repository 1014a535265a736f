"""Addresses of the training wing « suivi » (follow-up, people, elected officials, directions): `espace` and `publiques`."""

espace: list = []
publiques: list = []
