"""Agent space › Accessibilité numérique › a service's automated checks (axe-core): the trend
over the runs (SVG with its table) and the violations of the latest run, per address. Marked
everywhere as automated: never an audit, never a compliance rate."""

from types import SimpleNamespace

from django.shortcuts import render

from sun.accessibilite import permissions, queries
from sun.accessibilite.controles import MENTION
from sun.accessibilite.controles.navigateur import LIBELLES_IMPACT
from sun.comptes.roles import role_requis
from sun.core.graphiques import graphique_barres
from sun.web.views.accessibilite_espace import lisible


@role_requis(*permissions.LECTEURS)
def controles(request, slug: str):
    sn = lisible(slug)
    tendance = queries.controles_du_service(sn)
    barres = [SimpleNamespace(libelle=f"{t['controle__debut']:%d/%m/%Y %H:%M}",
                              valeur=t["noeuds"] or 0, masquee=False) for t in tendance]  # fmt: skip
    derniers = queries.dernier_controle_du_service(sn)
    for r in derniers:
        r.impacts = [(LIBELLES_IMPACT.get(k, k), n) for k, n in r.par_impact.items()]
        for v in r.detail:
            v["impact_libelle"] = LIBELLES_IMPACT.get(v["impact"], v["impact"])
    return render(request, "web/espace/accessibilite/controles.html", {
        "sn": sn, "tendance": tendance, "graphique": graphique_barres(barres),
        "derniers": derniers, "controle": derniers[0].controle if derniers else None,
        "mention": MENTION,
    })  # fmt: skip
