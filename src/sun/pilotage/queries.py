"""Reads of the plan for the progress page and the agent-space pilotage pages: filtered actions,
their history, the pilots, the values of an indicator."""

from datetime import date

from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from sun.pilotage.models import (
    Action,
    Axe,
    Historique,
    Indicateur,
    Plan,
    ValeurIndicateur,
)
from sun.pilotage.services import en_retard


def actions_publiques(plan: Plan) -> QuerySet[Action]:
    """The actions flagged public, with their notes and budget (the public page shows them)."""
    return plan.actions.filter(publique=True).prefetch_related("notes", "budget")


def actions_filtrees(plan: Plan, parametres, aujourd_hui: date) -> list[Action]:
    """The dashboard's actions, filtered by `parametres` (statut, priorite, axe, pilote and
    retard=1); unknown values are ignored."""
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


def actions_detaillees() -> QuerySet[Action]:
    """Actions with their orientation, axe, plan and parent action (the action page)."""
    return Action.objects.select_related("orientation__parent", "plan", "parent")


def indicateurs_calcules(plan: Plan) -> QuerySet[Indicateur]:
    """The plan's indicators SUN computes itself."""
    return plan.indicateurs.exclude(calcul="")


def axes(plan: Plan) -> QuerySet[Axe]:
    return plan.axes.filter(niveau=Axe.Niveau.AXE)


def pilotes(plan: Plan):
    """The accounts piloting at least one action of the plan."""
    return get_user_model().objects.filter(actions_pilotees__plan=plan).distinct()


def historique_action(action: Action, nombre: int = 100) -> QuerySet[Historique]:
    return Historique.objects.filter(
        plan=action.plan, objet="action", code=action.code
    ).select_related("auteur")[:nombre]


def historique_indicateur(
    plan: Plan, indicateur: Indicateur, nombre: int = 50
) -> QuerySet[Historique]:
    return Historique.objects.filter(plan=plan, objet="indicateur", code=indicateur.code)[:nombre]


def valeur_a_la_date(indicateur: Indicateur, quand) -> ValeurIndicateur | None:
    """The indicator's value at `quand` (a date or its text), if one was entered."""
    return indicateur.valeurs.filter(date=quand or None).first()
