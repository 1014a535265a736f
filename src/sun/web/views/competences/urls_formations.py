"""Addresses of the training wing « formations »: `espace` (under /espace/) and `publiques`."""

from django.urls import path

from sun.web.views.competences import formations, formations_gestion, formations_parcours

espace: list = [
    path("competences/", formations.accueil, name="competences"),
    path("competences/sessions/nouvelle/", formations_gestion.nouvelle,
         name="competences_session_nouvelle"),
    path("competences/sessions/<int:pk>/", formations.session, name="competences_session"),
    path("competences/sessions/<int:pk>/inscrire/", formations.inscrire,
         name="competences_inscrire"),
    path("competences/sessions/<int:pk>/modifier/", formations_gestion.modifier,
         name="competences_session_modifier"),
    path("competences/sessions/<int:pk>/annuler/", formations_gestion.annuler,
         name="competences_session_annuler"),
    path("competences/sessions/<int:pk>/inscrits/", formations_gestion.inscrits,
         name="competences_inscrits"),
    path("competences/sessions/<int:pk>/inscrits/inscrire/", formations_gestion.inscrire_personne,
         name="competences_inscrire_personne"),
    path("competences/sessions/<int:pk>/emargement.csv", formations_gestion.inscrits_csv,
         name="competences_inscrits_csv"),
    path("competences/inscriptions/<int:pk>/annuler/", formations.annuler_inscription,
         name="competences_inscription_annuler"),
    path("competences/inscriptions/<int:pk>/presence/", formations_gestion.presence,
         name="competences_presence"),
    path("competences/inscriptions/<int:pk>/satisfaction/", formations_parcours.satisfaction,
         name="competences_satisfaction"),
    path("competences/inscriptions/<int:pk>/attestation.pdf", formations_parcours.attestation,
         name="competences_attestation"),
    path("competences/parcours/", formations_parcours.parcours, name="competences_parcours"),
    path("competences/personnes/<int:pk>/parcours/", formations_parcours.parcours_personne,
         name="competences_parcours_personne"),
]  # fmt: skip
publiques: list = []
