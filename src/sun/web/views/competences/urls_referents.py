"""Addresses of the training wing « referents »: `espace` (under /espace/) and `publiques`."""

from django.urls import path

from sun.web.views.competences import referents, referents_edition

espace: list = [
    path("competences/referents/", referents.liste, name="competences_referents"),
    path("competences/referents/referents.csv", referents.export_csv,
         name="competences_referents_csv"),
    path("competences/referents/ajouter/", referents_edition.ajouter,
         name="competences_referents_ajouter"),
    path("competences/referents/<int:pk>/", referents_edition.modifier,
         name="competences_referents_modifier"),
    path("competences/referents/<int:pk>/desactiver/", referents_edition.desactiver,
         name="competences_referents_desactiver"),
]  # fmt: skip
publiques: list = []
