"""Agent space › Téléphonie › Importer un relevé d'appels: upload a call export with a shipped
layout (or an uploaded mapping); the worker runs the same import and report as `sun
telephonie importer`; this page follows the job (`?tache=`) to its report, or to the guard's
question (more than 20 % of the rows refused)."""

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from sun.comptes.roles import role_requis
from sun.core.imports import CorrespondanceInvalide
from sun.core.taches import queries as taches
from sun.qualite.telephonie.importation import correspondances
from sun.qualite.telephonie.importation.permissions import ROLES_IMPORT, peut_importer_appels
from sun.web.forms.fichiers import verifier_lisible
from sun.web.views.imports import contexte_tache, lancer_import_envoye, statut_du_formulaire

GENRE, PAGE = "telephonie", "espace:qualite_telephone_importer"
JOINTE = "jointe"


class ImportAppelsForm(forms.Form):
    fichier = forms.FileField(
        label="Relevé d'appels", help_text="CSV exporté du standard ou du distributeur d'appels "
        "(Master.csv d'Asterisk, historique détaillé de Webex Calling, modèle SUN…).",
    )  # fmt: skip
    disposition = forms.ChoiceField(label="Disposition du fichier", required=False)
    correspondance = forms.FileField(
        label="Fichier de correspondance (YAML)", required=False,
        help_text="Seulement pour « Correspondance jointe » : décrit les colonnes d'un autre export.",
    )  # fmt: skip
    source = forms.CharField(
        label="Nom de la source", max_length=80, required=False,
        help_text="Par exemple : Standard de l'hôtel du Département. Par défaut, celui de la "
        "disposition. Un appel est reconnu par sa source et son identifiant.",
    )  # fmt: skip
    essai = forms.BooleanField(
        label="Essai à blanc : montrer ce qui changerait sans rien enregistrer",
        required=False, initial=True,
    )  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["disposition"].choices = [
            ("", "Reconnaître d'après le fichier"),
            *correspondances.livrees().items(),
            (JOINTE, "Correspondance jointe (fichier YAML ci-dessous)"),
        ]

    def clean_fichier(self):
        fichier = self.cleaned_data["fichier"]
        verifier_lisible(fichier)
        return fichier

    def clean(self):
        donnees = super().clean()
        envoye = donnees.get("correspondance")
        if donnees.get("disposition") == JOINTE and not envoye:
            self.add_error("correspondance", "Joignez le fichier de correspondance (YAML).")
        if envoye and donnees.get("disposition") == JOINTE:
            try:
                lue = correspondances.depuis_texte(envoye.read().decode("utf-8"), envoye.name)
            except UnicodeDecodeError:
                self.add_error("correspondance", "Fichier de correspondance illisible : il doit "
                               "être un texte en UTF-8.")  # fmt: skip
            except CorrespondanceInvalide as exc:
                self.add_error("correspondance", str(exc))
            else:
                donnees["correspondance_lue"] = lue
        return donnees

    def options(self) -> dict:
        donnees = self.cleaned_data
        lue = donnees.get("correspondance_lue")
        return {
            "correspondance": "" if donnees["disposition"] == JOINTE else donnees["disposition"],
            "contenu": lue.contenu if lue else None,
            "nom_correspondance": lue.chemin if lue else "", "source": donnees["source"],
        }  # fmt: skip


@role_requis(*ROLES_IMPORT)
def importer(request):
    if not peut_importer_appels(request.user):
        raise PermissionDenied
    form = ImportAppelsForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        tache = lancer_import_envoye(GENRE, form.cleaned_data["fichier"], options=form.options(),
                                     essai=form.cleaned_data["essai"], auteur=request.user)  # fmt: skip
    else:
        tache = taches.tache(request.GET.get("tache"), GENRE)
    return render(request, "web/espace/qualite/telephonie_import.html", {
        "form": form, "livrees": correspondances.livrees(), "champs": correspondances.CHAMPS,
        "colonnes_modele": correspondances.COLONNES_MODELE,
        "seuil_confirmation": round(settings.SUN_IMPORT_SEUIL_CONFIRMATION * 100),
        **contexte_tache(tache, PAGE),
    }, status=statut_du_formulaire(request, form, GENRE, "Relevés d'appels téléphoniques"))  # fmt: skip
