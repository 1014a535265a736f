"""Addresses of the projects wing « demandes »: `espace` (under /espace/, module « projets »,
all staff; finer rules in sun.projets.permissions) and `publiques` (none)."""

from django.urls import path

from sun.web.views.projets import accueil, demandes, demandes_carnet

espace: list = [
    path("projets/", accueil.accueil, name="projets"),
    path("projets/demandes/nouvelle/", demandes.nouvelle, name="projets_demande_nouvelle"),
    path("projets/demandes/<int:pk>/", demandes.detail, name="projets_demande"),
    path("projets/demandes/<int:pk>/soutenir/", demandes.soutenir,
         name="projets_demande_soutenir"),
    path("projets/demandes/<int:pk>/qualifier/", demandes.qualifier,
         name="projets_demande_qualifier"),
    path("projets/demandes/<int:pk>/doublon/", demandes.doublon, name="projets_demande_doublon"),
    path("projets/demandes/<int:pk>/doublon/annuler/", demandes.annuler_doublon,
         name="projets_demande_doublon_annuler"),
    path("projets/carnet/", demandes_carnet.carnet, name="projets_carnet"),
    path("projets/carnet.csv", demandes_carnet.carnet_csv, name="projets_carnet_csv"),
    path("projets/carnet/score/", demandes_carnet.score_explique, name="projets_score"),
]  # fmt: skip
publiques: list = []
