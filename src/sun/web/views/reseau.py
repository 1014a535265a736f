"""Agent space › Réseau: the directory of médiateurs and their employers (schéma, 1.2).

Everyone in the agent space reads it; a médiateur updates their own record; administrators
create and update every record."""

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from sun.comptes.roles import ESPACE, Role, role_requis
from sun.inclusion.models import LieuActivite, Mediateur, Structure
from sun.inclusion.reseau import annuaire as reseau
from sun.territoire.models import EPCI, Commune
from sun.web.forms.reseau import FinActiviteForm, LieuActiviteForm, MediateurForm, StructureForm


def _communes_du_reseau():
    return Commune.objects.filter(
        lieux__mediateurs__in=LieuActivite.objects.filter(reseau.lieux_en_cours())
    ).distinct().order_by("nom")  # fmt: skip


@role_requis(*ESPACE)
def annuaire(request):
    filtres = reseau.FiltresAnnuaire.depuis(request.GET)
    page = Paginator(reseau.annuaire(filtres), 50).get_page(request.GET.get("page"))
    return render(request, "web/espace/reseau/annuaire.html", {
        "page": page, "filtres": filtres, "programmes": reseau.PROGRAMMES.items(),
        "profils": Mediateur.Profil.choices, "communes": _communes_du_reseau(),
        "epcis": EPCI.objects.filter(departements__code=settings.SUN_DEPARTEMENT).order_by("nom"),
        "peut_creer": reseau.peut_creer(request.user),
        "ma_fiche": Mediateur.objects.filter(compte=request.user).first(),
    })  # fmt: skip


@role_requis(*ESPACE)
def structures(request):
    liste = Structure.objects.select_related("commune_ref").annotate(
        nb_mediateurs=Count("mediateurs", filter=Q(mediateurs__actif=True), distinct=True),
        nb_lieux=Count("lieux", distinct=True),
    ).filter(Q(nb_mediateurs__gt=0) | Q(nb_lieux__gt=0)).order_by("nom")  # fmt: skip
    return render(request, "web/espace/reseau/structures.html", {
        "structures": liste, "peut_creer": reseau.peut_creer(request.user),
    })  # fmt: skip


@role_requis(Role.ADMINISTRATEUR)
def structure_nouvelle(request):
    form = StructureForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        structure = form.save()
        messages.success(request, f"Structure « {structure.nom} » enregistrée.")
        return redirect("espace:reseau_structures")
    return render(request, "web/espace/reseau/formulaire.html", {
        "form": form, "titre": "Nouvelle structure employeuse",
    })  # fmt: skip


@role_requis(*ESPACE)
def fiche(request, pk):
    mediateur = get_object_or_404(Mediateur.objects.select_related("employeur", "compte"), pk=pk)
    peut_modifier = reseau.peut_modifier(request.user, mediateur)
    return render(request, "web/espace/reseau/fiche.html", {
        "mediateur": mediateur, "peut_modifier": peut_modifier,
        "lieux": mediateur.lieux_activite.select_related("lieu", "lieu__commune_ref").order_by("-debut"),
        "form_lieu": LieuActiviteForm(code_departement=settings.SUN_DEPARTEMENT) if peut_modifier else None,
        "form_fin": FinActiviteForm(),
    })  # fmt: skip


@role_requis(*ESPACE)
def ma_fiche(request):
    mediateur = Mediateur.objects.filter(compte=request.user).first()
    if mediateur is None:
        messages.info(request, "Votre compte n'est relié à aucune fiche du réseau : "
                               "demandez à un administrateur de la créer ou de la relier.")  # fmt: skip
        return redirect("espace:reseau")
    return redirect("espace:reseau_fiche", pk=mediateur.pk)


def _enregistrer(request, mediateur: Mediateur | None):
    administrateur = reseau.peut_creer(request.user)
    form = MediateurForm(request.POST or None, instance=mediateur, administrateur=administrateur)
    if request.method == "POST" and form.is_valid():
        mediateur = form.save()
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
    if not reseau.peut_modifier(request.user, mediateur):
        messages.error(request, "Vous ne pouvez modifier que votre propre fiche.")
        return redirect("espace:reseau_fiche", pk=pk)
    return _enregistrer(request, mediateur)


def _mediateur_modifiable(request, pk) -> Mediateur | None:
    mediateur = get_object_or_404(Mediateur, pk=pk)
    if not reseau.peut_modifier(request.user, mediateur):
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
            reseau.ajouter_lieu_activite(
                mediateur, form.cleaned_data["lieu"], form.cleaned_data["debut"]
            )
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
                reseau.terminer_lieu_activite(lieu_activite, form.cleaned_data["fin"])
            except ValueError as exc:
                messages.error(request, str(exc))
            else:
                messages.success(request, f"Activité à « {lieu_activite.lieu.nom} » terminée.")
    return redirect("espace:reseau_fiche", pk=pk)
