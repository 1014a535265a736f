"""Agent space › Services Publics+: the département overview (which services assessed
themselves this year, their level per commitment, the actions late), and the page of one
service: its self-assessment of the 8 commitments for a year and its improvement actions with
their progress. Writes go through `sun.qualite.engagements.services`; rights are those of
`sun.qualite.engagements.permissions` (instructeurs edit their services, agents and
administrators all, pilots read)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from sun.comptes.roles import RoleManquant, role_requis
from sun.qualite.engagements import permissions, queries
from sun.qualite.engagements.services import (
    ANNEE_MIN,
    SaisieInvalide,
    creer_action,
    enregistrer_auto_evaluations,
    modifier_action,
)
from sun.qualite.models import NiveauEngagement
from sun.web.forms.qualite_engagements import ActionForm, AnneeForm, AutoEvaluationForm

LECTEURS = permissions.LECTEURS


def _annee(request, annees: list[int], aujourd_hui) -> tuple[AnneeForm, int]:
    form = AnneeForm(request.GET or None, annees=annees, initial={"annee": aujourd_hui.year})
    annee = (
        form.cleaned_data["annee"] if request.GET and form.is_valid() else None
    ) or aujourd_hui.year
    return form, annee


def _service(code: str):
    service = queries.service_par_code(code)
    if service is None:
        raise Http404("Service introuvable.")
    return service


def _verifier_modification(request, service) -> None:
    if not permissions.peut_modifier(request.user, service.pk):
        raise RoleManquant(
            f"L'auto-évaluation et les actions du service « {service.nom} » ne peuvent être "
            "modifiées que par ses instructeurs, les agents et les administrateurs.",
            permissions.EDITEURS_DE_TOUT,
        )


@role_requis(*LECTEURS)
def tableau(request):
    jour = timezone.localdate()
    form, annee = _annee(request, queries.annees(jour), jour)
    vue = queries.vue_departement(annee, jour)
    return render(request, "web/espace/qualite/engagements.html", {
        "form": form, "vue": vue, "annee": annee, "aujourd_hui": jour,
        "niveaux": NiveauEngagement.choices,
        "libelles": dict(NiveauEngagement.choices),
    })  # fmt: skip


@role_requis(*LECTEURS)
def service(request, code: str):
    service = _service(code)
    jour = timezone.localdate()
    annees = list(range(jour.year + 1, ANNEE_MIN - 1, -1))  # any year may be assessed
    modifiable = permissions.peut_modifier(request.user, service.pk)
    if request.method == "POST":
        _verifier_modification(request, service)
        return _enregistrer(request, service, jour, annees)
    form_annee, annee = _annee(request, annees, jour)
    return _page(request, service, jour, annee, form_annee, modifiable)


def _page(request, service, jour, annee, form_annee, modifiable, evaluation=None, action=None,
          statut=200):  # fmt: skip
    engagements = queries.engagements()
    evaluations = queries.evaluations(service.pk, annee)
    if evaluation is None:
        evaluation = AutoEvaluationForm(engagements=engagements, evaluations=evaluations)
    liste = list(queries.actions().du_service(service.pk).pour_affichage())
    for a in liste:
        a.en_retard = bool(a.echeance and a.echeance < jour and a.statut in queries.OUVERTES)
    return render(request, "web/espace/qualite/engagements_service.html", {
        "service": service, "annee": annee, "form_annee": form_annee, "aujourd_hui": jour,
        "modifiable": modifiable, "evaluation": evaluation, "evaluations": evaluations,
        "engagements": engagements, "actions": liste,
        "form_action": action or ActionForm(prefix="nouvelle"),
    }, status=statut)  # fmt: skip


def _enregistrer(request, service, jour, annees):
    formulaire = request.POST.get("formulaire")
    try:
        annee = int(request.POST.get("annee", ""))
    except ValueError:
        annee = jour.year
    form_annee = AnneeForm(annees=annees, initial={"annee": annee})
    retour = reverse("espace:qualite_engagements_service", args=[service.code]) + f"?annee={annee}"
    if formulaire == "evaluation":
        form = AutoEvaluationForm(request.POST, engagements=queries.engagements(),
                                  evaluations=queries.evaluations(service.pk, annee))  # fmt: skip
        if form.is_valid():
            try:
                n = enregistrer_auto_evaluations(service, annee, form.saisies(), request.user, jour)
            except SaisieInvalide as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, f"Auto-évaluation {annee} enregistrée "
                                          f"({n} engagement{'s' if n > 1 else ''} évalué{'s' if n > 1 else ''}).")  # fmt: skip
                return redirect(retour)
        return _page(request, service, jour, annee, form_annee, True, evaluation=form, statut=400)
    if formulaire == "action":
        form = ActionForm(request.POST, prefix="nouvelle")
        if form.is_valid():
            try:
                creer_action(service, form.saisie(), request.user)
            except SaisieInvalide as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, "Action ajoutée.")
                return redirect(retour + "#actions")
        return _page(request, service, jour, annee, form_annee, True, action=form, statut=400)
    messages.error(request, "Formulaire inconnu : rien n'a été enregistré.")
    return redirect(retour)


@role_requis(*LECTEURS)
def action(request, code: str, pk: int):
    service = _service(code)
    trouvee = get_object_or_404(queries.actions().du_service(service.pk), pk=pk)
    modifiable = permissions.peut_modifier(request.user, service.pk)
    form = ActionForm.pour(trouvee, request.POST if request.method == "POST" else None)
    statut = 200
    if request.method == "POST":
        _verifier_modification(request, service)
        if form.is_valid():
            try:
                modifier_action(trouvee, form.saisie(), request.user)
            except SaisieInvalide as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, f"Action « {trouvee.intitule} » enregistrée.")
                url = reverse("espace:qualite_engagements_service", args=[service.code])
                return redirect(url + "#actions")
        statut = 400
    return render(request, "web/espace/qualite/engagements_action.html", {
        "service": service, "action": trouvee, "form": form, "modifiable": modifiable,
    }, status=statut)  # fmt: skip
