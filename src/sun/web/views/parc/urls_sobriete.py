"""Addresses of the fleet's wing « sobriete »: `espace` (under /espace/) and `publiques`."""

from django.urls import path

from sun.web.views.parc import sobriete as vues

espace: list = []
publiques: list = [
    path("sobriete/", vues.page, name="sobriete"),
]
