"""Reads of the plan for the progress page and the agent-space pilotage pages: filtered actions,
their history, the pilots, the values of an indicator."""

from datetime import date

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from sun.comptes.roles import Role
from sun.pilotage.models import (
    Action,
    Axe,
    Historique,
    Indicateur,
    Plan,
    ValeurIndicateur,
)
from sun.pilotage.services import en_retard

# The plan's order: axe, then orientation within it, then action (each `ordre` counts within
# its parent, so the orientation's alone would mix the axes: 1, 3, 5, 2, 4…).
ORDRE_DES_ORIENTATIONS = ("parent__ordre", "ordre")
ORDRE_DES_ACTIONS = ("orientation__parent__ordre", "orientation__ordre", "ordre")


def orientations(plan: Plan) -> QuerySet[Axe]:
    """The plan's orientations in the plan's order (1, 2, … 11)."""
    return (plan.axes.filter(niveau=Axe.Niveau.ORIENTATION).select_related("parent")
            .order_by(*ORDRE_DES_ORIENTATIONS))  # fmt: skip


def comptes_pilotes(action: Action | None = None):
    """Accounts that may pilot an action: active holders of the pilot role, by name, and
    those who already pilot `action` (a pilot who lost the role stays listed, to be removed)."""
    choisis = Q(is_active=True, groups__name=Role.PILOTE.value)
    if action is not None and action.pk:
        choisis |= Q(actions_pilotees=action)
    return (get_user_model().objects.filter(choisis).distinct()
            .order_by("last_name", "first_name", "username"))  # fmt: skip


def actions_publiques(plan: Plan) -> QuerySet[Action]:
    """The actions flagged public, with their notes and budget (the public page shows them)."""
    return plan.actions.filter(publique=True).prefetch_related("notes", "budget")


def actions_filtrees(plan: Plan, parametres, aujourd_hui: date) -> list[Action]:
    """The dashboard's actions, filtered by `parametres` (statut, priorite, axe, pilote and
    retard=1); unknown values are ignored."""
    actions = (plan.actions.select_related("orientation__parent")
               .prefetch_related("pilotes", "etapes").order_by(*ORDRE_DES_ACTIONS))  # fmt: skip
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


def actions_concernant_les_communes(plan: Plan, aujourd_hui: date) -> list[tuple]:
    """The plan's actions that concern communes, with why and whether they are late:
    (action, motifs, en retard). The model has no territorial link, so an action concerns
    communes when its title, description, objectives, steps or orientation speak of communes,
    mayors, town halls, EPCI or local authorities (the reasons name the words found)."""
    import re

    termes = re.compile(
        r"\b(?:(?:les|des|aux|la|une|chaque|par|ces|nos|leurs?|de) communes?|communa(?:l|le|les|ux)"
        r"|intercommunal\w*|maires?|mairies?|EPCI|collectivités (?:locales|territoriales))\b",
        re.IGNORECASE,
    )
    resultat = []
    actions = plan.actions.select_related("orientation").prefetch_related("etapes")
    rang = lambda a: [int(n) if n.isdigit() else n for n in re.split(r"(\d+)", a.code)]  # noqa: E731
    for action in sorted(actions, key=rang):
        textes = [("titre", action.titre), ("description", action.description),
                  ("objectifs", action.objectifs), ("orientation", action.orientation.titre),
                  *(("étape", e.titre) for e in action.etapes.all())]  # fmt: skip
        motifs = []
        for ou, texte in textes:
            for trouve in termes.finditer(texte or ""):
                motif = f"« {trouve.group(0)} » ({ou})"
                if motif not in motifs:
                    motifs.append(motif)
        if motifs:
            resultat.append((action, motifs[:3], en_retard(action, aujourd_hui)))
    return resultat
