"""Public page: the département's France Numérique Ensemble dashboard, computed once per
version of its data (`fne.tableau_a_jour`), rendered once per version for anonymous visitors,
with its own anonymous rate limit (SUN_LIMITE_PAGES_COUTEUSES)."""

from django.shortcuts import render

from sun.inclusion.activites.statistiques import MASQUE, SEUIL
from sun.inclusion.analyses import fne
from sun.territoire.queries import departement_configure
from sun.web.limites import limite_anonyme
from sun.web.pages_versionnees import page_anonyme_versionnee


@limite_anonyme("pages-couteuses", "SUN_LIMITE_PAGES_COUTEUSES")
@page_anonyme_versionnee("fne", fne.version_du_tableau)
def tableau_de_bord(request):
    departement = departement_configure()
    if departement is None:
        return render(request, "web/fne.html", {"departement": None})
    tableau = fne.tableau_a_jour(departement.code)
    return render(request, "web/fne.html", {
        "departement": departement, "t": tableau, "v": tableau.valeurs,
        "seuil": SEUIL, "masque": MASQUE, "objectifs_source": fne.SOURCE_OBJECTIFS,
    })  # fmt: skip
