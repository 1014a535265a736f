"""Addresses of the training wing « diagnostic »: `espace` (under /espace/) and `publiques`."""

from django.urls import path

from sun.web.views.competences import diagnostic, diagnostic_suivi

espace: list = [
    path("competences/diagnostic/", diagnostic.formulaire, name="competences_diagnostic"),
    path("competences/diagnostic/equipe/", diagnostic.equipe,
         name="competences_diagnostic_equipe"),
    path("competences/diagnostic/<int:pk>/", diagnostic.resultat,
         name="competences_diagnostic_resultat"),
    path("competences/diagnostic/<int:pk>/partager/", diagnostic.partager,
         name="competences_diagnostic_partager"),
    path("competences/diagnostic/<int:pk>/supprimer/", diagnostic.supprimer,
         name="competences_diagnostic_supprimer"),
    path("competences/suivi/diagnostics/", diagnostic_suivi.suivi,
         name="competences_suivi_diagnostics"),
]  # fmt: skip
publiques: list = []
