"""Addresses of the data service's wing « catalogue »: `espace` (under /espace/) and
`publiques`. The public dataset page `/donnees/<slug>/` comes last of the data service's
addresses (sun.web.views.donnees.urls): the other wings' pages under /donnees/ win."""

from django.urls import path

from sun.web.views.donnees import catalogue_depot, catalogue_espace, catalogue_public

espace: list = [
    path("donnees/", catalogue_espace.liste, name="donnees"),
    path("donnees/nouveau/", catalogue_espace.nouveau, name="donnees_nouveau"),
    path("donnees/jeux/<int:pk>/", catalogue_espace.page, name="donnees_jeu"),
    path("donnees/jeux/<int:pk>/modifier/", catalogue_espace.modifier, name="donnees_modifier"),
    path("donnees/jeux/<int:pk>/ressources/nouvelle/", catalogue_espace.ressource_nouvelle,
         name="donnees_ressource_nouvelle"),
    path("donnees/jeux/<int:pk>/publier/", catalogue_depot.publier, name="donnees_publier"),
    path("donnees/jeux/<int:pk>/retirer/", catalogue_depot.retirer, name="donnees_retirer"),
    path("donnees/ressources/<int:pk>/depot/", catalogue_depot.depot, name="donnees_depot"),
    path("donnees/versions/<int:pk>/", catalogue_depot.version, name="donnees_version"),
    path("donnees/versions/<int:pk>/publier/", catalogue_depot.version_publier,
         name="donnees_version_publier"),
]  # fmt: skip
publiques: list = [
    path("donnees/", catalogue_public.catalogue, name="donnees_catalogue"),
    path("donnees/r/<uuid:uuid>", catalogue_public.ressource, name="donnees_ressource"),
    path("donnees/r/<uuid:uuid>/<int:numero>", catalogue_public.version, name="donnees_version"),
    path("donnees/r/<uuid:uuid>/<int:numero>/rapport/", catalogue_public.rapport,
         name="donnees_version_rapport"),
    path("donnees/<slug:slug>/", catalogue_public.jeu, name="donnees_jeu"),
]  # fmt: skip
