"""The addresses of the telephone pages in the agent space (`espace` namespace), included by
`sun.web.urls` in one line."""

from django.urls import path

from sun.web.views import qualite_telephonie as tel
from sun.web.views import qualite_telephonie_effectifs as eff

chemins = [
    path("qualite/telephone/", tel.liste, name="qualite_telephone"),
    path("qualite/telephone/files/<int:pk>/", tel.regler_file, name="qualite_telephone_file"),
    path("qualite/telephone/<slug:code>/", tel.service, name="qualite_telephone_service"),
    path("qualite/telephone/<slug:code>/chiffres.csv", tel.chiffres_csv,
         name="qualite_telephone_csv"),
    path("qualite/telephone/<slug:code>/effectifs/", eff.effectifs_service,
         name="qualite_telephone_effectifs"),
    path("qualite/telephone/<slug:code>/planning/", eff.planning,
         name="qualite_telephone_planning"),
]  # fmt: skip
