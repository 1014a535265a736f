"""Addresses of the data service's wing « inventaire »: `espace` (under /espace/) and
`publiques`."""

from django.urls import path

from sun.web.views.donnees import inventaire, inventaire_saisie

espace: list = [
    path("donnees/inventaire/", inventaire.liste, name="donnees_inventaire"),
    path("donnees/inventaire/nouvelle/", inventaire_saisie.nouvelle,
         name="donnees_inventaire_nouvelle"),
    path("donnees/inventaire/<int:pk>/", inventaire.entree, name="donnees_inventaire_entree"),
    path("donnees/inventaire/<int:pk>/modifier/", inventaire_saisie.modifier,
         name="donnees_inventaire_modifier"),
    path("donnees/inventaire/<int:pk>/supprimer/", inventaire_saisie.supprimer,
         name="donnees_inventaire_supprimer"),
    path("donnees/inventaire/registre-des-traitements.xlsx", inventaire.export_cnil,
         name="donnees_inventaire_cnil"),
    path("donnees/inventaire/cartographie.csv", inventaire.export_csv,
         name="donnees_inventaire_csv"),
    path("donnees/inventaire/repertoire.csv", inventaire.repertoire,
         name="donnees_repertoire"),
]  # fmt: skip
publiques: list = []
