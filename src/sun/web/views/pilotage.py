"""The schéma's progress: the public page, and the agent-space dashboard and action pages."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from sun.core.graphiques import graphique_indicateurs
from sun.pilotage import exports, permissions, queries
from sun.pilotage.avancement import (
    avancement,
    derniere_mise_a_jour,
    plan_courant,
    suivi_indicateurs,
)
from sun.pilotage.models import Action, ValeurIndicateur
from sun.pilotage.services import (
    ajouter_note_suivi,
    basculer_etape,
    calculer_indicateurs,
    en_retard,
    enregistrer_valeur_indicateur,
    modifier_action,
)
from sun.projets.appels import queries as appels
from sun.web import versions_des_pages
from sun.web.forms.pilotage import ActionForm, NoteForm, ValeurForm
from sun.web.identifiants import objet_envoye, requete_invalide
from sun.web.limites import limite_anonyme
from sun.web.pages_versionnees import page_anonyme_versionnee


@limite_anonyme("pages-couteuses", "SUN_LIMITE_PAGES_COUTEUSES")
@page_anonyme_versionnee("avancement", versions_des_pages.avancement)
def page_avancement(request):
    """Public, read-only: shares of actions done and in progress, public indicators."""
    plan = plan_courant()
    if plan is None:  # the menu links here on every installation
        return render(request, "web/pilotage/avancement.html", {"plan": None})
    aujourd_hui = timezone.localdate()
    total, lignes = avancement(plan, aujourd_hui)
    return render(request, "web/pilotage/avancement.html", {
        "plan": plan, "total": total, "lignes": lignes,
        "indicateurs": suivi_indicateurs(plan, aujourd_hui, publics_seulement=True),
        "mise_a_jour": derniere_mise_a_jour(plan),
        # Notes and budget only for the actions flagged public.
        "publiques": queries.actions_publiques(plan),
    })  # fmt: skip


# --- agent space ------------------------------------------------------------------------------
FORMATS = {"csv": ("text/csv; charset=utf-8", "csv"),
           "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx")}  # fmt: skip


def _lecteur(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not permissions.peut_lire(request.user):
        raise PermissionDenied("Le pilotage est réservé aux agents, pilotes et administrateurs.")
    return None


def lecteur_du_plan(vue):
    """Readers only; the view receives the current plan (404 without one)."""

    @wraps(vue)
    def enveloppe(request, *args, **kwargs):
        refus = _lecteur(request)
        if refus:
            return refus
        plan = plan_courant()
        if plan is None:
            raise Http404("Aucun plan n'est encore chargé : sun pilotage importer PLAN.yaml.")
        return vue(request, plan, *args, **kwargs)

    return enveloppe


@lecteur_du_plan
def tableau_de_bord(request, plan):
    aujourd_hui = timezone.localdate()
    calculables = permissions.indicateurs_calculables(
        request.user, queries.indicateurs_calcules(plan)
    )
    if request.method == "POST" and request.POST.get("quoi") == "calculer":
        if not permissions.peut_calculer(request.user, calculables):
            raise PermissionDenied(
                "Consultation seule : seuls les administrateurs et les pilotes des actions"
                " mesurées recalculent les indicateurs (le service des tâches les recalcule"
                " chaque nuit)."
            )
        calculs = calculer_indicateurs(calculables)
        faits = sum(1 for c in calculs if c.valeur)
        sans = (
            f" ; {len(calculs) - faits} sans valeur (leur ligne dit pourquoi)"
            if faits < len(calculs)
            else ""
        )
        messages.success(request, f"{faits} indicateur(s) recalculé(s) et enregistré(s){sans}.")
        return redirect("espace:pilotage")
    actions = queries.actions_filtrees(plan, request.GET, aujourd_hui)
    format_export = request.GET.get("format")
    if format_export in FORMATS:
        type_contenu, extension = FORMATS[format_export]
        contenu = (exports.en_csv if format_export == "csv" else exports.en_xlsx)(
            actions, aujourd_hui
        )
        reponse = HttpResponse(contenu, content_type=type_contenu)
        reponse["Content-Disposition"] = (
            f'attachment; filename="actions-{plan.code}-{aujourd_hui}.{extension}"'
        )
        return reponse
    total, lignes = avancement(plan, aujourd_hui)
    suivis = suivi_indicateurs(plan, aujourd_hui)
    return render(request, "web/espace/pilotage/tableau_de_bord.html", {
        "plan": plan, "total": total, "lignes": lignes, "actions": actions,
        "retards": {a.pk for a in actions if en_retard(a, aujourd_hui)},
        "suivis": suivis, "graphique": graphique_indicateurs(suivis),
        "statuts": Action.Statut.choices, "priorites": Action.Priorite.choices,
        # « En retard » is one column: the pilots' status and the planned end passed.
        "colonnes_statuts": [c for c in Action.Statut.choices if c[0] != Action.Statut.EN_RETARD],
        "axes": queries.axes(plan), "pilotes": queries.pilotes(plan),
        "filtres": request.GET, "mise_a_jour": derniere_mise_a_jour(plan),
        "peut_calculer": permissions.peut_calculer(request.user, calculables),
        "financements": appels.financements_du_plan(plan, aujourd_hui),
    })  # fmt: skip


def action(request, pk):
    refus = _lecteur(request)
    action = get_object_or_404(queries.actions_detaillees(), pk=pk)
    if refus and not (
        request.user.is_authenticated and permissions.peut_modifier(request.user, action)
    ):
        return refus
    modifiable = permissions.peut_modifier(request.user, action)
    assigner = permissions.peut_assigner(request.user)
    form = ActionForm(instance=action, peut_assigner=assigner)
    if request.method == "POST":
        if not modifiable:
            raise PermissionDenied(
                "Seuls les pilotes de l'action et les administrateurs la modifient."
            )
        reponse = _modifier_action(request, action)
        if reponse is not None:
            return reponse
        form = ActionForm(request.POST, instance=action, peut_assigner=assigner)
        form.is_valid()  # shows the errors
    return render(request, "web/espace/pilotage/action.html", {
        "action": action, "form": form, "modifiable": modifiable, "note_form": NoteForm(),
        "en_retard": en_retard(action, timezone.localdate()),
        "historique": queries.historique_action(action),
        "financements": appels.financements_de_l_action(action),
    })  # fmt: skip


def _modifier_action(request, action):
    """One of the action page's forms; None when the main form has errors to show."""
    quoi = request.POST.get("quoi")
    if quoi == "etape":
        etape = objet_envoye(action.etapes.all(), request.POST.get("etape"))
        if etape is None:
            return requete_invalide(request, "Cette étape n'existe pas : rechargez la page.")
        basculer_etape(etape, request.user)
    elif quoi == "note":
        note_form = NoteForm(request.POST)
        if not note_form.is_valid():
            messages.error(
                request, "Note non enregistrée : " + " ".join(note_form.errors.get("texte", []))
            )
        else:
            ajouter_note_suivi(action, request.user, note_form.cleaned_data)
    else:
        form = ActionForm(
            request.POST, instance=action, peut_assigner=permissions.peut_assigner(request.user)
        )
        if not form.is_valid():
            return None
        modifier_action(form, request.user)
        messages.success(request, "Action enregistrée.")
    return redirect("espace:pilotage_action", pk=action.pk)


