"""Agent space › Parc › Importer un inventaire (module « parc_import »: the IT service and
administrators): upload a GLPI export or SUN's template, imported at once by the same importer
as `sun parc importer` (a dry run by default), with the shared report and the unknown statuses
and types linked to their tables; download the template; edit each source's tables of
statuses and types (writes through sun.parc.importation.services)."""

import io

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from sun.comptes.roles import role_requis
from sun.core.imports import ConfirmationRequise, CorrespondanceInvalide, ImportImpossible
from sun.core.models import JournalImport
from sun.parc.cycle_vie import RefusCycleVie
from sun.parc.importation import dispositions, queries, services
from sun.parc.importation.champs import CHAMPS, COLONNES_MODELE
from sun.parc.importation.importeur import ImportInventaire
from sun.parc.importation.modele import ecrire_modele_dans
from sun.parc.importation.permissions import ROLES_IMPORT, peut_importer
from sun.parc.referentiel import Etat, TypeEquipement, Voie
from sun.web.forms.fichiers import verifier_lisible
from sun.web.televersement import copie_temporaire
from sun.web.views.imports import fichier_du_rapport

JOINTE = "jointe"


def _autorise(vue):
    def enveloppe(request, *args, **kwargs):
        if not peut_importer(request.user):
            raise PermissionDenied
        return vue(request, *args, **kwargs)

    enveloppe.__name__, enveloppe.__doc__ = vue.__name__, vue.__doc__
    return role_requis(*ROLES_IMPORT)(enveloppe)


