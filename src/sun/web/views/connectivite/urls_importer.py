"""Addresses of the connectivity pages: importer."""

espace: list = []
publiques: list = []
