"""Indicators of the telephone: département level and per service (`Niveau.SERVICE`, code =
`ServiceInstructeur.code`). Demonstration calls never count; under 5 calls nothing is shown.

Taux de décroché (Services Publics+, engagement 6) = calls answered by an agent ÷ calls
requiring an agent's answer: every call reaching a human queue during opening hours (not the
IVR alone, not outside hours), less the abandons shorter than the queue's `abandon_court_s`.
Call-backs, voicemail and overflows stay in the denominator: the caller did not reach an
agent then."""

from django.db.models import Count, F, Max, Q

from sun.core.indicators import Indicateur, Niveau, Valeur, declarer, note_demonstration
from sun.qualite.models import ABANDONS, SANS_AGENT, Appel, Issue

SOURCE = "Relevés d'appels des standards téléphoniques (SUN)"
SEUIL = 5


def appels(niveau: Niveau, code: str):
    """The real calls of the département or of one service."""
    qs = Appel.objects.filter(demonstration=False)
    if niveau == Niveau.SERVICE:
        qs = qs.filter(file__service__code=code)
    return qs


def a_decrocher() -> Q:
    """The calls that required an agent's answer (the pick-up rate's denominator)."""
    court = Q(issue__in=ABANDONS, attente_s__lt=F("file__abandon_court_s"))
    return ~Q(issue__in=SANS_AGENT) & ~court


def taux_decroche(niveau: Niveau, code: str) -> Valeur:
    qs = appels(niveau, code)
    chiffres = qs.aggregate(
        total=Count("pk", filter=a_decrocher()),
        decroches=Count("pk", filter=Q(issue=Issue.DECROCHE)),
        jour=Max("jour"),
    )
    demo = Appel.objects.filter(demonstration=True)
    if niveau == Niveau.SERVICE:
        demo = demo.filter(file__service__code=code)
    note = note_demonstration(demo.count(), "appels")
    if chiffres["total"] < SEUIL:
        return Valeur(None, chiffres["jour"], SOURCE, note or f"Moins de {SEUIL} appels.")
    taux = round(100 * chiffres["decroches"] / chiffres["total"], 1)
    return Valeur(taux, chiffres["jour"], SOURCE, note)


declarer(Indicateur(
    code="qualite.taux_decroche", libelle="Taux de décroché par un agent", unite="%",
    niveaux=(Niveau.DEPARTEMENT, Niveau.SERVICE), calcul=taux_decroche, source=SOURCE,
    sens="hausse",
    description="Appels décrochés par un agent parmi les appels qui demandaient un agent "
    "(hors serveur vocal seul, hors horaires, hors abandons plus courts que le seuil de la "
    "file). Objectif de l'État : 85 %.",
))  # fmt: skip
