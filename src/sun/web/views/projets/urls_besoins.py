"""Addresses of the projects wing « besoins »: `espace` (under /espace/, module « projets »,
all staff; finer rules in sun.projets.permissions) and `publiques` (none)."""

from django.urls import path

from sun.web.views.projets import besoins, besoins_documents

espace: list = [
    path("projets/besoins/", besoins.liste, name="projets_besoins"),
    path("projets/besoins/nouveau/", besoins.nouveau, name="projets_besoin_nouveau"),
    path("projets/besoins/<int:pk>/", besoins.detail, name="projets_besoin"),
    path("projets/besoins/<int:pk>/modifier/", besoins.modifier, name="projets_besoin_modifier"),
    path("projets/besoins/<int:pk>/soumettre/", besoins.soumettre,
         name="projets_besoin_soumettre"),
    path("projets/besoins/<int:pk>/statut/", besoins.statut, name="projets_besoin_statut"),
    path("projets/besoins/<int:pk>/impression/", besoins_documents.impression,
         name="projets_besoin_impression"),
    path("projets/besoins/<int:pk>/cahier-des-charges.pdf", besoins_documents.pdf,
         name="projets_besoin_pdf"),
]  # fmt: skip
publiques: list = []
