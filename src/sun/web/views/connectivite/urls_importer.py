"""Addresses of the connectivity pages: importer (agent space)."""

from django.urls import path

from sun.web.views.connectivite import importer as vues

espace: list = [
    path("connectivite/", vues.apercu, name="connectivite"),
    path("connectivite/importer/", vues.importer, name="connectivite_importer"),
]
publiques: list = []
