"""Agent space › Relation usagers: the statistics of the register (each figure a chart with
its table, its source and date, and a CSV) and the complaints for the médiateur (11.3)."""

import io

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from sun.comptes.roles import ESPACE, role_requis
from sun.core.graphiques import graphique_barres
from sun.core.tableur import ecrivain_csv
from sun.relation.models import CanalDemande
from sun.relation.permissions import peut_lire_statistiques
from sun.relation.statistiques import calcul
from sun.relation.statistiques import reclamations as recl
from sun.relation.statistiques.filtres import Filtres
from sun.relation.statistiques.tableaux import MASQUE, SEUIL


def _filtres(request) -> tuple[Filtres, dict, dict]:
    if not peut_lire_statistiques(request.user):
        raise PermissionDenied("Les statistiques des demandes sont réservées aux agents, "
                               "instructeurs, pilotes et administrateurs.")  # fmt: skip
    services, demarches = calcul.libelles()
    return Filtres.depuis(request.GET, set(services), set(demarches)), services, demarches


def _graphiques(tableaux) -> list:
    return [(t, graphique_barres(t.graphique)) for t in tableaux.values()]


@role_requis(*ESPACE)  # first: an anonymous POST goes to the login page too
@require_GET
def statistiques(request):
    filtres, services, demarches = _filtres(request)
    aujourd_hui = timezone.localdate()
    s = calcul.obtenir(filtres, aujourd_hui)
    return render(request, "web/espace/relation_statistiques/statistiques.html", {
        "filtres": filtres, "s": s, "figures": _graphiques(s.tableaux),
        "services": sorted(services.items(), key=lambda x: x[1]),
        "demarches": sorted(demarches.items(), key=lambda x: x[1]),
        "canaux": CanalDemande.choices, "masque": MASQUE, "seuil": SEUIL,
        "source": calcul.SOURCE, "maintenant": timezone.now(),
    })  # fmt: skip


@role_requis(*ESPACE)  # first: an anonymous POST goes to the login page too
@require_GET
def reclamations(request):
    filtres, services, _ = _filtres(request)
    r = recl.obtenir(filtres)
    return render(request, "web/espace/relation_statistiques/reclamations.html", {
        "filtres": filtres, "s": r, "figures": _graphiques(r.tableaux),
        "services": sorted(services.items(), key=lambda x: x[1]),
        "masque": MASQUE, "seuil": SEUIL, "source": recl.SOURCE, "maintenant": timezone.now(),
    })  # fmt: skip


@role_requis(*ESPACE)  # first: an anonymous POST goes to the login page too
@require_GET
def tableau_csv(request, tableau: str):
    filtres, _, _ = _filtres(request)
    if tableau.startswith("reclamations_"):
        resultat, source = recl.obtenir(filtres), recl.SOURCE
    else:
        resultat, source = calcul.obtenir(filtres, timezone.localdate()), calcul.SOURCE
    t = resultat.tableaux.get(tableau)
    if t is None:
        raise Http404("Tableau inconnu ou vide pour cette sélection.")
    tampon = io.StringIO()
    ecrivain = ecrivain_csv(tampon, delimiter=";")
    ecrivain.writerow(t.colonnes)
    ecrivain.writerows([["" if c is None else c for c in ligne] for ligne in t.lignes])
    date = f"{resultat.date_donnees:%d/%m/%Y}" if resultat.date_donnees else "—"
    ecrivain.writerow([])
    ecrivain.writerow([f"Source : {source} ; dernière demande reçue le {date} ; calcul du "
                       f"{timezone.localdate():%d/%m/%Y}. Chiffres de 1 à 4 masqués ({MASQUE})."])  # fmt: skip
    reponse = HttpResponse("\ufeff" + tampon.getvalue(), content_type="text/csv; charset=utf-8")
    reponse["Content-Disposition"] = f'attachment; filename="relation-{tableau}.csv"'
    return reponse
