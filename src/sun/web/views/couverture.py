"""Agent space: where help is missing — distance from each commune to the nearest place per
service, population within reach, communes without a place, by commune and by EPCI."""

import io
import math

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render

from sun.comptes.roles import ESPACE, role_requis
from sun.core.tableur import ecrivain_csv
from sun.inclusion.analyses.couverture import (
    ENTETE_CSV,
    SERVICES,
    SEUIL_FRAGILITE,
    SEUILS_KM,
    TOUS,
    couverture,
    lignes_csv,
    synthese_couverture,
)
from sun.inclusion.analyses.implantation import implantation as proposer_implantation
from sun.inclusion.permissions import peut_importer

CLASSES_KM = [
    (5, "#1a9850"),
    (10, "#91cf60"),
    (15, "#fee08b"),
    (20, "#fc8d59"),
    (math.inf, "#d73027"),
]
CLASSES_CARTE = [{"max": 1e9 if math.isinf(m) else m, "couleur": c} for m, c in CLASSES_KM]
LEGENDE_CARTE = [(("plus de 20 km" if math.isinf(m) else f"jusqu'à {m} km"), c) for m, c in CLASSES_KM]  # fmt: skip


@role_requis(*ESPACE)
def page(request):
    service, km = _service_et_distance(request)
    resultat = couverture(settings.SUN_DEPARTEMENT)
    if request.GET.get("format") == "csv":
        return _reponse_csv("couverture", ENTETE_CSV, lignes_csv(resultat))
    synthese = synthese_couverture(resultat, service, km)
    return render(request, "web/espace/couverture.html", {
        "prioritaires": synthese.prioritaires, "seuil_fragilite": SEUIL_FRAGILITE,
        "ifn_charge": synthese.ifn_charge, "population_prioritaire": synthese.population_prioritaire,
        "service": service, "services": SERVICES, "km": km, "seuils": SEUILS_KM, "resultat": resultat,
        "total": synthese.total, "synthese": synthese.par_seuil, "par_epci": synthese.par_epci,
        "sans": synthese.sans, "valeurs": synthese.valeurs,
        "classes": CLASSES_CARTE, "legende": LEGENDE_CARTE,
        "peut_importer_ifn": peut_importer(request.user),
    })  # fmt: skip


def _service_et_distance(request) -> tuple[str, int]:
    """The service and distance asked for, or « tous » and 10 km."""
    service = request.GET.get("service", TOUS)
    km = request.GET.get("km", "")
    return (service if service in SERVICES else TOUS,
            int(km) if km.isdigit() and int(km) in SEUILS_KM else 10)  # fmt: skip


def _reponse_csv(nom: str, entete: list[str], lignes) -> HttpResponse:
    """A CSV that French spreadsheets open in columns (`;`, UTF-8 with BOM)."""
    sortie = io.StringIO()
    ecrivain = ecrivain_csv(sortie, delimiter=";")  # no cell runs as a formula
    ecrivain.writerow(entete)
    ecrivain.writerows(lignes)
    reponse = HttpResponse("\ufeff" + sortie.getvalue(), content_type="text/csv; charset=utf-8")
    reponse["Content-Disposition"] = f'attachment; filename="{nom}-{settings.SUN_DEPARTEMENT}.csv"'
    return reponse


CLASSES_IMPLANTATION = [(0, "#f2f2f2", "hors de portée"), (1, "#9ecae1", "déjà à portée"),
                        (2, "#fd8d3c", "mis à portée par les nouveaux sites"), (3, "#7f2704", "commune proposée")]  # fmt: skip
CLASSES_CARTE_IMPLANTATION = [{"max": v, "couleur": c} for v, c, _ in CLASSES_IMPLANTATION]
LEGENDE_CARTE_IMPLANTATION = [(t, c) for _, c, t in CLASSES_IMPLANTATION]


@role_requis(*ESPACE)
def implantation(request):
    """« Où ouvrir une permanence ? »: greedy maximal coverage (see sun.inclusion.analyses.implantation)."""
    service, km = _service_et_distance(request)
    nombre = int(request.GET["nombre"]) if request.GET.get("nombre", "").isdigit() else 3
    nombre = min(max(nombre, 1), 20)
    fragilite = request.GET.get("ponderation") == "fragilite"
    resultat = couverture(settings.SUN_DEPARTEMENT)
    plan = proposer_implantation(resultat, service, km, nombre, fragilite)
    if request.GET.get("format") == "csv":
        return _reponse_csv("implantation", ["rang", "code_insee", "commune", "habitants_mis_a_portee",
                                             "habitants_a_portee_cumules"], plan.sites)  # fmt: skip
    return render(request, "web/espace/implantation.html", {
        "service": service, "services": SERVICES, "km": km, "seuils": SEUILS_KM, "nombre": nombre,
        "fragilite": fragilite, "sites": plan.sites, "proposition": plan.proposition, "total": plan.total,
        "part_avant": plan.part_avant, "part_apres": plan.part_apres, "valeurs": plan.valeurs,
        "classes": CLASSES_CARTE_IMPLANTATION, "legende": LEGENDE_CARTE_IMPLANTATION, "resultat": resultat,
    })  # fmt: skip
