"""Addresses of the fleet's wing « empreinte »: `espace` (under /espace/) and `publiques`."""

from django.urls import path

from sun.web.views.parc import empreinte as vues

espace: list = [
    path("parc/empreinte/", vues.tableau, name="parc_empreinte"),
    path("parc/empreinte/scenarios/", vues.scenarios, name="parc_scenarios"),
    path("parc/empreinte/renouvellement/", vues.renouvellement, name="parc_renouvellement"),
    path("parc/empreinte/empreinte.csv", vues.csv, name="parc_empreinte_csv"),
]
publiques: list = []
