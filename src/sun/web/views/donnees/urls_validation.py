"""Addresses of the data service's wing « validation »: `espace` (under /espace/) and
`publiques`."""

from django.urls import path

from sun.web.views.donnees import validation

espace: list = [
    path("donnees/verifier/", validation.verifier, name="donnees_valider"),
    path("donnees/schemas/", validation.liste_schemas, name="donnees_schemas"),
]
publiques: list = []
