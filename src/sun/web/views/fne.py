"""Public page: the département's France Numérique Ensemble dashboard."""

from django.shortcuts import render

from sun.inclusion.activites.statistiques import MASQUE, SEUIL
from sun.inclusion.analyses import fne
from sun.territoire.queries import departement_configure


def tableau_de_bord(request):
    departement = departement_configure()
    if departement is None:
        return render(request, "web/fne.html", {"departement": None})
    tableau = fne.tableau(departement.code)
    return render(request, "web/fne.html", {
        "departement": departement, "t": tableau, "v": tableau.valeurs,
        "seuil": SEUIL, "masque": MASQUE, "objectifs_source": fne.SOURCE_OBJECTIFS,
    })  # fmt: skip
