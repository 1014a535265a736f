"""Agent space › Données › Vérifier un fichier (module « donnees », the catalogue's roles): upload
a CSV, choose a schema, read the report; nothing is published and the file is not kept (a
temporary copy, deleted once checked). And › Schémas: the known schemas, and a form to add one
from a file or a URL (writes through sun.donnees.validation.services)."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from sun.comptes.roles import role_requis
from sun.donnees import permissions
from sun.donnees.validation import schemas, services, valider
from sun.donnees.validation.descripteurs import SchemaRefuse
from sun.web.televersement import copie_temporaire

REFUS = "La vérification de fichiers est réservée au personnel du Département."


def _choix() -> list[tuple[str, str]]:
    return [(s.reference, f"{s.titre} — {s.id} {s.version}") for s in schemas.connus()]


class VerifierForm(forms.Form):
    fichier = forms.FileField(label="Fichier CSV", help_text="Séparateur virgule ou "
                              "point-virgule, encodé en UTF-8 ou Windows-1252. Le fichier n'est "
                              "ni publié ni conservé.")  # fmt: skip
    schema = forms.ChoiceField(label="Schéma national", help_text="Le schéma de "
                               "schema.data.gouv.fr que le fichier doit respecter.")  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["schema"].choices = [("", "— Choisir un schéma —"), *_choix()]


class AjoutSchemaForm(forms.Form):
    fichier = forms.FileField(label="Fichier du schéma (JSON)", required=False,
                              help_text="Un Table Schema, tel que schema.data.gouv.fr le publie "
                              "(schema.json).")  # fmt: skip
    url = forms.URLField(label="Ou son adresse web", required=False, assume_scheme="https",
                         help_text="Par exemple https://schema.data.gouv.fr/schemas/scdl/budget/"
                         "0.8.3/schema.json")  # fmt: skip
    schema_id = forms.CharField(label="Identifiant", required=False, max_length=200,
                                help_text="Comme sur schema.data.gouv.fr, par exemple scdl/budget "
                                "(déduit de l'adresse quand elle vient de schema.data.gouv.fr).")  # fmt: skip
    version = forms.CharField(label="Version", required=False, max_length=40,
                              help_text="Par défaut, celle que déclare le schéma.")  # fmt: skip

    def clean(self):
        donnees = super().clean()
        if bool(donnees.get("fichier")) == bool(donnees.get("url")):
            raise forms.ValidationError("Joignez le fichier du schéma ou donnez son adresse "
                                        "(l'un des deux).")  # fmt: skip
        return donnees


def _exiger(request) -> None:
    permissions.exiger(permissions.peut_deposer(request.user), REFUS, permissions.CATALOGUE)


@role_requis(*permissions.CATALOGUE)
@require_http_methods(["GET", "HEAD", "POST"])
def verifier(request):
    _exiger(request)
    form = VerifierForm(*((request.POST, request.FILES) if request.method == "POST" else ()))
    rapport, erreur = None, ""
    if request.method == "POST" and form.is_valid():
        try:
            reference = schemas.analyser_reference(form.cleaned_data["schema"])
            with copie_temporaire(form.cleaned_data["fichier"]) as chemin:
                rapport = valider(chemin, reference, nom=form.cleaned_data["fichier"].name)
        except (schemas.SchemaInconnu, SchemaRefuse, ValueError) as exc:
            erreur = str(exc)
    statut = 400 if (form.is_bound and form.errors) or erreur else 200
    return render(request, "web/donnees/validation_verifier.html",
                  {"form": form, "rapport": rapport, "erreur": erreur}, status=statut)  # fmt: skip


@role_requis(*permissions.CATALOGUE)
@require_http_methods(["GET", "HEAD", "POST"])
def liste_schemas(request):
    _exiger(request)
    form = AjoutSchemaForm(*((request.POST, request.FILES) if request.method == "POST" else ()))
    erreur = ""
    if request.method == "POST" and form.is_valid():
        donnees = form.cleaned_data
        envoye = donnees.get("fichier")
        try:
            connu = services.ajouter_schema(
                envoye.read(services.TAILLE_LUE) if envoye else None,
                envoye.name if envoye else "", url=donnees.get("url") or "",
                schema_id=donnees["schema_id"], version=donnees["version"],
                hotes_connus=True)  # fmt: skip
        except SchemaRefuse as exc:
            erreur = f"{exc} Rien n'a été enregistré."
        else:
            messages.success(request, f"Schéma ajouté : {connu.titre} ({connu.id} "
                             f"{connu.version}).")  # fmt: skip
            return redirect("espace:donnees_schemas")
    statut = 400 if (form.is_bound and form.errors) or erreur else 200
    return render(request, "web/donnees/validation_schemas.html",
                  {"form": form, "erreur": erreur, "schemas": schemas.connus()}, status=statut)  # fmt: skip
