"""Addresses of the projects wing « panels »: `espace` (under /espace/: « Mon panel » in the
module « projets », all staff; the rest under `projets/panel/`, module « panel », IT service,
pilots and administrators) and `publiques` (volunteer, leave, answer: no account)."""

from django.urls import path

from sun.web.views.projets import panels_espace, panels_publics

espace: list = [
    path("projets/mon-panel/", panels_espace.mon_panel, name="projets_mon_panel"),
    path("projets/mon-panel/quitter/", panels_espace.quitter_mon_panel,
         name="projets_mon_panel_quitter"),
    path("projets/panel/", panels_espace.tableau, name="projets_panel"),
    path("projets/panel/consultations/nouvelle/", panels_espace.consultation_nouvelle,
         name="projets_panel_consultation_nouvelle"),
    path("projets/panel/consultations/<int:pk>/", panels_espace.consultation,
         name="projets_panel_consultation"),
]  # fmt: skip
publiques: list = [
    path("panel/", panels_publics.inscription, name="panel"),
    path("panel/merci/", panels_publics.merci, name="panel_merci"),
    path("panel/quitter/<str:jeton>/", panels_publics.quitter, name="panel_quitter"),
    path("panel/avis/<int:pk>/<str:jeton>/", panels_publics.avis, name="panel_avis"),
]
