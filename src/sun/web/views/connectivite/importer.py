"""Agent space › Connectivité: the editions loaded per kind of file (overview), and the
upload of a file (ARCEP, copper, mobile) imported at once through the same importer as
`sun connectivite importer`, with the shared report; a file the guard stops waits for the
agent to tick « confirmer » and send it again."""

from django import forms
from django.conf import settings
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from sun.comptes.roles import Role, role_requis
from sun.connectivite.importation.queries import editions_par_genre
from sun.connectivite.importation.services import importer_fichier
from sun.connectivite.models import Genre
from sun.core.imports import ConfirmationRequise, ImportImpossible
from sun.web.forms.fichiers import verifier_lisible
from sun.web.televersement import copie_temporaire

ROLES_APERCU = (Role.AGENT, Role.PILOTE, Role.ADMINISTRATEUR)
ROLES_IMPORT = (Role.AGENT, Role.ADMINISTRATEUR)


class ImportConnectiviteForm(forms.Form):
    fichier = forms.FileField(
        label="Fichier", help_text="CSV de « Ma connexion internet » ou de « Mon réseau mobile », "
        "classeur de l'observatoire FttH, fichier trajectoire d'Orange (XLSX ou CSV) ou CSV "
        "« fermeture-reseau-cuivre ». Gardez le nom d'origine : il porte souvent la date.",
    )  # fmt: skip
    genre = forms.ChoiceField(label="Type de fichier", required=False,
                              choices=[("", "Reconnaître d'après le fichier"), *Genre.choices])  # fmt: skip
    edition = forms.DateField(
        label="Date de l'édition (AAAA-MM-JJ)", required=False,
        help_text="Obligatoire pour un fichier du cuivre dont le nom ne porte pas de date ; "
        "vérifiée contre le fichier sinon.", widget=forms.DateInput(attrs={"type": "date"}),
    )  # fmt: skip
    tous = forms.BooleanField(label="Toute la France (sinon : les communes du département)",
                              required=False)  # fmt: skip
    essai = forms.BooleanField(
        label="Essai à blanc : montrer ce qui changerait sans rien enregistrer",
        required=False, initial=True,
    )  # fmt: skip
    confirmer = forms.BooleanField(
        label="Importer même si beaucoup de lignes sont refusées ou retirées", required=False
    )

    def clean_fichier(self):
        fichier = self.cleaned_data["fichier"]
        verifier_lisible(fichier)
        return fichier


@role_requis(*ROLES_APERCU)
def apercu(request):
    return render(request, "web/connectivite/espace/apercu.html", {
        "genres": editions_par_genre(), "peut_importer": _peut_importer(request.user),
    })  # fmt: skip


@role_requis(*ROLES_IMPORT)
@require_http_methods(["GET", "HEAD", "POST"])
def importer(request):
    form = ImportConnectiviteForm(request.POST or None, request.FILES or None)
    rapport, erreur = None, ""
    if request.method == "POST" and form.is_valid():
        rapport, erreur = _importer(request, form.cleaned_data)
    statut = 400 if (form.is_bound and form.errors) or erreur else 200
    return render(request, "web/connectivite/espace/importer.html", {
        "form": form, "rapport": rapport, "erreur": erreur,
        "seuil_confirmation": round(settings.SUN_IMPORT_SEUIL_CONFIRMATION * 100),
    }, status=statut)  # fmt: skip


def _peut_importer(user) -> bool:
    from sun.comptes.roles import a_role

    return a_role(user, *ROLES_IMPORT)


def _importer(request, d: dict):
    envoye = d["fichier"]
    # Under its own name: the name gives the edition of several kinds of file.
    with copie_temporaire(envoye) as chemin:
        try:
            return importer_fichier(chemin, genre=d["genre"] or None, edition=d["edition"],
                                    tous=d["tous"], essai=d["essai"], auteur=request.user,
                                    confirmer=d["confirmer"], nom_fichier=envoye.name), ""  # fmt: skip
        except ConfirmationRequise as exc:
            return (
                exc.rapport,
                f"{exc} Cochez « Importer même si… » et envoyez à nouveau le fichier.",
            )
        except ImportImpossible as exc:
            return None, f"{exc} Rien n'a été enregistré."
