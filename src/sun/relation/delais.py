"""The deadline engine: pure functions, no database.

Rules (CRPA, see docs/relation.md and the notes):

- A period of N months runs « de quantième à quantième »: from the receipt on the 16th, it
  ends on the 16th N months later; when that day does not exist in the final month, on its
  last day (30 Dec + 2 months → 28 Feb, or 29 Feb in a leap year). Weeks and days add 7 N and
  N days. Weekends and public holidays do not move the birth of an implicit decision.
- The implicit decision (L231-1 acceptance, L231-4 rejection) is born at the end of the
  expiry day; it can be claimed from the next day.
- An incomplete request (CRPA L114-5): under SVA the period only runs from the day the last
  missing pieces arrive (while they are awaited there is no expiry date); under SVR it is
  suspended during the time given to send them, and sending them earlier ends the suspension:
  each request for pieces suspends the clock from the day they were asked to the day they
  arrived or, if sooner or still awaited, to the end of the time given.
- A démarche without an implicit-decision regime has no legal expiry date.
"""

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

SVA, SVR, AUCUN = "sva", "svr", "aucun"
JOURS, SEMAINES, MOIS = "jours", "semaines", "mois"


def ajouter_mois(depart: date, mois: int) -> date:
    """`depart` + `mois` months, from quantième to quantième, clamped to the month's end."""
    index = depart.month - 1 + mois
    annee, mois_final = depart.year + index // 12, index % 12 + 1
    dernier = calendar.monthrange(annee, mois_final)[1]
    return date(annee, mois_final, min(depart.day, dernier))


def ajouter_delai(depart: date, valeur: int, unite: str) -> date:
    if unite == MOIS:
        return ajouter_mois(depart, valeur)
    if unite == SEMAINES:
        return depart + timedelta(weeks=valeur)
    if unite == JOURS:
        return depart + timedelta(days=valeur)
    raise ValueError(f"Unité de délai inconnue : « {unite} »")


@dataclass(frozen=True)
class Regime:
    code: str  # sva, svr, aucun
    valeur: int = 2
    unite: str = MOIS


@dataclass(frozen=True)
class Pieces:
    """One request for missing pieces: asked on `demandees_le`, to send before
    `a_fournir_avant` (None: no time given), received on `recues_le`."""

    demandees_le: date
    recues_le: date | None = None
    a_fournir_avant: date | None = None

    def fin_de_suspension(self) -> date | None:
        """The day the SVR suspension ends: the arrival, or the end of the time given if
        sooner or if the pieces are still awaited; None if neither is known yet."""
        fins = [d for d in (self.recues_le, self.a_fournir_avant) if d is not None]
        return min(fins) if fins else None


@dataclass(frozen=True)
class EtatPieces:
    """What the engine needs of the missing pieces, whatever the regime (stored as is on the
    request, so that a change of regime recomputes a whole set in SQL)."""

    en_attente: bool
    completes_le: date | None  # the day the last missing pieces arrived
    jours_suspendus: int  # SVR: days suspended (`Pieces.fin_de_suspension`)
    suspension_ouverte: bool = False  # SVR: pieces awaited with no time given: no end yet


def etat_pieces(pieces: Sequence[Pieces]) -> EtatPieces:
    recues = [p for p in pieces if p.recues_le is not None]
    for p in pieces:
        if p.recues_le is not None and p.recues_le < p.demandees_le:
            raise ValueError("Des pièces ne peuvent pas être reçues avant d'avoir été demandées.")
        if p.a_fournir_avant is not None and p.a_fournir_avant < p.demandees_le:
            raise ValueError("Le délai laissé pour fournir les pièces finit avant leur demande.")
    fins = [(p, p.fin_de_suspension()) for p in pieces]
    return EtatPieces(
        en_attente=any(p.recues_le is None for p in pieces),
        completes_le=max((p.recues_le for p in recues), default=None),
        jours_suspendus=sum((fin - p.demandees_le).days for p, fin in fins if fin is not None),
        suspension_ouverte=any(fin is None for _, fin in fins),
    )


@dataclass(frozen=True)
class Echeance:
    """`expiration`: the day at whose end the implicit decision is born; None when the regime
    has none or while pieces are awaited (`suspendue`)."""

    expiration: date | None
    depart: date | None = None
    jours_suspendus: int = 0
    suspendue: bool = False

    @property
    def reclamable_le(self) -> date | None:
        return self.expiration + timedelta(days=1) if self.expiration else None


def echeance_de(regime: Regime, recue_le: date, pieces: EtatPieces) -> Echeance:
    if regime.code == AUCUN:
        return Echeance(None)
    if regime.code not in (SVA, SVR):
        raise ValueError(f"Régime inconnu : « {regime.code} »")
    if regime.code == SVA:
        if pieces.en_attente:
            return Echeance(None, suspendue=True)
        depart = max(recue_le, pieces.completes_le or recue_le)
        return Echeance(ajouter_delai(depart, regime.valeur, regime.unite), depart)
    if pieces.suspension_ouverte:
        return Echeance(None, suspendue=True)
    base = ajouter_delai(recue_le, regime.valeur, regime.unite)
    return Echeance(base + timedelta(days=pieces.jours_suspendus), recue_le,
                    pieces.jours_suspendus)  # fmt: skip


def echeance(regime: Regime, recue_le: date, pieces: Sequence[Pieces] = ()) -> Echeance:
    """The implicit-decision date of a request received on `recue_le`."""
    return echeance_de(regime, recue_le, etat_pieces(pieces))


def dans_les_temps(
    decidee_le: date | None, expiration: date | None, recue_le: date, annonce_jours: int | None
) -> bool | None:
    """Decided on or before the expiry day (or, without a regime, within the announced
    time); None while undecided or when no time applies."""
    if decidee_le is None:
        return None
    if expiration is not None:
        return decidee_le <= expiration
    if annonce_jours is not None:
        return (decidee_le - recue_le).days <= annonce_jours
    return None