class ImportInventaireForm(forms.Form):
    fichier = forms.FileField(label="Inventaire", help_text="Export CSV d'une liste de GLPI "
                              "(ordinateurs, écrans…) tel que GLPI l'écrit, ou le modèle CSV de SUN.")  # fmt: skip
    disposition = forms.ChoiceField(label="Disposition du fichier", required=False)
    correspondance = forms.FileField(
        label="Fichier de correspondance (YAML)", required=False,
        help_text="Seulement pour « Correspondance jointe » : décrit les colonnes d'un export "
        "dans une autre langue ou aux colonnes renommées.",
    )  # fmt: skip
    source = forms.CharField(
        label="Nom de la source", max_length=100, required=False,
        help_text="Par exemple : GLPI des collèges. Par défaut : GLPI (ou Modèle SUN). Un "
        "équipement est reconnu par sa source et son numéro d'inventaire (ou de série).",
    )  # fmt: skip
    types_autre = forms.BooleanField(
        label="Classer les types inconnus en « autre »", required=False,
        help_text="Sans cette case, une ligne d'un type que la table de la source ne connaît "
        "pas est refusée.",
    )  # fmt: skip
    essai = forms.BooleanField(
        label="Essai à blanc : montrer ce qui changerait sans rien enregistrer",
        required=False, initial=True,
    )  # fmt: skip
    confirmer = forms.BooleanField(
        label="Importer même si beaucoup de lignes sont refusées", required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["disposition"].choices = [
            ("", "Reconnaître d'après l'en-tête"), *dispositions.livrees().items(),
            (JOINTE, "Correspondance jointe (fichier YAML ci-dessous)"),
        ]  # fmt: skip

    def clean_fichier(self):
        fichier = self.cleaned_data["fichier"]
        verifier_lisible(fichier)
        return fichier

    def clean(self):
        donnees = super().clean()
        envoye = donnees.get("correspondance")
        if donnees.get("disposition") != JOINTE:
            return donnees
        if not envoye:
            self.add_error("correspondance", "Joignez le fichier de correspondance (YAML).")
            return donnees
        try:
            donnees["correspondance_lue"] = dispositions.depuis_texte(
                envoye.read().decode("utf-8"), envoye.name
            )
        except UnicodeDecodeError:
            self.add_error("correspondance", "Fichier de correspondance illisible : il doit être "
                           "un texte en UTF-8.")  # fmt: skip
        except CorrespondanceInvalide as exc:
            self.add_error("correspondance", str(exc))
        return donnees


@_autorise
@require_http_methods(["GET", "HEAD", "POST"])
def importer(request):
    form = ImportInventaireForm(request.POST or None, request.FILES or None)
    rapport, erreur = None, ""
    if request.method == "POST" and form.is_valid():
        rapport, erreur = _importer(request, form.cleaned_data)
    statut = 400 if (form.is_bound and form.errors) or erreur else 200
    return render(request, "web/parc/importer/importer.html", {
        "form": form, "rapport": rapport, "erreur": erreur,
        "inconnus": getattr(rapport, "a_faire_correspondre", None),
        "livrees": dispositions.livrees(), "colonnes_modele": COLONNES_MODELE, "champs": CHAMPS,
        "seuil_confirmation": round(settings.SUN_IMPORT_SEUIL_CONFIRMATION * 100),
        "url_rapport": "espace:parc_import_rapport",
    }, status=statut)  # fmt: skip


@_autorise
def rapport(request, pk: int):
    """The full CSV report of an inventory import (the IT service does not open the journal
    of every import)."""
    return fichier_du_rapport(get_object_or_404(JournalImport, pk=pk, genre=ImportInventaire.genre))


def _importer(request, d: dict):
    envoye = d["fichier"]
    correspondance = d.get("correspondance_lue") or (
        d["disposition"] if d["disposition"] != JOINTE else None
    )
    with copie_temporaire(envoye) as chemin:
        try:
            return services.importer_inventaire(
                chemin, correspondance=correspondance or None, source=d["source"],
                types_inconnus="autre" if d["types_autre"] else "refuser", essai=d["essai"],
                auteur=request.user, confirmer=d["confirmer"], nom_fichier=envoye.name,
            ), ""  # fmt: skip
        except ConfirmationRequise as exc:
            return (
                exc.rapport,
                f"{exc} Cochez « Importer même si… » et envoyez à nouveau le fichier.",
            )
        except ImportImpossible as exc:
            return None, f"{exc} Rien n'a été enregistré."


@_autorise
def modele_csv(request):
    """SUN's CSV template (header and three made-up example rows)."""
    sortie = io.StringIO()
    ecrire_modele_dans(sortie)
    reponse = HttpResponse(("\ufeff" + sortie.getvalue()).encode("utf-8"),
                           content_type="text/csv; charset=utf-8")  # fmt: skip
    reponse["Content-Disposition"] = 'attachment; filename="modele-inventaire-sun.csv"'
    return reponse


class StatutForm(forms.Form):
    source = forms.CharField(label="Source", max_length=100)
    statut_source = forms.CharField(label="Statut dans la source", max_length=120,
                                    help_text="Tel que la source l'écrit ; « * » à la fin vaut "
                                    "pour tout ce qui commence ainsi.")  # fmt: skip
    etat = forms.ChoiceField(label="État SUN", choices=Etat.choices)
    voie = forms.ChoiceField(label="Voie de sortie (pour « Sorti du parc »)", required=False,
                             choices=[("", "—"), *Voie.choices])  # fmt: skip


class TypeForm(forms.Form):
    source = forms.CharField(label="Source", max_length=100)
    type_source = forms.CharField(label="Type dans la source", max_length=120,
                                  help_text="Tel que la source l'écrit ; « * » à la fin vaut "
                                  "pour tout ce qui commence ainsi.")  # fmt: skip
    type = forms.ChoiceField(label="Type SUN", choices=TypeEquipement.choices)


@_autorise
@require_http_methods(["GET", "HEAD", "POST"])
def correspondances(request):
    """Each source's tables: what each of its statuses and types means in SUN."""
    g = request.GET
    statut_form = StatutForm(initial={"source": g.get("source", ""), "statut_source": g.get("statut", ""),
                                      "etat": g.get("etat", Etat.EN_SERVICE)}, prefix="statut")  # fmt: skip
    type_form = TypeForm(initial={"source": g.get("source", ""), "type_source": g.get("type", ""),
                                  "type": g.get("type_sun", "")}, prefix="type")  # fmt: skip
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            if action == "statut":
                statut_form = StatutForm(request.POST, prefix="statut")
                if statut_form.is_valid():
                    d = statut_form.cleaned_data
                    c = services.enregistrer_statut(
                        d["source"], d["statut_source"], d["etat"], d["voie"]
                    )
                    messages.success(request, f"Statut « {c.statut_source} » de {c.source} : "
                                     f"{c.get_etat_display()}.")  # fmt: skip
                    return redirect("espace:parc_correspondances")
            elif action == "type":
                type_form = TypeForm(request.POST, prefix="type")
                if type_form.is_valid():
                    d = type_form.cleaned_data
                    c = services.enregistrer_type(d["source"], d["type_source"], d["type"])
                    messages.success(request, f"Type « {c.type_source} » de {c.source} : "
                                     f"{c.get_type_display()}.")  # fmt: skip
                    return redirect("espace:parc_correspondances")
            elif (
                action in ("retirer_statut", "retirer_type")
                and request.POST.get("pk", "").isdigit()
            ):
                retirer = (
                    services.retirer_statut if action == "retirer_statut" else services.retirer_type
                )
                retirer(int(request.POST["pk"]))
                messages.info(request, "Correspondance retirée : les lignes concernées seront "
                              "refusées au prochain import tant qu'elles ne correspondent à rien.")  # fmt: skip
                return redirect("espace:parc_correspondances")
        except RefusCycleVie as exc:
            (statut_form if action == "statut" else type_form).add_error(None, exc.message)
    invalide = request.method == "POST"
    return render(request, "web/parc/importer/correspondances.html", {
        "sources": queries.sources(), "statut_form": statut_form, "type_form": type_form,
    }, status=400 if invalide else 200)  # fmt: skip
