"""Agent space › Appels à projets › candidatures: an application of one action of the current
plan to a call, its status, the amount obtained and the budget line it goes to (pilots and
administrators). Writes through sun.projets.appels.services."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from sun.comptes.roles import role_requis
from sun.pilotage.avancement import plan_courant
from sun.projets import permissions
from sun.projets.appels import queries, services
from sun.projets.erreurs import Refus
from sun.web.views.projets.appels import _appel, exiger_redacteur
from sun.web.views.projets.appels_formulaires import (
    CandidatureForm,
    donnees,
    initial_candidature,
)


def _formulaire(request, form, appel, plan, candidature=None, erreur=""):
    return render(request, "web/projets/appels_candidature.html", {
        "form": form, "appel": appel, "plan": plan, "candidature": candidature,
        "erreur": erreur}, status=400 if erreur else 200)  # fmt: skip


def _refus(request, form, exc, *args):
    form.add_error(exc.champ if exc.champ in form.fields else None, exc.message)
    return _formulaire(request, form, *args, erreur=exc.message)


@role_requis(*permissions.APPELS_LECTEURS)
@require_http_methods(["GET", "HEAD", "POST"])
def nouvelle(request, pk: int):
    exiger_redacteur(request)
    appel, plan = _appel(pk), plan_courant()
    form = CandidatureForm(request.POST if request.method == "POST" else None, plan=plan)
    if request.method != "POST":
        return _formulaire(request, form, appel, plan)
    try:
        services.creer_candidature(appel, donnees(form), par=request.user, plan=plan)
    except Refus as exc:
        return _refus(request, form, exc, appel, plan)
    messages.success(request, "Candidature enregistrée.")
    return redirect("espace:projets_appels_detail", pk=appel.pk)


@role_requis(*permissions.APPELS_LECTEURS)
@require_http_methods(["GET", "HEAD", "POST"])
def modifier(request, pk: int):
    exiger_redacteur(request)
    candidature = queries.candidature(pk)
    if candidature is None:
        raise Http404("Candidature introuvable.")
    plan = plan_courant()
    form = CandidatureForm(request.POST if request.method == "POST" else None, plan=plan,
                           initial=initial_candidature(candidature))  # fmt: skip
    if request.method != "POST":
        return _formulaire(request, form, candidature.appel, plan, candidature)
    try:
        services.modifier_candidature(candidature, donnees(form), par=request.user, plan=plan)
    except Refus as exc:
        candidature.refresh_from_db()
        return _refus(request, form, exc, candidature.appel, plan, candidature)
    messages.success(request, "Candidature enregistrée.")
    return redirect("espace:projets_appels_detail", pk=candidature.appel_id)
