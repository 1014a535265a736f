"""Addresses of the data service's wing « flux »: `espace` (under /espace/) and
`publiques` (gathered before the catalogue's /donnees/<slug>/)."""

from django.urls import path

from sun.web.views.donnees import flux, flux_datagouv

espace: list = [
    path("donnees/datagouv/<slug:slug>/publier/", flux_datagouv.publier,
         name="donnees_datagouv"),
]  # fmt: skip
publiques: list = [
    path("donnees/catalogue.ttl", flux.catalogue_ttl, name="donnees_dcat_ttl"),
    path("donnees/catalogue.jsonld", flux.catalogue_jsonld, name="donnees_dcat_jsonld"),
    path("donnees/data.json", flux.data_json, name="donnees_data_json"),
]
