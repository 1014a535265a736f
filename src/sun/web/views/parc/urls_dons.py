"""Addresses of the fleet's wing « dons »: `espace` (under /espace/) and `publiques`."""

from django.urls import path

from sun.web.views.parc import dons, dons_actions

espace: list = [
    path("parc/dons/", dons.liste, name="parc_dons"),
    path("parc/dons/nouveau/", dons.nouveau, name="parc_don_nouveau"),
    path("parc/dons/<int:pk>/", dons.page, name="parc_don"),
    path("parc/dons/<int:pk>/equipements/", dons.equipements, name="parc_don_equipements"),
    path("parc/dons/<int:pk>/accepter/", dons_actions.accepter, name="parc_don_accepter"),
    path("parc/dons/<int:pk>/remise/", dons_actions.remettre, name="parc_don_remise"),
    path("parc/dons/<int:pk>/preuve/", dons_actions.preuve, name="parc_don_preuve"),
    path("parc/dons/<int:pk>/annuler/", dons_actions.annuler, name="parc_don_annuler"),
    path("parc/dons/<int:pk>/visibilite/", dons_actions.visibilite, name="parc_don_visibilite"),
    path("parc/dons/<int:pk>/convention.pdf", dons_actions.convention,
         name="parc_don_convention"),
]  # fmt: skip
publiques: list = []
