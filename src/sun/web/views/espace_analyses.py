"""Agent space › Analyses: importing the digital fragility index (IFN) from a file, run by the
worker with the same pipeline and the same report as `sun inclusion ifn importer`."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from sun.comptes.roles import ESPACE, role_requis
from sun.core.taches import queries as taches
from sun.inclusion import permissions
from sun.inclusion.analyses.ifn import COLONNES, SOURCE
from sun.inclusion.analyses.queries import ifn_charge
from sun.web.forms.analyses import ImportIfnForm
from sun.web.views.imports import contexte_tache, lancer_import_envoye, statut_du_formulaire


@role_requis(*ESPACE)
def importer_ifn(request):
    """Upload a file: the worker imports it; this page follows the job (`?tache=`) to its
    report, or to the guard's question (more than 20 % of the rows refused)."""
    if not permissions.peut_importer(request.user):
        raise PermissionDenied
    form = ImportIfnForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        donnees, envoye = form.cleaned_data, form.cleaned_data["fichier"]
        options = {"source": donnees["source"] or SOURCE,
                   "departement": settings.SUN_DEPARTEMENT if donnees["departement_seul"] else None}  # fmt: skip
        tache = lancer_import_envoye("ifn", envoye, options=options, essai=donnees["essai"],
                                     auteur=request.user)  # fmt: skip
    else:
        tache = taches.tache(request.GET.get("tache"), "ifn")
    return render(request, "web/espace/analyses/import_ifn.html", {
        "form": form, "colonnes": COLONNES, "etat": ifn_charge(settings.SUN_DEPARTEMENT),
        "departement": settings.SUN_DEPARTEMENT,
        **contexte_tache(tache, "espace:ifn_importer"),
    }, status=statut_du_formulaire(request, form, "ifn", "Indice de fragilité numérique"))  # fmt: skip
