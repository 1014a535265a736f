"""Writes of Services Publics+: a service's self-assessment of a commitment for a year, and its
improvement actions. The views check the rights (`permissions.py`) before calling these; the
rules that hold whoever calls are checked here, and a refusal writes nothing."""

from dataclasses import dataclass
from datetime import date

from django.db import transaction

from sun.qualite.models import ActionAmelioration, AutoEvaluation, Engagement, NiveauEngagement
from sun.relation.models import ServiceInstructeur

ANNEE_MIN = 2023  # the label Services Publics+ exists since the arrêté of 31 August 2023


class SaisieInvalide(ValueError):
    """A self-assessment or an action that cannot be recorded (message in French)."""


def verifier_annee(annee: int, aujourd_hui: date) -> None:
    if not ANNEE_MIN <= annee <= aujourd_hui.year + 1:
        raise SaisieInvalide(
            f"L'année doit être comprise entre {ANNEE_MIN} et {aujourd_hui.year + 1}."
        )


def enregistrer_auto_evaluation(
    service: ServiceInstructeur,
    engagement: Engagement,
    annee: int,
    niveau: str,
    constat: str,
    auteur,
    aujourd_hui: date,
) -> AutoEvaluation:
    """Record (or replace) the service's self-assessment of `engagement` for `annee`."""
    verifier_annee(annee, aujourd_hui)
    if niveau not in NiveauEngagement.values:
        raise SaisieInvalide("Niveau inconnu : choisissez un des niveaux proposés.")
    evaluation, _ = AutoEvaluation.objects.update_or_create(
        service=service, engagement=engagement, annee=annee,
        # A real assessment replaces a demonstration one of the same commitment and year.
        defaults={"niveau": niveau, "constat": constat.strip(), "auteur": auteur,
                  "demonstration": False},
    )  # fmt: skip
    return evaluation


def enregistrer_auto_evaluations(
    service: ServiceInstructeur, annee: int, saisies: dict[int, tuple[str, str]], auteur,
    aujourd_hui: date,
) -> int:  # fmt: skip
    """The whole year's form at once: {engagement pk: (niveau, constat)}; a commitment left
    without a level is not recorded (an existing self-assessment of it is kept). One
    transaction: all or nothing. Returns the number recorded."""
    verifier_annee(annee, aujourd_hui)
    engagements = Engagement.objects.in_bulk(list(saisies))
    if len(engagements) != len(saisies):
        raise SaisieInvalide("Engagement inconnu : rechargez la page.")
    faits = 0
    with transaction.atomic():
        for pk, (niveau, constat) in saisies.items():
            if not niveau:
                continue
            enregistrer_auto_evaluation(service, engagements[pk], annee, niveau, constat, auteur,
                                        aujourd_hui)  # fmt: skip
            faits += 1
    return faits


@dataclass(frozen=True)
class SaisieAction:
    intitule: str
    engagement: Engagement | None
    description: str = ""
    origine: str = ""
    echeance: date | None = None
    statut: str = ActionAmelioration.Statut.PREVUE
    avancement: int = 0
    publique: bool = True


def _verifier_action(saisie: SaisieAction) -> dict:
    if not saisie.intitule.strip():
        raise SaisieInvalide("Donnez un intitulé à l'action.")
    if saisie.statut not in ActionAmelioration.Statut.values:
        raise SaisieInvalide("Statut inconnu : choisissez un des statuts proposés.")
    if not 0 <= saisie.avancement <= 100:
        raise SaisieInvalide("L'avancement est un pourcentage, de 0 à 100.")
    avancement = saisie.avancement
    if saisie.statut == ActionAmelioration.Statut.REALISEE:
        avancement = 100  # done is done: the public page never shows « réalisée, 40 % »
    elif saisie.statut == ActionAmelioration.Statut.PREVUE and avancement == 100:
        raise SaisieInvalide("Une action avancée à 100 % est réalisée : changez son statut.")
    return {
        "intitule": saisie.intitule.strip(), "engagement": saisie.engagement,
        "description": saisie.description.strip(), "origine": saisie.origine.strip(),
        "echeance": saisie.echeance, "statut": saisie.statut, "avancement": avancement,
        "publique": saisie.publique,
    }  # fmt: skip


def creer_action(service: ServiceInstructeur, saisie: SaisieAction, auteur) -> ActionAmelioration:
    return ActionAmelioration.objects.create(service=service, auteur=auteur,
                                             **_verifier_action(saisie))  # fmt: skip


def modifier_action(action: ActionAmelioration, saisie: SaisieAction, auteur) -> ActionAmelioration:
    valeurs = _verifier_action(saisie)
    for champ, valeur in valeurs.items():
        setattr(action, champ, valeur)
    action.auteur = auteur
    action.save()
    return action
