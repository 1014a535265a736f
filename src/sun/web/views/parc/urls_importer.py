"""Addresses of the fleet's wing « importer »: `espace` (under /espace/) and `publiques`."""

from django.urls import path

from sun.web.views.parc import importer

espace: list = [
    path("parc/importer/", importer.importer, name="parc_importer"),
    path("parc/importer/modele.csv", importer.modele_csv, name="parc_modele_csv"),
    path("parc/importer/<int:pk>/rapport.csv", importer.rapport, name="parc_import_rapport"),
    path("parc/importer/correspondances/", importer.correspondances, name="parc_correspondances"),
]
publiques: list = []
