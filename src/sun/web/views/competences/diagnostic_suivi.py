"""Agent space › Compétences › suivi › the diagnoses aggregated per direction (mean level per
competence and per domain, masked under 5 people), read through the indicators."""

from django.shortcuts import render
from django.utils import timezone

from sun.competences import permissions, referentiel
from sun.competences.diagnostic import agregats
from sun.comptes.roles import role_requis
from sun.core.graphiques import graphique_barres
from sun.core.indicators import NON_AFFICHE, SEUIL_PERSONNES, Niveau, obtenir
from sun.web.views.competences.diagnostic_graphique import lignes_directions


@role_requis(*permissions.SUIVI)
def suivi(request):
    groupes = agregats.par_direction()
    demo = agregats.par_direction(demonstration=True)
    ensemble = {code: obtenir(code).calculer(Niveau.DEPARTEMENT, "departement") for code in (
        "competences.niveau_crcn", "competences.diagnostics_termines")}  # fmt: skip
    return render(request, "web/competences/diagnostic_suivi.html", {
        "groupes": groupes, "demo": demo, "ensemble": ensemble,
        "graphique": graphique_barres(lignes_directions(groupes)),
        "graphique_demo": graphique_barres(lignes_directions(demo)),
        "competences": referentiel.COMPETENCES, "domaines": referentiel.DOMAINES,
        "seuil": SEUIL_PERSONNES, "masque": NON_AFFICHE, "source": agregats.SOURCE,
        "maintenant": timezone.now(),
    })  # fmt: skip
