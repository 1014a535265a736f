"""Addresses of the connectivity pages: publiques."""

espace: list = []
publiques: list = []
