"""Agent space › Projets › Typologie › Importer des tickets GLPI (the IT service and
administrators): upload a GLPI ticket export, imported by the same function as
`sun projets importer-tickets` (a dry run by default), with the shared report."""

from django import forms
from django.conf import settings
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_http_methods

from sun.comptes.roles import role_requis
from sun.core.imports import ConfirmationRequise, ImportImpossible
from sun.core.models import JournalImport
from sun.projets import permissions
from sun.projets.importation.champs import CHAMPS, STATUTS_ATTENDUS
from sun.projets.importation.importeur import ImportTickets
from sun.projets.importation.services import importer_tickets
from sun.web.forms.fichiers import verifier_lisible
from sun.web.televersement import copie_temporaire
from sun.web.views.imports import fichier_du_rapport

MESSAGE_DROITS = ("L'import des tickets GLPI est réservé au service informatique et aux "
                  "administrateurs.")  # fmt: skip


class ImportTicketsForm(forms.Form):
    fichier = forms.FileField(label="Export des tickets GLPI (CSV)", help_text="La liste des "
                              "tickets exportée en CSV depuis GLPI, telle que GLPI l'écrit.")  # fmt: skip
    essai = forms.BooleanField(
        label="Essai à blanc : montrer ce qui changerait sans rien enregistrer",
        required=False, initial=True,
    )  # fmt: skip
    confirmer = forms.BooleanField(
        label="Importer même si beaucoup de lignes sont refusées", required=False
    )

    def clean_fichier(self):
        fichier = self.cleaned_data["fichier"]
        verifier_lisible(fichier)
        return fichier


def _exiger(request) -> None:
    permissions.exiger(permissions.peut_qualifier(request.user), MESSAGE_DROITS,
                       permissions.QUALIFICATION)  # fmt: skip


@role_requis(*permissions.QUALIFICATION)
@require_http_methods(["GET", "HEAD", "POST"])
def importer(request):
    _exiger(request)
    form = ImportTicketsForm(request.POST or None, request.FILES or None)
    rapport, erreur = None, ""
    if request.method == "POST" and form.is_valid():
        rapport, erreur = _importer(request, form.cleaned_data)
    statut = 400 if (form.is_bound and form.errors) or erreur else 200
    return render(request, "web/projets/importer_tickets.html", {
        "form": form, "rapport": rapport, "erreur": erreur, "champs": CHAMPS,
        "statuts": STATUTS_ATTENDUS, "url_rapport": "espace:projets_tickets_rapport",
        "seuil_confirmation": round(settings.SUN_IMPORT_SEUIL_CONFIRMATION * 100),
    }, status=statut)  # fmt: skip


def _importer(request, d: dict):
    envoye = d["fichier"]
    with copie_temporaire(envoye) as chemin:
        try:
            return importer_tickets(chemin, essai=d["essai"], auteur=request.user,
                                    confirmer=d["confirmer"], nom_fichier=envoye.name), ""  # fmt: skip
        except ConfirmationRequise as exc:
            return (
                exc.rapport,
                f"{exc} Cochez « Importer même si… » et envoyez à nouveau le fichier.",
            )
        except ImportImpossible as exc:
            return None, f"{exc} Rien n'a été enregistré."


@role_requis(*permissions.QUALIFICATION)
def rapport(request, pk: int):
    """The full CSV report of a ticket import."""
    _exiger(request)
    return fichier_du_rapport(get_object_or_404(JournalImport, pk=pk, genre=ImportTickets.genre))
