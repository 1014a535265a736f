"""Addresses of the connectivity pages: fiches."""

espace: list = []
publiques: list = []
