"""Indicators of the register: active mediation places, and per 10,000 inhabitants.

Demonstration places never count.
"""

from django.db.models import Max, Sum

from sun.core.indicators import Indicateur, Niveau, Valeur, declarer, note_demonstration
from sun.inclusion.models import Lieu
from sun.inclusion.sources import SOURCE_REGISTRE
from sun.territoire.indicators import communes_du

SOURCE = SOURCE_REGISTRE


def _lieux(niveau: Niveau, code: str):
    communes = communes_du(niveau, code)
    return communes, Lieu.objects.filter(
        statut=Lieu.Statut.ACTIF, demonstration=False, commune_ref__in=communes
    )


def _lieux_demo(niveau: Niveau, code: str) -> int:
    return Lieu.objects.filter(
        demonstration=True, commune_ref__in=communes_du(niveau, code)
    ).count()


def _date(lieux):
    derniere = lieux.aggregate(d=Max("modifie_le"))["d"]
    return derniere.date() if derniere else None


def nombre_lieux(niveau: Niveau, code: str) -> Valeur:
    _, lieux = _lieux(niveau, code)
    note = note_demonstration(_lieux_demo(niveau, code), "lieux")
    return Valeur(lieux.count(), _date(lieux), SOURCE, note)


def lieux_pour_10000(niveau: Niveau, code: str) -> Valeur:
    communes, lieux = _lieux(niveau, code)
    population = communes.aggregate(p=Sum("population_municipale"))["p"]
    if not population:
        return Valeur(None, _date(lieux), SOURCE)
    note = note_demonstration(_lieux_demo(niveau, code), "lieux")
    return Valeur(round(lieux.count() * 10_000 / population, 2), _date(lieux), f"{SOURCE} ; INSEE",
                  note)  # fmt: skip


TOUS = (Niveau.COMMUNE, Niveau.EPCI, Niveau.DEPARTEMENT)
declarer(
    Indicateur(
        code="inclusion.lieux",
        libelle="Lieux de médiation numérique actifs",
        unite="lieux",
        niveaux=TOUS,
        calcul=nombre_lieux,
        source=SOURCE,
        sens="hausse",
        description="Lieux actifs du registre (hors données de démonstration).",
    )
)
declarer(
    Indicateur(
        code="inclusion.lieux_pour_10000",
        libelle="Lieux de médiation numérique pour 10 000 habitants",
        unite="lieux pour 10 000 habitants",
        niveaux=TOUS,
        calcul=lieux_pour_10000,
        source=f"{SOURCE} ; INSEE, populations légales",
        sens="hausse",
        description="Lieux actifs rapportés à la population municipale.",
    )
)

# France Numérique Ensemble figures are indicators too (declared on import).
from sun.inclusion.analyses import fne  # noqa: E402, F401
