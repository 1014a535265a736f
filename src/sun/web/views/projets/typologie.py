"""Agent space › Projets › Typologie des demandes (schéma 11.3): the tree of types read by
all staff; add, rename, deactivate and merge for the IT service and administrators
(`permissions.peut_qualifier`). Writes through sun.projets.statistiques.services."""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from sun.comptes.roles import role_requis
from sun.projets import permissions
from sun.projets.erreurs import Refus
from sun.projets.models import Demande, TypeDemande
from sun.projets.models.demandes import Nature
from sun.projets.statistiques import services
from sun.projets.statistiques.queries import dernier_import_glpi
from sun.projets.statistiques.typologie import arbre

NATURES = [("", "— (à préciser)"), *Nature.choices]
MESSAGE_DROITS = ("La typologie est modifiée par le service informatique et les "
                  "administrateurs.")  # fmt: skip


class TypeForm(forms.Form):
    libelle = forms.CharField(label="Type (chemin)", max_length=300, required=False,
                              help_text="Par exemple : Logiciel > Messagerie. Les niveaux sont "
                              "séparés par « > ».")  # fmt: skip
    nature = forms.ChoiceField(label="Nature habituelle", choices=NATURES, required=False)


class FusionForm(forms.Form):
    absorbe = forms.ModelChoiceField(TypeDemande.objects.all(), label="Type à fusionner",
                                     required=False, help_text="Ses demandes passent au type "
                                     "gardé ; il est ensuite supprimé.")  # fmt: skip
    cible = forms.ModelChoiceField(TypeDemande.objects.all(), label="Type gardé", required=False)


def _exiger_qualification(request) -> None:
    permissions.exiger(permissions.peut_qualifier(request.user), MESSAGE_DROITS,
                       permissions.QUALIFICATION)  # fmt: skip


def _page(request, *, form=None, fusion=None, erreur="", statut=200):
    types = list(TypeDemande.objects.all())
    return render(request, "web/projets/typologie_liste.html", {
        "noeuds": arbre(types, Demande.objects.effectifs_par_type()),
        "nombre_types": len(types), "actifs": sum(t.actif for t in types),
        "peut_modifier": permissions.peut_qualifier(request.user),
        "form": form or TypeForm(), "fusion": fusion or FusionForm(), "erreur": erreur,
        "dernier_import": dernier_import_glpi(), "maintenant": timezone.now(),
    }, status=statut)  # fmt: skip


@role_requis(*permissions.PERSONNEL)
@require_GET
def typologie(request):
    return _page(request)


@role_requis(*permissions.PERSONNEL)
@require_POST
def ajouter(request):
    _exiger_qualification(request)
    form = TypeForm(request.POST)
    form.is_valid()
    d = form.cleaned_data
    try:
        t = services.ajouter_type(d.get("libelle", ""), d.get("nature", ""))
    except Refus as exc:
        form.add_error("libelle", exc.message)
        return _page(request, form=form, erreur=exc.message, statut=400)
    messages.success(request, f"Type « {t.libelle} » ajouté.")
    return redirect("espace:projets_typologie")


@role_requis(*permissions.PERSONNEL)
@require_http_methods(["GET", "HEAD", "POST"])
def modifier(request, pk: int):
    _exiger_qualification(request)
    type_ = get_object_or_404(TypeDemande, pk=pk)
    form = TypeForm(request.POST or None,
                    initial={"libelle": type_.libelle, "nature": type_.nature})  # fmt: skip
    erreur = ""
    if request.method == "POST":
        form.is_valid()
        d = form.cleaned_data
        try:
            services.renommer_type(type_, d.get("libelle", ""), d.get("nature", ""))
        except Refus as exc:
            erreur = exc.message
            form.add_error("libelle", exc.message)
            type_.refresh_from_db()
        else:
            messages.success(request, f"Type « {type_.libelle} » enregistré.")
            return redirect("espace:projets_typologie")
    return render(request, "web/projets/typologie_modifier.html", {
        "type": type_, "form": form, "erreur": erreur,
        "demandes": Demande.objects.effectifs_par_type().get(type_.pk, 0),
    }, status=400 if erreur else 200)  # fmt: skip


@role_requis(*permissions.PERSONNEL)
@require_POST
def activite(request, pk: int):
    _exiger_qualification(request)
    type_ = get_object_or_404(TypeDemande, pk=pk)
    actif = request.POST.get("actif") == "1"
    services.changer_activite(type_, actif)
    messages.success(request, f"Type « {type_.libelle} » "
                     + ("réactivé." if actif else "désactivé (gardé pour l'historique)."))  # fmt: skip
    return redirect("espace:projets_typologie")


@role_requis(*permissions.PERSONNEL)
@require_POST
def fusionner(request):
    _exiger_qualification(request)
    fusion = FusionForm(request.POST)
    if not fusion.is_valid():
        erreur = "Choisissez deux types de la liste."
        return _page(request, fusion=fusion, erreur=erreur, statut=400)
    absorbe, cible = fusion.cleaned_data["absorbe"], fusion.cleaned_data["cible"]
    try:
        n = services.fusionner_types(absorbe, cible)
    except Refus as exc:
        fusion.add_error(exc.champ if exc.champ in fusion.fields else None, exc.message)
        return _page(request, fusion=fusion, erreur=exc.message, statut=400)
    messages.success(request, f"« {absorbe.libelle} » fusionné dans « {cible.libelle} » : "
                     f"{n} demande{'s' if n > 1 else ''} déplacée{'s' if n > 1 else ''}.")  # fmt: skip
    return redirect("espace:projets_typologie")
