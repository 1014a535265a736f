"""Agent space › Accessibilité numérique: the register of digital services (late declarations
first), an entry's page, its creation and edition, its audit criterion by criterion, and its
non-accessible contents. Writes go through `sun.accessibilite.services`."""

import copy

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from sun.accessibilite import permissions, queries, rgaa
from sun.accessibilite.controles import MENTION
from sun.accessibilite.models import Categorie, ContenuNonAccessible, ServiceNumerique
from sun.accessibilite.services import (
    ajouter_contenu,
    enregistrer_grille,
    enregistrer_service,
    supprimer_contenu,
)
from sun.comptes.roles import Role, RoleManquant, role_requis
from sun.relation.models import ServiceInstructeur
from sun.relation.permissions import services_lisibles
from sun.web.forms.accessibilite import ContenuForm, GrilleForm, ServiceNumeriqueForm

LECTEURS, EDITEURS = permissions.LECTEURS, permissions.EDITEURS


def lisible(slug: str) -> ServiceNumerique:
    return get_object_or_404(ServiceNumerique.objects.select_related("service"), slug=slug)


def editable(request, slug: str) -> ServiceNumerique:
    sn = lisible(slug)
    if not permissions.peut_editer(request.user, sn):
        raise RoleManquant(
            f"« {sn.nom} » ne peut être modifié que par les agents, les administrateurs et les "
            "instructeurs de son service.", (*EDITEURS, Role.INSTRUCTEUR),
        )  # fmt: skip
    return sn


def _services_proposes(user):
    if permissions.peut_tout_editer(user):
        return ServiceInstructeur.objects.all()
    return services_lisibles(user)


def _erreurs(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for champ, liste in exc.error_dict.items():
            form.add_error(champ if champ in form.fields else None, liste)
    else:
        form.add_error(None, exc.messages)


@role_requis(*LECTEURS)
def liste(request):
    jour = timezone.localdate()
    lignes = [(sn, sn.conformite(jour)) for sn in ServiceNumerique.objects.par_urgence(jour)]
    controles = queries.dernier_controle_par_service([sn.pk for sn, _ in lignes])
    lignes = [(sn, c, controles.get(sn.pk)) for sn, c in lignes]
    return render(request, "web/espace/accessibilite/liste.html", {
        "reels": [ligne for ligne in lignes if not ligne[0].demonstration],
        "demonstration": [ligne for ligne in lignes if ligne[0].demonstration],
        "en_retard": sum(1 for sn, c, _ in lignes if c.motif and not sn.demonstration),
        "peut_creer": permissions.peut_tout_editer(request.user), "aujourd_hui": jour,
        "mention": MENTION,
    })  # fmt: skip


@role_requis(*LECTEURS)
def fiche(request, slug: str):
    sn = lisible(slug)
    jour = timezone.localdate()
    peut = permissions.peut_editer(request.user, sn)
    contenus = list(sn.contenus.all())
    return render(request, "web/espace/accessibilite/fiche.html", {
        "sn": sn, "conformite": sn.conformite(jour), "peut_editer": peut,
        "parties": [(c, [x for x in contenus if x.categorie == c]) for c in Categorie],
        "form_contenu": ContenuForm() if peut else None, "grille": sn.criteres.exists(),
        "mention": MENTION,
    })  # fmt: skip


def _formulaire(request, sn: ServiceNumerique | None):
    services = _services_proposes(request.user)
    # A copy: an invalid form writes its values into its instance, and the page still names
    # the entry by its saved slug.
    form = ServiceNumeriqueForm(request.POST or None, instance=copy.copy(sn), services=services)
    if request.method == "POST" and form.is_valid():
        try:
            enregistre = enregistrer_service(form.cleaned_data, sn)
        except ValidationError as exc:
            _erreurs(form, exc)
        else:
            messages.success(request, f"« {enregistre.nom} » est enregistré au registre.")
            return redirect("espace:accessibilite_fiche", enregistre.slug)
    return render(request, "web/espace/accessibilite/formulaire.html", {"form": form, "sn": sn},
                  status=400 if form.is_bound else 200)  # fmt: skip


@role_requis(*EDITEURS)
def nouveau(request):
    return _formulaire(request, None)


@role_requis(*LECTEURS)
def modifier(request, slug: str):
    return _formulaire(request, editable(request, slug))


@role_requis(*LECTEURS)
def grille(request, slug: str):
    sn = editable(request, slug)
    initiaux = dict(sn.criteres.values_list("critere", "etat"))
    form = GrilleForm(request.POST or None, initiaux=initiaux, initial={
        "date_audit": sn.date_audit, "audite_par": sn.audite_par, "methode": sn.methode,
    })  # fmt: skip
    if request.method == "POST" and form.is_valid():
        try:
            enregistrer_grille(sn, form.etats(), date_audit=form.cleaned_data["date_audit"],
                               audite_par=form.cleaned_data["audite_par"],
                               methode=form.cleaned_data["methode"])  # fmt: skip
        except ValidationError as exc:
            _erreurs(form, exc)
        else:
            messages.success(request, f"Audit enregistré : taux de conformité {sn.taux} %.")
            return redirect("espace:accessibilite_fiche", sn.slug)
    return render(request, "web/espace/accessibilite/grille.html", {
        "sn": sn, "form": form, "nombre": rgaa.NOMBRE_CRITERES,
    }, status=400 if form.is_bound else 200)  # fmt: skip


@require_POST
@role_requis(*LECTEURS)
def contenu(request, slug: str):
    sn = editable(request, slug)
    form = ContenuForm(request.POST, instance=ContenuNonAccessible(service=sn))
    if form.is_valid():
        try:
            ajouter_contenu(sn, form.cleaned_data)
        except ValidationError as exc:
            _erreurs(form, exc)
        else:
            messages.success(request, "Contenu non accessible ajouté à la déclaration.")
            return redirect("espace:accessibilite_fiche", sn.slug)
    contenus = list(sn.contenus.all())
    return render(request, "web/espace/accessibilite/fiche.html", {
        "sn": sn, "conformite": sn.conformite(timezone.localdate()), "peut_editer": True,
        "parties": [(c, [x for x in contenus if x.categorie == c]) for c in Categorie],
        "form_contenu": form, "grille": sn.criteres.exists(), "mention": MENTION,
    }, status=400)  # fmt: skip


@require_POST
@role_requis(*LECTEURS)
def contenu_supprimer(request, slug: str, pk: int):
    sn = editable(request, slug)
    supprimer_contenu(get_object_or_404(ContenuNonAccessible, pk=pk, service=sn))
    messages.success(request, "Contenu retiré de la déclaration.")
    return redirect("espace:accessibilite_fiche", sn.slug)
