"""The schéma's progress: the public page, and the agent-space dashboard and action pages."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from sun.pilotage import exports, permissions
from sun.pilotage.avancement import (
    avancement,
    derniere_mise_a_jour,
    plan_courant,
    suivi_indicateurs,
)
from sun.pilotage.models import Action, Historique, NoteSuivi, ValeurIndicateur
from sun.pilotage.services import calculer_indicateurs, en_retard, historiser
from sun.web.forms.pilotage import ActionForm, NoteForm, ValeurForm
from sun.web.graphiques import graphique_indicateurs


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
        "publiques": plan.actions.filter(publique=True).prefetch_related("notes", "budget"),
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


def _actions_filtrees(plan, parametres, aujourd_hui):
    actions = (plan.actions.select_related("orientation__parent")
               .prefetch_related("pilotes", "etapes").order_by("orientation__ordre", "ordre"))  # fmt: skip
    if parametres.get("statut") in Action.Statut.values:
        actions = actions.filter(statut=parametres["statut"])
    if parametres.get("priorite") in Action.Priorite.values:
        actions = actions.filter(priorite=parametres["priorite"])
    if parametres.get("axe"):
        actions = actions.filter(orientation__parent__code=parametres["axe"])
    if parametres.get("pilote", "").isdigit():
        actions = actions.filter(pilotes__pk=int(parametres["pilote"]))
    actions = list(actions)
    if parametres.get("retard") == "1":
        actions = [a for a in actions if en_retard(a, aujourd_hui)]
    return actions


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
    if request.method == "POST" and request.POST.get("quoi") == "calculer":
        calculs = calculer_indicateurs(plan.indicateurs.exclude(calcul=""))
        messages.success(
            request,
            f"{sum(1 for c in calculs if c.valeur)} indicateur(s) recalculé(s) et enregistré(s).",
        )
        return redirect("espace:pilotage")
    actions = _actions_filtrees(plan, request.GET, aujourd_hui)
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
        "axes": plan.axes.filter(niveau="axe"), "pilotes": get_user_model().objects.filter(actions_pilotees__plan=plan).distinct(),
        "filtres": request.GET, "mise_a_jour": derniere_mise_a_jour(plan),
    })  # fmt: skip


def action(request, pk):
    refus = _lecteur(request)
    action = get_object_or_404(
        Action.objects.select_related("orientation__parent", "plan", "parent"), pk=pk
    )
    if refus and not (
        request.user.is_authenticated and permissions.peut_modifier(request.user, action)
    ):
        return refus
    modifiable = permissions.peut_modifier(request.user, action)
    form = ActionForm(instance=action)
    if request.method == "POST":
        if not modifiable:
            raise PermissionDenied(
                "Seuls les pilotes de l'action et les administrateurs la modifient."
            )
        reponse = _modifier_action(request, action)
        if reponse is not None:
            return reponse
        form = ActionForm(request.POST, instance=action)
        form.is_valid()  # shows the errors
    return render(request, "web/espace/pilotage/action.html", {
        "action": action, "form": form, "modifiable": modifiable, "note_form": NoteForm(),
        "en_retard": en_retard(action, timezone.localdate()),
        "historique": Historique.objects.filter(plan=action.plan, objet="action", code=action.code).select_related("auteur")[:100],
    })  # fmt: skip


def _modifier_action(request, action):
    """One of the action page's forms; None when the main form has errors to show."""
    quoi = request.POST.get("quoi")
    if quoi == "etape":
        etape = get_object_or_404(action.etapes, pk=request.POST.get("etape"))
        etape.realisee = not etape.realisee
        etape.save(update_fields=["realisee"])
        historiser(
            action,
            {},
            request.user,
            f"Étape {'réalisée' if etape.realisee else 'rouverte'} : {etape.titre[:200]}",
        )
    elif quoi == "note":
        note_form = NoteForm(request.POST)
        if not note_form.is_valid():
            messages.error(
                request, "Note non enregistrée : " + " ".join(note_form.errors.get("texte", []))
            )
        else:
            NoteSuivi.objects.create(action=action, auteur=request.user, **note_form.cleaned_data)
            historiser(action, {}, request.user, "Note de suivi ajoutée")
    else:
        avant = {champ: getattr(action, champ) for champ in ActionForm.Meta.fields}
        form = ActionForm(request.POST, instance=action)
        if not form.is_valid():
            return None
        form.save()
        historiser(action, avant, request.user)
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
        existante = indicateur.valeurs.filter(date=request.POST.get("date") or None).first()
        form = ValeurForm(
            request.POST, instance=existante or ValeurIndicateur(indicateur=indicateur)
        )
        if form.is_valid():
            valeur = form.save()
            Historique.objects.create(plan=plan, objet="indicateur", code=indicateur.code, auteur=request.user,
                                      changements={str(valeur.date): [valeur.resultat, valeur.objectif]},
                                      commentaire=f"Valeur saisie : {valeur.source}"[:300])  # fmt: skip
            messages.success(request, "Valeur enregistrée.")
            return redirect("espace:pilotage_indicateur", pk=indicateur.pk)
    return render(request, "web/espace/pilotage/indicateur.html", {
        "indicateur": indicateur, "valeurs": indicateur.valeurs.all(), "form": form, "modifiable": modifiable,
        "historique": Historique.objects.filter(plan=plan, objet="indicateur", code=indicateur.code)[:50],
    })  # fmt: skip
