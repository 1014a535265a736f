"""Agent space › inventory of data: a new entry, editing one (an entry SUN keeps: only the
fields SUN cannot know), deleting one (POST; never an entry SUN keeps). Writers only
(permissions.peut_ecrire_inventaire); every write goes through sun.donnees.inventaire.services."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from sun.comptes.roles import role_requis
from sun.donnees import permissions
from sun.donnees.inventaire import services
from sun.donnees.inventaire.services import RefusInventaire
from sun.donnees.models import OrigineEntree
from sun.web.views.donnees.inventaire import LECTEURS, entree_ou_404
from sun.web.views.donnees.inventaire_formulaires import (
    CompletementForm,
    EntreeForm,
    lier_erreurs,
)

MESSAGE_REFUS = ("Modifier l'inventaire est réservé aux pilotes, au service informatique et "
                 "aux administrateurs.")  # fmt: skip


def exiger_redacteur(request) -> None:
    permissions.exiger(permissions.peut_ecrire_inventaire(request.user), MESSAGE_REFUS,
                       permissions.INVENTAIRE_REDACTEURS)  # fmt: skip


def _rendre(request, form, entree=None, erreur=""):
    return render(request, "web/donnees/inventaire_formulaire.html", {
        "form": form, "e": entree, "erreur": erreur,
        "de_sun": entree is not None and entree.origine == OrigineEntree.SUN,
    }, status=400 if erreur else 200)  # fmt: skip


ERREUR_FORM = "Le formulaire contient une erreur : rien n'a été enregistré."


@role_requis(*LECTEURS)
@require_http_methods(["GET", "POST"])
def nouvelle(request):
    exiger_redacteur(request)
    form = EntreeForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                e = services.creer_entree(form.cleaned_data, request.user)
            except RefusInventaire as exc:
                lier_erreurs(form, exc.erreurs)
                return _rendre(request, form, erreur=exc.message)
            messages.success(request, f"Entrée « {e.nom} » ajoutée à l'inventaire.")
            return redirect("espace:donnees_inventaire_entree", pk=e.pk)
        return _rendre(request, form, erreur=ERREUR_FORM)
    return _rendre(request, form)


def _initial(e) -> dict:
    if e.origine == OrigineEntree.SUN:
        return {"service": e.service, "referent": e.referent, "application": e.application,
                "regle": e.regle_id,
                "mesures_complementaires": e.mesures_complementaires}  # fmt: skip
    valeurs = {c: getattr(e, c) for c in EntreeForm.base_fields if c not in ("jeu", "regle")}
    return {**valeurs, "jeu": e.jeu_id, "regle": e.regle_id}


@role_requis(*LECTEURS)
@require_http_methods(["GET", "POST"])
def modifier(request, pk: int):
    exiger_redacteur(request)
    e = entree_ou_404(pk)
    de_sun = e.origine == OrigineEntree.SUN
    classe = CompletementForm if de_sun else EntreeForm
    form = classe(request.POST or None, initial=_initial(e))
    if request.method == "POST":
        if not form.is_valid():
            return _rendre(request, form, e, ERREUR_FORM)
        try:
            if de_sun:
                services.completer_entree_sun(e, form.cleaned_data, request.user)
            else:
                services.modifier_entree(e, form.cleaned_data, request.user)
        except RefusInventaire as exc:
            lier_erreurs(form, exc.erreurs)
            return _rendre(request, form, e, exc.message)
        messages.success(request, "Entrée enregistrée.")
        return redirect("espace:donnees_inventaire_entree", pk=e.pk)
    return _rendre(request, form, e)


@role_requis(*LECTEURS)
@require_POST
def supprimer(request, pk: int):
    exiger_redacteur(request)
    e = entree_ou_404(pk)
    try:
        services.supprimer_entree(e, request.user)
    except RefusInventaire as exc:
        messages.error(request, exc.message)
        return redirect("espace:donnees_inventaire_entree", pk=e.pk)
    messages.success(request, f"Entrée « {e.nom} » supprimée de l'inventaire.")
    return redirect("espace:donnees_inventaire")