@lecteur_du_plan
def rapport(request, plan):
    """The annual report, as HTML or PDF (`?annee=2025&format=pdf`)."""
    from sun.pilotage import rapport as rapport_annuel

    aujourd_hui = timezone.localdate()
    annee = request.GET.get("annee", "")
    annee = (
        int(annee)
        if annee.isdigit() and plan.debut - 1 <= int(annee) <= aujourd_hui.year
        else aujourd_hui.year
    )
    if request.GET.get("format") == "pdf":
        reponse = HttpResponse(
            rapport_annuel.pdf(plan, annee, aujourd_hui), content_type="application/pdf"
        )
        reponse["Content-Disposition"] = f'attachment; filename="rapport-{plan.code}-{annee}.pdf"'
        return reponse
    return HttpResponse(rapport_annuel.html(plan, annee, aujourd_hui))


def _date_envoyee(texte):
    """The date of the value form, None when it is missing or malformed (the form says so)."""
    try:
        return ValeurForm.base_fields["date"].clean(texte)
    except ValidationError:
        return None


@lecteur_du_plan
def indicateur(request, plan, pk):
    """An indicator's dated values; pilots of its actions and administrators add values."""
    indicateur = get_object_or_404(plan.indicateurs, pk=pk)
    modifiable = permissions.peut_saisir(request.user, indicateur)
    form = ValeurForm()
    if request.method == "POST":
        if not modifiable:
            raise PermissionDenied(
                "Seuls les pilotes des actions liées et les administrateurs saisissent des valeurs."
            )
        existante = queries.valeur_a_la_date(indicateur, _date_envoyee(request.POST.get("date")))
        form = ValeurForm(
            request.POST, instance=existante or ValeurIndicateur(indicateur=indicateur)
        )
        if form.is_valid():
            enregistrer_valeur_indicateur(form, request.user)
            messages.success(request, "Valeur enregistrée.")
            return redirect("espace:pilotage_indicateur", pk=indicateur.pk)
    return render(request, "web/espace/pilotage/indicateur.html", {
        "indicateur": indicateur, "valeurs": indicateur.valeurs.all(), "form": form, "modifiable": modifiable,
        "historique": queries.historique_indicateur(plan, indicateur),
    })  # fmt: skip
