"""Addresses of the projects wing « appels »: `espace` (under /espace/, module
« appels_a_projets », chemin projets/appels/) and `publiques`."""

from django.urls import path

from sun.web.views.projets import appels, appels_candidatures, appels_financements

espace: list = [
    path("projets/appels/", appels.liste, name="projets_appels"),
    path("projets/appels/nouveau/", appels.nouveau, name="projets_appels_nouveau"),
    path("projets/appels/<int:pk>/", appels.detail, name="projets_appels_detail"),
    path("projets/appels/<int:pk>/modifier/", appels.modifier, name="projets_appels_modifier"),
    path(
        "projets/appels/<int:pk>/candidatures/nouvelle/",
        appels_candidatures.nouvelle,
        name="projets_appels_candidature_nouvelle",
    ),
    path(
        "projets/appels/candidatures/<int:pk>/modifier/",
        appels_candidatures.modifier,
        name="projets_appels_candidature_modifier",
    ),
    path(
        "projets/appels/financements/",
        appels_financements.page,
        name="projets_appels_financements",
    ),
    path(
        "projets/appels/financements.csv",
        appels_financements.export_csv,
        name="projets_appels_financements_csv",
    ),
]
publiques: list = [
    path("appels-a-projets/", appels_financements.publics, name="appels_a_projets"),
]
