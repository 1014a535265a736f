"""Addresses of the connectivity pages: publiques."""

from django.urls import path

from sun.web.views.connectivite import publiques as vues

espace: list = []
publiques: list = [
    # « Ma connexion » for residents; an old login link (?next=) goes on to /se-connecter/.
    path("connexion/", vues.ma_connexion, name="ma_connexion"),
    path("internet-et-telephone/", vues.departement, name="connectivite_departement"),
]
