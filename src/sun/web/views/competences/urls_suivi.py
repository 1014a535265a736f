"""Addresses of the training wing « suivi » (follow-up, people, elected officials, directions): `espace` and `publiques`."""

from django.urls import path

from sun.web.views.competences import organisation, organisation_elus, suivi

espace: list = [
    path("competences/ma-direction/", organisation.ma_direction, name="competences_ma_direction"),
    path("competences/suivi/", suivi.accueil, name="competences_suivi"),
    path("competences/suivi/personnes-formees.csv", suivi.noms_csv,
         name="competences_suivi_noms_csv"),
    path("competences/suivi/directions/", organisation.directions, name="competences_directions"),
    path("competences/suivi/directions/nouvelle/", organisation.direction_nouvelle,
         name="competences_direction_nouvelle"),
    path("competences/suivi/directions/importer/", organisation.directions_importer,
         name="competences_directions_importer"),
    path("competences/suivi/directions/<int:pk>/", organisation.direction_modifier,
         name="competences_direction_modifier"),
    path("competences/suivi/personnes/", organisation.personnes, name="competences_personnes"),
    path("competences/suivi/personnes/<int:pk>/responsable/", organisation.personne_responsable,
         name="competences_personne_responsable"),
    path("competences/suivi/elus/", organisation_elus.elus_page, name="competences_elus"),
    path("competences/suivi/elus/<int:pk>/retirer/", organisation_elus.elu_retirer,
         name="competences_elu_retirer"),
    path("competences/suivi/elus/formations.csv", organisation_elus.elus_annexe_csv,
         name="competences_elus_csv"),
]  # fmt: skip
publiques: list = []
