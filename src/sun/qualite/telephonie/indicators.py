"""Indicators of the telephone: département level and per service (`Niveau.SERVICE`, code =
`ServiceInstructeur.code`). Demonstration calls never count; under 5 calls nothing is shown.

Taux de décroché (Services Publics+, engagement 6) = calls answered by an agent ÷ calls
requiring an agent's answer: every call reaching a human queue during opening hours (not the
IVR alone, not outside hours), less the abandons shorter than the queue's `abandon_court_s`.
Call-backs, voicemail and overflows stay in the denominator: the caller did not reach an
agent then.

Each figure is computed over a period (`periode=`, e.g. the year « Nos résultats » publishes)
or, without one, over the 12 months up to the latest real call (a yearly figure, dated by
that call)."""

from datetime import timedelta

from django.db.models import Count, Max, Q

from sun.core.indicators import SEUIL_PERSONNES as SEUIL
from sun.core.indicators import (
    Indicateur,
    Niveau,
    Periode,
    Valeur,
    declarer,
    note_demonstration,
    note_trop_peu,
)
from sun.qualite.models import Appel, Issue
from sun.qualite.telephonie.queries import a_decrocher
from sun.qualite.telephonie.statistiques.chiffres import percentiles

SOURCE = "Relevés d'appels des standards téléphoniques (SUN)"


__all__ = ["a_decrocher", "appels", "appels_recus", "attente_mediane", "taux_decroche"]


def appels(niveau: Niveau, code: str, demonstration: bool = False):
    """The real (or demonstration) calls of the département or of one service."""
    qs = Appel.objects.filter(demonstration=demonstration)
    if niveau == Niveau.SERVICE:
        qs = qs.filter(file__service__code=code)
    return qs


def _periode(niveau: Niveau, code: str, periode: Periode | None):
    """The real calls of `periode` (default: the 12 months up to the latest one), the day the
    figures are dated by, and the note on demonstration calls left out."""
    qs = appels(niveau, code)
    demo = appels(niveau, code, demonstration=True)
    if periode is None:
        dernier = qs.dernier_jour()
        if dernier is None:
            return qs.none(), None, note_demonstration(demo.count(), "appels")
        periode = Periode(dernier - timedelta(days=364), dernier)
    qs, demo = qs.entre(periode.du, periode.au), demo.entre(periode.du, periode.au)
    return qs, qs.aggregate(d=Max("jour"))["d"], note_demonstration(demo.count(), "appels")


def taux_decroche(niveau: Niveau, code: str, periode: Periode | None = None) -> Valeur:
    qs, jour, note = _periode(niveau, code, periode)
    chiffres = qs.aggregate(
        total=Count("pk", filter=a_decrocher()),
        decroches=Count("pk", filter=Q(issue=Issue.DECROCHE)),
    )
    if chiffres["total"] < SEUIL:
        return Valeur(None, jour, SOURCE, note_trop_peu(chiffres["total"], SEUIL, "appels", note))
    taux = round(100 * chiffres["decroches"] / chiffres["total"], 1)
    return Valeur(taux, jour, SOURCE, note)


def appels_recus(niveau: Niveau, code: str, periode: Periode | None = None) -> Valeur:
    qs, jour, note = _periode(niveau, code, periode)
    n = qs.count() if jour else 0
    if n < SEUIL:
        return Valeur(None, jour, SOURCE, note_trop_peu(n, SEUIL, "appels", note))
    return Valeur(n, jour, SOURCE, note)


def attente_mediane(niveau: Niveau, code: str, periode: Periode | None = None) -> Valeur:
    qs, jour, note = _periode(niveau, code, periode)
    histo = dict(qs.histogramme_attente()) if jour else {}
    p50, _ = percentiles(histo)
    if p50 is None:
        return Valeur(
            None, jour, SOURCE, note_trop_peu(sum(histo.values()), SEUIL, "appels décrochés", note)
        )
    return Valeur(round(p50, 1), jour, SOURCE, note)


SUR_12_MOIS = "Sans période choisie : les 12 mois qui finissent le jour du dernier appel reçu."

declarer(Indicateur(
    code="qualite.taux_decroche", libelle="Taux de décroché par un agent", unite="%",
    niveaux=(Niveau.DEPARTEMENT, Niveau.SERVICE), calcul=taux_decroche, source=SOURCE,
    sens="hausse", par_periode=True,
    description="Appels décrochés par un agent parmi les appels qui demandaient un agent "
    "(hors serveur vocal seul, hors horaires, hors abandons plus courts que le seuil de la "
    f"file). Objectif de l'État : 85 %. {SUR_12_MOIS}",
))  # fmt: skip
declarer(Indicateur(
    code="qualite.appels_recus", libelle="Appels reçus", unite="appels",
    niveaux=(Niveau.DEPARTEMENT, Niveau.SERVICE), calcul=appels_recus, source=SOURCE,
    sens="", par_periode=True,
    description="Tous les appels arrivés sur les files d'attente (serveur vocal seul et hors "
    f"horaires compris). {SUR_12_MOIS}",
))  # fmt: skip
declarer(Indicateur(
    code="qualite.attente_mediane", libelle="Attente médiane avant décroché", unite="s",
    niveaux=(Niveau.DEPARTEMENT, Niveau.SERVICE), calcul=attente_mediane, source=SOURCE,
    sens="baisse", par_periode=True,
    description="La moitié des appels décrochés par un agent l'ont été en moins de ce temps "
    f"d'attente. {SUR_12_MOIS}",
))  # fmt: skip
