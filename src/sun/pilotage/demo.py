"""Demonstration content of the plan: the demonstration pilot pilots a few actions, with
dated progress notes and values of the indicators entered by hand, every one flagged
`demonstration` (the dashboard, the public page and the annual report label them)."""

from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from sun.comptes.roles import Role
from sun.comptes.services import DEMO_PREFIXE
from sun.pilotage.avancement import plan_courant
from sun.pilotage.models import NoteSuivi, ValeurIndicateur
from sun.pilotage.queries import ORDRE_DES_ACTIONS

NOMBRE_D_ACTIONS = 4
SOURCE = "Démonstration (valeur fictive)"
NOTES = [
    "Réunion de lancement tenue avec les partenaires ; calendrier partagé.",
    "Premier bilan d'étape présenté au comité de pilotage.",
    "Recensement des acteurs engagé sur deux EPCI.",
    "Cahier des charges rédigé, en relecture.",
]


@transaction.atomic
def creer_pilotage_demo(aujourd_hui: date | None = None) -> int:
    """Give the demonstration pilot NOMBRE_D_ACTIONS actions (once); returns how many were
    given now (0 when already done, or without a plan or a demonstration pilot)."""
    aujourd_hui = aujourd_hui or timezone.localdate()
    plan = plan_courant()
    pilote = get_user_model().objects.filter(username=f"{DEMO_PREFIXE}{Role.PILOTE.value}").first()
    if plan is None or pilote is None or pilote.actions_pilotees.exists():
        return 0
    actions = list(plan.actions.filter(parent=None, pilotes=None).order_by(*ORDRE_DES_ACTIONS)
                   [:NOMBRE_D_ACTIONS])  # fmt: skip
    debut_annee = date(aujourd_hui.year, 1, 1)
    for n, action in enumerate(actions):
        action.pilotes.add(pilote)
        quand = max(debut_annee, aujourd_hui - timedelta(days=15 * (n + 1)))
        NoteSuivi.objects.create(action=action, date=quand, auteur=pilote, demonstration=True,
                                 texte=f"{NOTES[n % len(NOTES)]} (note de démonstration)")  # fmt: skip
    for n, indicateur in enumerate(plan.indicateurs.filter(calcul="")):
        if indicateur.valeurs.exclude(resultat=None).exists():
            continue
        base = 30.0 + 7 * n
        for quand, resultat in ((date(aujourd_hui.year - 1, 12, 31), base),
                                (aujourd_hui, base + 6)):  # fmt: skip
            ValeurIndicateur.objects.update_or_create(
                indicateur=indicateur, date=quand,
                defaults={"resultat": resultat, "source": SOURCE, "demonstration": True},
            )  # fmt: skip
    return len(actions)
