"""Addresses of the fleet's wing « taux »: `espace` (under /espace/, module « parc_taux ») and
`publiques` (the page « Numérique responsable »)."""

from django.urls import path

from sun.web.views.parc import taux, taux_achats, taux_public

espace: list = [
    path("parc/taux/", taux.accueil, name="parc_taux"),
    path("parc/taux/<int:annee>/", taux.annee, name="parc_taux_annee"),
    path("parc/taux/figer/", taux.figer, name="parc_taux_figer"),
    path("parc/taux/reemploi.csv", taux.export_csv, name="parc_taux_csv"),
    path("parc/taux/declaration/<int:annee>.csv", taux.declaration_csv,
         name="parc_declaration_csv"),
    path("parc/taux/achats/", taux_achats.liste, name="parc_achats"),
    path("parc/taux/achats/nouveau/", taux_achats.nouveau, name="parc_achat_nouveau"),
]  # fmt: skip
publiques: list = [
    path("numerique-responsable/", taux_public.numerique_responsable,
         name="numerique_responsable"),
]  # fmt: skip
