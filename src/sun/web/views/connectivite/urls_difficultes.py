"""Addresses of the connectivity pages: difficultes (agent space, module « difficultes »)."""

from django.urls import path

from sun.web.views.connectivite import difficultes

espace: list = [
    path("connectivite/difficultes/", difficultes.liste, name="connectivite_difficultes"),
    path("connectivite/difficultes/export.csv", difficultes.export_csv,
         name="connectivite_difficultes_csv"),
    path("connectivite/difficultes/nouvelle/", difficultes.nouvelle,
         name="connectivite_difficulte_nouvelle"),
    path("connectivite/difficultes/<int:pk>/", difficultes.page, name="connectivite_difficulte"),
]  # fmt: skip
publiques: list = []
