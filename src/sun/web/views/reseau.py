"""Agent space › Réseau: the directory of médiateurs and their employers (schéma, 1.2).

Everyone in the agent space reads it; a médiateur updates their own record; administrators
create and update every record."""

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from sun.comptes.roles import ESPACE, Role, role_requis
from sun.inclusion.models import LieuActivite, Mediateur
from sun.inclusion.reseau import permissions
from sun.inclusion.reseau import queries as reseau
from sun.inclusion.reseau.services import (
    ajouter_lieu_activite,
    creer_structure,
    enregistrer_mediateur,
    terminer_lieu_activite,
)
from sun.territoire.queries import epcis_du_departement
from sun.web.forms.reseau import FinActiviteForm, LieuActiviteForm, MediateurForm, StructureForm


@role_requis(*ESPACE)
def annuaire(request):
    filtres = reseau.FiltresAnnuaire.depuis(request.GET)
    page = Paginator(reseau.annuaire(filtres), 50).get_page(request.GET.get("page"))
    return render(request, "web/espace/reseau/annuaire.html", {
        "page": page, "filtres": filtres, "programmes": reseau.PROGRAMMES.items(),
        "profils": Mediateur.Profil.choices, "communes": reseau.communes_du_reseau(),
        "epcis": epcis_du_departement(settings.SUN_DEPARTEMENT),
        "peut_creer": permissions.peut_creer(request.user),
        "ma_fiche": reseau.fiche_du_compte(request.user),
    })  # fmt: skip


@role_requis(*ESPACE)
def structures(request):
    return render(request, "web/espace/reseau/structures.html", {
        "structures": reseau.structures_du_reseau(), "peut_creer": permissions.peut_creer(request.user),
    })  # fmt: skip


@role_requis(Role.ADMINISTRATEUR)
def structure_nouvelle(request):
    form = StructureForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        structure = creer_structure(form)
        messages.success(request, f"Structure « {structure.nom} » enregistrée.")
        return redirect("espace:reseau_structures")
    return render(request, "web/espace/reseau/formulaire.html", {
        "form": form, "titre": "Nouvelle structure employeuse",
    })  # fmt: skip


@role_requis(*ESPACE)
def fiche(request, pk):
    mediateur = get_object_or_404(reseau.mediateurs_detailles(), pk=pk)
    peut_modifier = permissions.peut_modifier(request.user, mediateur)
    return render(request, "web/espace/reseau/fiche.html", {
        "mediateur": mediateur, "peut_modifier": peut_modifier,
        "lieux": reseau.lieux_d_activite(mediateur),
        "form_lieu": LieuActiviteForm(code_departement=settings.SUN_DEPARTEMENT) if peut_modifier else None,
        "form_fin": FinActiviteForm(),
    })  # fmt: skip


@role_requis(*ESPACE)
def ma_fiche(request):
    mediateur = reseau.fiche_du_compte(request.user)
    if mediateur is None:
        messages.info(request, "Votre compte n'est relié à aucune fiche du réseau : "
                               "demandez à un administrateur de la créer ou de la relier.")  # fmt: skip
        return redirect("espace:reseau")
    return redirect("espace:reseau_fiche", pk=mediateur.pk)


def _enregistrer(request, mediateur: Mediateur | None):
    administrateur = permissions.peut_creer(request.user)
    form = MediateurForm(request.POST or None, instance=mediateur, administrateur=administrateur)
    if request.method == "POST" and form.is_valid():
        mediateur = enregistrer_mediateur(form)
        messages.success(request, f"Fiche de {mediateur} enregistrée.")
        return redirect("espace:reseau_fiche", pk=mediateur.pk)
    titre = f"Modifier la fiche de {mediateur}" if mediateur else "Nouveau médiateur"
    return render(request, "web/espace/reseau/formulaire.html", {
        "form": form, "titre": titre, "mediateur": mediateur,
    })  # fmt: skip


@role_requis(Role.ADMINISTRATEUR)
def nouveau(request):
    return _enregistrer(request, None)


@role_requis(*ESPACE)
def modifier(request, pk):
    mediateur = get_object_or_404(Mediateur, pk=pk)
    if not permissions.peut_modifier(request.user, mediateur):
        messages.error(request, "Vous ne pouvez modifier que votre propre fiche.")
        return redirect("espace:reseau_fiche", pk=pk)
    return _enregistrer(request, mediateur)


def _mediateur_modifiable(request, pk) -> Mediateur | None:
    mediateur = get_object_or_404(Mediateur, pk=pk)
    if not permissions.peut_modifier(request.user, mediateur):
        messages.error(request, "Vous ne pouvez modifier que votre propre fiche.")
        return None
    return mediateur


@require_POST
@role_requis(*ESPACE)
def lieu_ajouter(request, pk):
    mediateur = _mediateur_modifiable(request, pk)
    if mediateur is not None:
        form = LieuActiviteForm(request.POST, code_departement=settings.SUN_DEPARTEMENT)
        if form.is_valid():
            ajouter_lieu_activite(mediateur, form.cleaned_data["lieu"], form.cleaned_data["debut"])
            messages.success(request, f"Lieu « {form.cleaned_data['lieu'].nom} » ajouté.")
        else:
            erreurs = " ".join(e for liste in form.errors.values() for e in liste)
            messages.error(request, f"Lieu non ajouté : {erreurs}")
    return redirect("espace:reseau_fiche", pk=pk)


@require_POST
@role_requis(*ESPACE)
def lieu_terminer(request, pk, activite):
    mediateur = _mediateur_modifiable(request, pk)
    if mediateur is not None:
        lieu_activite = get_object_or_404(LieuActivite, pk=activite, mediateur=mediateur)
        form = FinActiviteForm(request.POST)
        if not form.is_valid():
            messages.error(request, "Indiquez le dernier jour au format JJ/MM/AAAA.")
        else:
            try:
                terminer_lieu_activite(lieu_activite, form.cleaned_data["fin"])
            except ValueError as exc:
                messages.error(request, str(exc))
            else:
                messages.success(request, f"Activité à « {lieu_activite.lieu.nom} » terminée.")
    return redirect("espace:reseau_fiche", pk=pk)
