"""Addresses of the data service's wing « conservation »: `espace` (under /espace/) and
`publiques`."""

from django.urls import path

from sun.web.views.donnees import conservation, conservation_purge

espace: list = [
    path("donnees/conservation/", conservation.accueil, name="donnees_conservation"),
    path("donnees/conservation/regles/<int:pk>/", conservation.regle_modifier,
         name="donnees_regle_modifier"),
    path("donnees/conservation/regles/importer/", conservation.regles_importer,
         name="donnees_regles_importer"),
    path("donnees/conservation/regles.csv", conservation.regles_csv, name="donnees_regles_csv"),
    path("donnees/conservation/regles-vitam.csv", conservation.regles_vitam,
         name="donnees_regles_vitam"),
    path("donnees/conservation/purge/", conservation_purge.purger, name="donnees_purge"),
    path("donnees/conservation/bordereaux/<int:pk>/", conservation_purge.bordereau,
         name="donnees_bordereau"),
    path("donnees/conservation/bordereaux/<int:pk>/bordereau.pdf",
         conservation_purge.bordereau_pdf, name="donnees_bordereau_pdf"),
    path("donnees/conservation/versements/<int:pk>/", conservation_purge.versement,
         name="donnees_versement"),
    path("donnees/conservation/versements/<int:pk>/versement.zip",
         conservation_purge.versement_zip, name="donnees_versement_zip"),
]  # fmt: skip
publiques: list = []
