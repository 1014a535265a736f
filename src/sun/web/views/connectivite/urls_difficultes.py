"""Addresses of the connectivity pages: difficultes."""

espace: list = []
publiques: list = []
