"""Addresses of the fleet's wing « inventaire »: `espace` (under /espace/) and `publiques`."""

from django.urls import path

from sun.web.views.parc import inventaire, inventaire_cycle, inventaire_saisie, inventaire_sites

E = "parc/equipements/<int:pk>/"
espace: list = [
    path("parc/", inventaire.liste, name="parc"),
    path("parc/export.csv", inventaire.export_csv, name="parc_export_csv"),
    path("parc/equipements/nouveau/", inventaire_saisie.nouveau, name="parc_equipement_nouveau"),
    path(E, inventaire.fiche, name="parc_equipement"),
    path(E + "modifier/", inventaire_saisie.modifier, name="parc_equipement_modifier"),
    path(E + "etat/", inventaire_cycle.etat, name="parc_equipement_etat"),
    path(E + "reformer/", inventaire_cycle.reformer, name="parc_equipement_reformer"),
    path(E + "sortir/", inventaire_cycle.sortir, name="parc_equipement_sortir"),
    path(E + "preuve/", inventaire_cycle.preuve, name="parc_equipement_preuve"),
    path(E + "annuler-sortie/", inventaire_cycle.annuler_sortie,
         name="parc_equipement_annuler_sortie"),
    path(E + "intervention/", inventaire_cycle.intervention, name="parc_equipement_intervention"),
    path("parc/sites/", inventaire_sites.liste, name="parc_sites"),
    path("parc/sites/nouveau/", inventaire_sites.nouveau, name="parc_site_nouveau"),
    path("parc/sites/<int:pk>/modifier/", inventaire_sites.modifier, name="parc_site_modifier"),
]  # fmt: skip
publiques: list = []
