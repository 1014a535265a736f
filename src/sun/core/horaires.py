"""Opening hours: OSM `opening_hours` syntax in, plain French out.

SUN stores every schedule in the OpenStreetMap syntax (the one the national standard for
mediation places uses too), validates it with opening-hours-py and renders it in French:
a weekly table and a sentence such as « Ouvert maintenant, ferme à 12 h » or « Fermé, ouvre lundi à 9 h ».
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache

import opening_hours

from sun.core.text import heure

JOURS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
OSM_JOURS = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]
# A week without French public holidays, so that the weekly table shows the usual hours.
SEMAINE_TYPE = date(2030, 1, 7)


class HorairesInvalides(ValueError):
    pass


def _hhmm(value: str) -> tuple[int, int]:
    parts = value.strip().split(":")
    h, m = int(parts[0]), int(parts[1]) if len(parts) > 1 else 0
    if not (0 <= h <= 24 and 0 <= m < 60) or (h == 24 and m):
        raise ValueError(value)
    return h, m


def osm_depuis_plages(plages: list) -> tuple[str, list[str]]:
    """Build an OSM expression from day ranges: [[« lundi », « jeudi », [[« 09:00:00 », « 12:00:00 »]]]].

    Overlapping entries are merged per day; days with the same hours are grouped
    (« Mo-Th 09:00-12:00; Fr 09:00-11:00 »). Returns the expression and the anomalies met
    (unknown day, empty or reversed time slot), each skipped.
    """
    anomalies: list[str] = []
    par_jour: list[set[tuple[tuple[int, int], tuple[int, int]]]] = [set() for _ in JOURS]
    for entree in plages:
        try:
            premier, dernier, creneaux = entree
            debut_jour = JOURS.index(premier.strip().lower())
            fin_jour = JOURS.index((dernier or premier).strip().lower())
        except (ValueError, TypeError, AttributeError):
            anomalies.append(f"jours illisibles : {entree!r}")
            continue
        jours = range(debut_jour, fin_jour + 1) if fin_jour >= debut_jour else []
        if not jours:
            anomalies.append(f"plage de jours inversée : {premier} – {dernier}")
        for creneau in creneaux:
            try:
                ouverture, fermeture = _hhmm(creneau[0]), _hhmm(creneau[1])
            except (ValueError, IndexError, TypeError):
                anomalies.append(f"horaire illisible : {creneau!r}")
                continue
            if fermeture <= ouverture:
                anomalies.append(f"créneau vide ou inversé : {creneau[0]} – {creneau[1]}")
                continue
            for j in jours:
                par_jour[j].add((ouverture, fermeture))

    regles: list[str] = []
    j = 0
    while j < 7:
        if not par_jour[j]:
            j += 1
            continue
        fin = j
        while fin + 1 < 7 and par_jour[fin + 1] == par_jour[j]:
            fin += 1
        jours = OSM_JOURS[j] if fin == j else f"{OSM_JOURS[j]}-{OSM_JOURS[fin]}"
        if fin == j + 1:
            jours = f"{OSM_JOURS[j]},{OSM_JOURS[fin]}"
        creneaux = ",".join(
            f"{a[0]:02d}:{a[1]:02d}-{b[0]:02d}:{b[1]:02d}" for a, b in sorted(par_jour[j])
        )
        regles.append(f"{jours} {creneaux}")
        j = fin + 1
    if not regles:
        return "", anomalies
    expression = "; ".join(regles) + "; PH off"
    valider(expression)
    return expression, anomalies


def valider(expression: str) -> str:
    """Return the expression if opening-hours-py parses it, else raise HorairesInvalides."""
    try:
        opening_hours.OpeningHours(expression)
    except (SyntaxError, ValueError, opening_hours.ParserError) as exc:
        premiere_ligne = str(exc).strip().splitlines()[0]
        raise HorairesInvalides(f"horaires illisibles « {expression} » ({premiere_ligne})") from exc
    return expression


def normaliser(expression: str) -> str:
    """Canonical form from opening-hours-py: « mo-fr 9:00-12:00 » → « Mo-Fr 09:00-12:00 »,
    consecutive days with the same hours grouped. Raises HorairesInvalides."""
    resultat = _normaliser(expression)
    if isinstance(resultat, HorairesInvalides):
        raise HorairesInvalides(str(resultat))
    return resultat


@lru_cache(maxsize=4096)
def _normaliser(expression: str) -> "str | HorairesInvalides":
    # A register repeats the same few expressions: each is parsed once per process.
    try:
        valider(expression)
    except HorairesInvalides as exc:
        return exc
    return str(opening_hours.OpeningHours(expression).normalize())


@dataclass(frozen=True)
class Etat:
    ouvert: bool
    phrase: str  # « Ouvert maintenant, ferme à 12 h » / « Fermé, ouvre lundi à 9 h »
    prochain_changement: datetime | None


def _quand(moment: datetime, maintenant: datetime) -> str:
    jours = (moment.date() - maintenant.date()).days
    a = f"à {heure(moment.hour, moment.minute)}"
    if jours == 0:
        return f"aujourd'hui {a}"
    if jours == 1:
        return f"demain {a}"
    if jours < 7:
        return f"{JOURS[moment.weekday()]} {a}"
    return f"le {moment.day} {MOIS[moment.month - 1]} {a}"


MOIS = [
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
]  # fmt: skip


class Horaires:
    """A validated OSM expression, evaluated with French public holidays (PH)."""

    def __init__(self, expression: str):
        self.expression = expression
        self._oh = opening_hours.OpeningHours(expression, country="FR") if expression else None

    def __bool__(self) -> bool:
        return self._oh is not None

    def etat(self, maintenant: datetime) -> Etat | None:
        """State at a naive local time (the caller converts to the place's time zone)."""
        if self._oh is None:
            return None
        ouvert = self._oh.is_open(maintenant)
        prochain = self._oh.next_change(maintenant)
        if prochain is not None and (prochain - maintenant).days > 366:
            prochain = None
        if ouvert:
            if prochain is None:
                phrase = "Ouvert maintenant"
            elif prochain.date() == maintenant.date() or prochain.time() == time(0, 0):
                phrase = f"Ouvert maintenant, ferme à {heure(prochain.hour, prochain.minute)}"
            else:
                phrase = f"Ouvert maintenant, ferme {_quand(prochain, maintenant)}"
        elif prochain is None:
            phrase = "Fermé"
        else:
            phrase = f"Fermé, ouvre {_quand(prochain, maintenant)}"
        return Etat(ouvert=ouvert, phrase=phrase, prochain_changement=prochain)

    def semaine_type(self) -> list[tuple[str, list[str]]]:
        """Usual hours per day, as [(« lundi », [« 9 h – 12 h », …]), …]."""
        if self._oh is None:
            return []
        debut = datetime.combine(SEMAINE_TYPE, time(0, 0))
        fin = debut + timedelta(days=7)
        semaine: list[list[str]] = [[] for _ in JOURS]
        for ouverture, fermeture, etat, _ in self._oh.intervals(debut, fin):
            if etat != opening_hours.State.OPEN:
                continue
            # An interval may cross midnight: attach it to the day it starts.
            fermeture_txt = (
                "24 h"
                if fermeture.time() == time(0, 0)
                else heure(fermeture.hour, fermeture.minute)
            )
            semaine[ouverture.weekday()].append(
                f"{heure(ouverture.hour, ouverture.minute)} – {fermeture_txt}"
            )
        return list(zip(JOURS, semaine, strict=True))


def jours_groupes(semaine: list[tuple[str, list[str]]]) -> list[tuple[str, list[str]]]:
    """Consecutive open days with the same hours, grouped for a short text:
    [(« du mardi au vendredi », [« 14 h – 18 h »]), (« samedi », [« 10 h – 12 h »])]."""
    groupes: list[list] = []
    for jour, plages in semaine:
        if groupes and plages and groupes[-1][2] == plages and groupes[-1][3]:
            groupes[-1][1] = jour
        else:
            groupes.append([jour, jour, plages, bool(plages)])
    return [
        (premier if premier == dernier else f"du {premier} au {dernier}", plages)
        for premier, dernier, plages, ouvert in groupes
        if ouvert
    ]
