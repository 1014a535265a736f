"""Addresses of the projects wing « statistiques » (typology, GLPI import, statistics):
`espace` (under /espace/, module « projets ») and `publiques` (none)."""

from django.urls import path

from sun.web.views.projets import importer_tickets, statistiques, typologie

espace: list = [
    path("projets/typologie/", typologie.typologie, name="projets_typologie"),
    path("projets/typologie/ajouter/", typologie.ajouter, name="projets_typologie_ajouter"),
    path("projets/typologie/fusionner/", typologie.fusionner, name="projets_typologie_fusionner"),
    path("projets/typologie/<int:pk>/", typologie.modifier, name="projets_typologie_modifier"),
    path(
        "projets/typologie/<int:pk>/activite/",
        typologie.activite,
        name="projets_typologie_activite",
    ),
    path("projets/typologie/importer/", importer_tickets.importer, name="projets_tickets_importer"),
    path(
        "projets/typologie/importer/<int:pk>/rapport.csv",
        importer_tickets.rapport,
        name="projets_tickets_rapport",
    ),
    path("projets/statistiques/", statistiques.statistiques, name="projets_statistiques"),
    path(
        "projets/statistiques/<slug:tableau>.csv",
        statistiques.tableau_csv,
        name="projets_statistiques_csv",
    ),
]
publiques: list = []
