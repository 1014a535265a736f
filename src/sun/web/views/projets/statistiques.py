"""Agent space › Projets › Statistiques des demandes (schéma 11.3, all staff): requests by
type, tool, direction, nature and month, open and closed, median lead times; each a chart
with its table, its source and date, and a CSV; filters without JavaScript. Demonstration
requests are never counted (the page says how many were left out)."""

import io

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from sun.comptes.roles import role_requis
from sun.core.graphiques import graphique_barres
from sun.core.tableur import ecrivain_csv
from sun.projets import permissions
from sun.projets.models.demandes import Nature
from sun.projets.statistiques import calcul
from sun.projets.statistiques.filtres import Filtres
from sun.projets.statistiques.queries import choix_des_filtres


def _choix():
    return choix_des_filtres()


@role_requis(*permissions.PERSONNEL)
@require_GET
def statistiques(request):
    outils, directions = _choix()
    filtres = Filtres.depuis(request.GET, {p for p, _ in outils}, {p for p, _ in directions})
    s = calcul.obtenir(filtres.criteres)
    return render(request, "web/projets/statistiques_page.html", {
        "filtres": filtres, "s": s, "outils": outils, "directions": directions,
        "natures": Nature.choices, "seuil": calcul.SEUIL_DELAI, "maintenant": timezone.now(),
        "figures": [(t, graphique_barres(t.graphique)) for t in s.tableaux.values()],
    }, status=400 if filtres.erreurs else 200)  # fmt: skip


@role_requis(*permissions.PERSONNEL)
@require_GET
def tableau_csv(request, tableau: str):
    outils, directions = _choix()
    filtres = Filtres.depuis(request.GET, {p for p, _ in outils}, {p for p, _ in directions})
    s = calcul.obtenir(filtres.criteres)
    t = s.tableaux.get(tableau)
    if t is None:
        raise Http404("Tableau inconnu.")
    tampon = io.StringIO()
    ecrivain = ecrivain_csv(tampon, delimiter=";")
    ecrivain.writerow(t.colonnes)
    ecrivain.writerows(t.lignes)
    ecrivain.writerow([])
    ecrivain.writerow([f"Source : {s.source} ; calcul du {timezone.localdate():%d/%m/%Y}."
                       + (f" {s.demonstration} demande(s) de démonstration non comptée(s)."
                          if s.demonstration else "")])  # fmt: skip
    reponse = HttpResponse(("\ufeff" + tampon.getvalue()).encode("utf-8"),
                           content_type="text/csv; charset=utf-8")  # fmt: skip
    reponse["Content-Disposition"] = f'attachment; filename="demandes-{t.code}.csv"'
    return reponse
