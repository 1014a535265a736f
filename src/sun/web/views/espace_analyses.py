"""Agent space › Analyses: importing the digital fragility index (IFN) from a file, with the
same pipeline and the same report as `sun inclusion ifn importer`."""

import tempfile
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from sun.comptes.roles import ESPACE, role_requis
from sun.core.imports import ConfirmationRequise, ImportImpossible
from sun.inclusion import permissions
from sun.inclusion.analyses.ifn import COLONNES, SOURCE, importer
from sun.inclusion.analyses.queries import ifn_charge
from sun.web.forms.analyses import ImportIfnForm


@role_requis(*ESPACE)
def importer_ifn(request):
    if not permissions.peut_importer(request.user):
        raise PermissionDenied
    form = ImportIfnForm(request.POST or None, request.FILES or None)
    rapport = erreur = None
    if request.method == "POST" and form.is_valid():
        donnees, envoye = form.cleaned_data, form.cleaned_data["fichier"]
        suffixe = ".xlsx" if envoye.name.lower().endswith(".xlsx") else ".csv"
        with tempfile.TemporaryDirectory() as dossier:
            chemin = Path(dossier) / f"ifn{suffixe}"
            with chemin.open("wb") as copie:
                for morceau in envoye.chunks():
                    copie.write(morceau)
            try:
                rapport = importer(
                    chemin, donnees["source"] or SOURCE, essai=donnees["essai"],
                    auteur=request.user, nom_fichier=envoye.name, confirmer=donnees["confirmer"],
                    departement=settings.SUN_DEPARTEMENT if donnees["departement_seul"] else None,
                )  # fmt: skip
            except ConfirmationRequise as exc:
                rapport = exc.rapport
                erreur = (f"{exc} Rien n'a été enregistré : cochez « Importer même si plus de "
                          "20 % des lignes sont refusées » et envoyez à nouveau le fichier.")  # fmt: skip
            except ImportImpossible as exc:
                erreur = f"{exc} Rien n'a été enregistré."
    return render(request, "web/espace/analyses/import_ifn.html", {
        "form": form, "rapport": rapport, "erreur": erreur, "colonnes": COLONNES,
        "etat": ifn_charge(settings.SUN_DEPARTEMENT), "departement": settings.SUN_DEPARTEMENT,
    })  # fmt: skip
