"""Addresses of the fleet's wing « reparateurs »: `espace` (under /espace/) and `publiques`."""

from django.urls import path

from sun.web.views.parc import _reparateurs_espace as espace_vues
from sun.web.views.parc import reparateurs as vues

espace: list = [
    path("parc/reparateurs/", espace_vues.liste, name="reparateurs"),
    path("parc/reparateurs/nouveau/", espace_vues.nouveau, name="reparateur_nouveau"),
    path("parc/reparateurs/importer/", espace_vues.importer, name="reparateurs_importer"),
    path("parc/reparateurs/modele.csv", espace_vues.modele_csv, name="reparateurs_modele_csv"),
    path("parc/reparateurs/<int:pk>/modifier/", espace_vues.modifier, name="reparateur_modifier"),
]
publiques: list = [
    path("reparer-et-reconditionner/", vues.public, name="reparateurs_public"),
]
