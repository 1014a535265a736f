"""Agent space: where help is missing — distance from each commune to the nearest place per
service, population within reach, communes without a place, by commune and by EPCI."""

import csv
import io
import math

import numpy as np
from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render

from sun.comptes.roles import ESPACE, role_requis
from sun.inclusion.analyses.couverture import SERVICES, SEUILS_KM, TOUS, couverture
from sun.inclusion.analyses.implantation import proposer
from sun.inclusion.models import IndiceFragilite

SEUIL_FRAGILITE = 6  # on the 0–10 scale of the index: the more fragile half of the scale and above

CLASSES_KM = [
    (5, "#1a9850"),
    (10, "#91cf60"),
    (15, "#fee08b"),
    (20, "#fc8d59"),
    (math.inf, "#d73027"),
]


@role_requis(*ESPACE)
def page(request):
    service, km = _service_et_distance(request)
    resultat = couverture(settings.SUN_DEPARTEMENT)
    distances = resultat.distances[service]
    if request.GET.get("format") == "csv":
        return _csv(resultat)
    total = int(resultat.populations.sum())
    synthese = [
        (s, [(seuil, resultat.population_a_moins_de(s, seuil)) for seuil in SEUILS_KM])
        for s in SERVICES
    ]
    par_epci: dict[str, list[int]] = {}
    for i, epci in enumerate(resultat.epci):
        ligne = par_epci.setdefault(epci or "Sans intercommunalité", [0, 0])
        ligne[0] += int(resultat.populations[i])
        ligne[1] += int(resultat.populations[i]) if distances[i] <= km else 0
    sans = resultat.communes_sans_lieu(service, km)
    # Fragile and far from help: the priority list (IFN ≥ SEUIL_FRAGILITE, no place within km).
    fragilite = dict(
        IndiceFragilite.objects.filter(niveau="city", code__in=resultat.codes).values_list(
            "code", "total"
        )
    )
    prioritaires = [
        (
            resultat.codes[i],
            resultat.noms[i],
            fragilite[resultat.codes[i]],
            int(resultat.populations[i]),
            None if math.isinf(distances[i]) else distances[i],
        )
        for i in sans
        if fragilite.get(resultat.codes[i], 0) >= SEUIL_FRAGILITE
    ]
    return render(request, "web/espace/couverture.html", {
        "prioritaires": prioritaires, "seuil_fragilite": SEUIL_FRAGILITE, "ifn_charge": bool(fragilite),
        "population_prioritaire": sum(p[3] for p in prioritaires),
        "service": service, "services": SERVICES, "km": km, "seuils": SEUILS_KM, "resultat": resultat,
        "total": total, "synthese": synthese,
        "par_epci": sorted(((nom, pop, dedans, 100 * dedans / pop if pop else 0) for nom, (pop, dedans) in par_epci.items()),
                           key=lambda l: l[3]),
        "sans": [(resultat.codes[i], resultat.noms[i], resultat.epci[i], int(resultat.populations[i]),
                  None if math.isinf(distances[i]) else distances[i]) for i in sans],
        "valeurs": {code: (None if math.isinf(d) else round(float(d), 1)) for code, d in zip(resultat.codes, distances, strict=True)},
        "classes": [{"max": 1e9 if math.isinf(m) else m, "couleur": c} for m, c in CLASSES_KM],
        "legende": [(("plus de 20 km" if math.isinf(m) else f"jusqu'à {m} km"), c) for m, c in CLASSES_KM],
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
    ecrivain = csv.writer(sortie, delimiter=";")
    ecrivain.writerow(entete)
    ecrivain.writerows(lignes)
    reponse = HttpResponse("\ufeff" + sortie.getvalue(), content_type="text/csv; charset=utf-8")
    reponse["Content-Disposition"] = f'attachment; filename="{nom}-{settings.SUN_DEPARTEMENT}.csv"'
    return reponse


def _csv(resultat) -> HttpResponse:
    return _reponse_csv(
        "couverture", ["code_insee", "commune", "epci", "population", *[f"km_{s}" for s in SERVICES]],
        ([code, resultat.noms[i], resultat.epci[i], int(resultat.populations[i]),
          *["" if math.isinf(resultat.distances[s][i]) else f"{resultat.distances[s][i]:.2f}" for s in SERVICES]]
         for i, code in enumerate(resultat.codes)),
    )  # fmt: skip


CLASSES_IMPLANTATION = [(0, "#f2f2f2", "hors de portée"), (1, "#9ecae1", "déjà à portée"),
                        (2, "#fd8d3c", "mis à portée par les nouveaux sites"), (3, "#7f2704", "commune proposée")]  # fmt: skip


@role_requis(*ESPACE)
def implantation(request):
    """« Où ouvrir une permanence ? »: greedy maximal coverage (see sun.inclusion.analyses.implantation)."""
    service, km = _service_et_distance(request)
    nombre = int(request.GET["nombre"]) if request.GET.get("nombre", "").isdigit() else 3
    nombre = min(max(nombre, 1), 20)
    fragilite = request.GET.get("ponderation") == "fragilite"
    resultat = couverture(settings.SUN_DEPARTEMENT)
    poids = None
    if fragilite:
        indices = dict(
            IndiceFragilite.objects.filter(niveau="city", code__in=resultat.codes).values_list(
                "code", "total"
            )
        )
        poids = np.array([indices.get(code, 1.0) for code in resultat.codes])
    proposition = proposer(
        resultat.xyz, resultat.populations, resultat.distances[service], nombre, km, poids
    )
    cumul, sites = proposition.habitants_avant, []
    for rang, site in enumerate(proposition.sites, start=1):
        cumul += site.gain_habitants
        sites.append(
            (
                rang,
                resultat.codes[site.commune],
                resultat.noms[site.commune],
                site.gain_habitants,
                cumul,
            )
        )
    if request.GET.get("format") == "csv":
        return _reponse_csv("implantation", ["rang", "code_insee", "commune", "habitants_mis_a_portee",
                                             "habitants_a_portee_cumules"], sites)  # fmt: skip
    choisies = {s.commune for s in proposition.sites}
    etat = [3 if i in choisies else 2 if apres and not avant else 1 if avant else 0
            for i, (avant, apres) in enumerate(zip(proposition.couverts_avant, proposition.couverts_apres, strict=True))]  # fmt: skip
    total = int(resultat.populations.sum())
    return render(request, "web/espace/implantation.html", {
        "service": service, "services": SERVICES, "km": km, "seuils": SEUILS_KM, "nombre": nombre,
        "fragilite": fragilite, "sites": sites, "proposition": proposition, "total": total,
        "part_avant": 100 * proposition.habitants_avant / total if total else 0,
        "part_apres": 100 * proposition.habitants_apres / total if total else 0,
        "valeurs": dict(zip(resultat.codes, etat, strict=True)),
        "classes": [{"max": v, "couleur": c} for v, c, _ in CLASSES_IMPLANTATION],
        "legende": [(t, c) for _, c, t in CLASSES_IMPLANTATION], "resultat": resultat,
    })  # fmt: skip
