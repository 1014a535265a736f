"""Agent space › Appels à projets (schéma 11.4): the watch list of calls (agents, pilots and
administrators read it), a call's page with its applications; pilots and administrators
(`permissions.peut_modifier_appels`) add and edit calls. Writes through
sun.projets.appels.services."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from sun.comptes.roles import role_requis
from sun.projets import permissions
from sun.projets.appels import queries, services
from sun.projets.erreurs import Refus
from sun.projets.models import AppelAProjets
from sun.web.views.projets.appels_formulaires import AppelForm, FiltreForm, donnees, initial_appel

SEUIL_URGENT = 14
MESSAGE_DROITS = ("La veille des appels à projets est tenue par les pilotes du schéma et les "
                  "administrateurs.")  # fmt: skip


def exiger_redacteur(request) -> None:
    permissions.exiger(permissions.peut_modifier_appels(request.user), MESSAGE_DROITS,
                       permissions.APPELS_REDACTEURS)  # fmt: skip


def _avec_jours(appels, jour) -> list:
    for a in appels:
        a.jours_restants = (a.date_limite - jour).days
        a.urgent = a.jours_restants < SEUIL_URGENT
    return appels


@role_requis(*permissions.APPELS_LECTEURS)
@require_GET
def liste(request):
    jour = timezone.localdate()
    filtre = FiltreForm(request.GET or None, financeurs=AppelAProjets.objects.financeurs())
    d = filtre.cleaned_data if filtre.is_valid() else {}
    appels = AppelAProjets.objects.filtres(d.get("financeur", ""), d.get("relaye", ""))
    etat = d.get("etat", "")
    return render(request, "web/projets/appels_liste.html", {
        "filtre": filtre, "etat": etat, "jour": jour, "seuil": SEUIL_URGENT,
        "ouverts": _avec_jours(list(appels.ouverts(jour)), jour) if etat != "clos" else None,
        "clos": list(appels.clos(jour)) if etat != "ouverts" else None,
        "peut_modifier": permissions.peut_modifier_appels(request.user),
    })  # fmt: skip


def _appel(pk: int):
    appel = queries.appel(pk)
    if appel is None:
        raise Http404("Appel à projets introuvable.")
    return appel


@role_requis(*permissions.APPELS_LECTEURS)
@require_GET
def detail(request, pk: int):
    appel = _appel(pk)
    jour = timezone.localdate()
    _avec_jours([appel], jour)
    return render(request, "web/projets/appels_detail.html", {
        "appel": appel, "jour": jour, "candidatures": list(queries.candidatures_de(appel)),
        "peut_modifier": permissions.peut_modifier_appels(request.user),
    })  # fmt: skip


def _formulaire(request, form, appel=None, erreur=""):
    return render(request, "web/projets/appels_formulaire.html",
                  {"form": form, "appel": appel, "erreur": erreur},
                  status=400 if erreur else 200)  # fmt: skip


@role_requis(*permissions.APPELS_LECTEURS)
@require_http_methods(["GET", "HEAD", "POST"])
def nouveau(request):
    exiger_redacteur(request)
    form = AppelForm(request.POST if request.method == "POST" else None)
    if request.method != "POST":
        return _formulaire(request, form)
    try:
        appel = services.creer_appel(donnees(form), par=request.user)
    except Refus as exc:
        form.add_error(exc.champ if exc.champ in form.fields else None, exc.message)
        return _formulaire(request, form, erreur=exc.message)
    messages.success(request, f"Appel à projets « {appel.titre} » ajouté à la veille.")
    return redirect("espace:projets_appels_detail", pk=appel.pk)


@role_requis(*permissions.APPELS_LECTEURS)
@require_http_methods(["GET", "HEAD", "POST"])
def modifier(request, pk: int):
    exiger_redacteur(request)
    appel = _appel(pk)
    form = AppelForm(
        request.POST if request.method == "POST" else None, initial=initial_appel(appel)
    )
    if request.method != "POST":
        return _formulaire(request, form, appel)
    try:
        services.modifier_appel(appel, donnees(form), par=request.user)
    except Refus as exc:
        appel.refresh_from_db()
        form.add_error(exc.champ if exc.champ in form.fields else None, exc.message)
        return _formulaire(request, form, appel, erreur=exc.message)
    messages.success(request, f"Appel à projets « {appel.titre} » enregistré.")
    return redirect("espace:projets_appels_detail", pk=appel.pk)
