"""Addresses of the connectivity pages: fiches (the commune sheet for its mayor, public)."""

from django.urls import re_path

from sun.web.views.connectivite import fiches as vues

CODE = r"(?P<code_insee>[0-9][0-9AaBb][0-9]{3})"

espace: list = []
publiques: list = [
    re_path(rf"^communes/{CODE}/fiche/$", vues.fiche, name="connectivite_fiche"),
    re_path(rf"^communes/{CODE}/fiche\.pdf$", vues.fiche_pdf, name="connectivite_fiche_pdf"),
]
