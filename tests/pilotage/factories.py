"""A plan of the schéma built piece by piece: plan, axes and their orientations, actions,
indicators and their dated values. (tests/pilotage/test_pages.py loads the Aude's real plan.)"""

from datetime import date

import factory
from factory.django import DjangoModelFactory

from sun.pilotage.models import Action, Axe, Indicateur, Plan, ValeurIndicateur


class PlanFactory(DjangoModelFactory):
    class Meta:
        model = Plan
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"plan-{n}")
    titre = factory.Sequence(lambda n: f"Schéma des usages du numérique n° {n}")
    debut = 2025
    fin = 2030


class AxeFactory(DjangoModelFactory):
    class Meta:
        model = Axe

    plan = factory.SubFactory(PlanFactory)
    niveau = Axe.Niveau.AXE
    code = factory.Sequence(lambda n: str(n + 1))
    titre = factory.Sequence(lambda n: f"Axe n° {n + 1}")
    ordre = factory.Sequence(lambda n: n)


class OrientationDuPlanFactory(AxeFactory):
    """An orientation: a child of an axe, where actions hang."""

    parent = factory.SubFactory(AxeFactory)
    plan = factory.SelfAttribute("parent.plan")
    niveau = Axe.Niveau.ORIENTATION
    code = factory.LazyAttributeSequence(lambda o, n: f"{o.parent.code}.{n + 1}")
    titre = factory.Sequence(lambda n: f"Orientation n° {n + 1}")


class ActionFactory(DjangoModelFactory):
    """An action, to pilot with `pilotes=[utilisateur, …]`."""

    class Meta:
        model = Action
        skip_postgeneration_save = True

    orientation = factory.SubFactory(OrientationDuPlanFactory)
    plan = factory.SelfAttribute("orientation.plan")
    code = factory.LazyAttributeSequence(lambda o, n: f"{o.orientation.code}.{n + 1}")
    titre = factory.Sequence(lambda n: f"Action n° {n + 1}")
    statut = Action.Statut.EN_COURS
    date_debut = date(2025, 1, 1)
    date_fin_prevue = date(2026, 12, 31)
    ordre = factory.Sequence(lambda n: n)

    @factory.post_generation
    def pilotes(action, create, pilotes, **kwargs):
        if create and pilotes:
            action.pilotes.set(pilotes)


class IndicateurFactory(DjangoModelFactory):
    """An indicator entered by hand, to attach to actions with `actions=[…]`."""

    class Meta:
        model = Indicateur
        skip_postgeneration_save = True

    plan = factory.SubFactory(PlanFactory)
    code = factory.Sequence(lambda n: f"indicateur-{n}")
    libelle = factory.Sequence(lambda n: f"Indicateur n° {n}")
    unite = "%"

    @factory.post_generation
    def actions(indicateur, create, actions, **kwargs):
        if create and actions:
            indicateur.actions.set(actions)


class ValeurIndicateurFactory(DjangoModelFactory):
    class Meta:
        model = ValeurIndicateur

    indicateur = factory.SubFactory(IndicateurFactory)
    date = factory.Sequence(lambda n: date(2020 + n % 10, 12, 31))
    resultat = 50.0
    objectif = 80.0
    source = "Saisie"
