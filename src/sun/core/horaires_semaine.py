"""A usual week of opening hours, as a weekly editor shows it, to and from OSM `opening_hours`.

Places store their hours in the OSM syntax; coordinators never type it. They fill a week:
each day closed or open with one or two time slots, and whether the place is closed on public
holidays. `vers_osm` writes that week in OSM syntax (days with the same hours grouped:
« Tu,Fr 14:00-18:00; We,Sa 10:00-13:00,14:00-18:00; PH off »); `depuis_osm` reads an OSM
expression back into a week, or returns None when it does not fit the editor (week numbers,
months, dates, comments, fallback rules, more than two slots a day, slots past midnight…):
such hours are kept as they are and shown as « horaires particuliers ».

`depuis_osm` only accepts a week whose OSM expression opens and closes exactly when the
original does, checked over two years of evaluation with French public holidays: what the
editor shows is never an approximation of the stored hours.
"""

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import pairwise

import opening_hours

from sun.core.horaires import JOURS, OSM_JOURS, HorairesInvalides, normaliser, valider

CRENEAUX_PAR_JOUR = 2
FERIES_FERME = "ferme"  # « PH off »
FERIES_HABITUEL = "habituel"  # no PH rule: public holidays follow the usual weekday hours
CHOIX_FERIES = [
    (FERIES_FERME, "Fermé les jours fériés"),
    (FERIES_HABITUEL, "Ouvert les jours fériés, aux horaires habituels du jour"),
]
# Two years from a fixed Monday: every weekday, every French public holiday, leap day.
DEBUT_COMPARAISON = datetime(2031, 12, 29)
DUREE_COMPARAISON = timedelta(days=731)

_HEURE = r"(?:[01]?\d|2[0-3]):[0-5]\d"
_CRENEAU = re.compile(rf"^({_HEURE})-({_HEURE}|24:00)$")
_JOUR = "|".join(OSM_JOURS)
_SELECTEUR_JOURS = re.compile(rf"^(?:{_JOUR})(?:-(?:{_JOUR}))?(?:,(?:{_JOUR})(?:-(?:{_JOUR}))?)*$")

Creneau = tuple[str, str]  # (« 09:00 », « 12:00 »)


@dataclass
class Semaine:
    """Seven days (Monday first), each a list of at most two slots; an empty day is closed."""

    jours: list[list[Creneau]] = field(default_factory=lambda: [[] for _ in JOURS])
    feries: str = FERIES_FERME

    @property
    def vide(self) -> bool:
        return not any(self.jours)


def _minutes(hhmm: str) -> int:
    h, m = hhmm.split(":")
    return int(h) * 60 + int(m)


def verifier_jour(creneaux: list[Creneau]) -> str | None:
    """What is wrong with one day's slots, in French, or None."""
    if len(creneaux) > CRENEAUX_PAR_JOUR:
        return f"au plus {CRENEAUX_PAR_JOUR} créneaux par jour"
    for debut, fin in creneaux:
        if _minutes(fin) <= _minutes(debut):
            return f"le créneau {debut} – {fin} finit avant de commencer"
    for (_, fin1), (debut2, _) in pairwise(creneaux):
        if _minutes(debut2) < _minutes(fin1):
            return "le 2e créneau doit commencer après la fin du 1er"
    return None


def _jours_osm(indices: list[int]) -> str:
    """[1, 2, 3, 5] → « Tu-Th,Sa »; two consecutive days are listed (« Mo,Tu »)."""
    morceaux: list[str] = []
    i = 0
    while i < len(indices):
        fin = i
        while fin + 1 < len(indices) and indices[fin + 1] == indices[fin] + 1:
            fin += 1
        if fin - i >= 2:
            morceaux.append(f"{OSM_JOURS[indices[i]]}-{OSM_JOURS[indices[fin]]}")
        else:
            morceaux += [OSM_JOURS[indices[k]] for k in range(i, fin + 1)]
        i = fin + 1
    return ",".join(morceaux)


def vers_osm(semaine: Semaine) -> str:
    """The OSM expression of a week; "" when every day is closed (hours unknown).
    Raises ValueError if a day's slots are not valid (see `verifier_jour`)."""
    for nom, creneaux in zip(JOURS, semaine.jours, strict=True):
        if probleme := verifier_jour(creneaux):
            raise ValueError(f"{nom} : {probleme}")
    if semaine.vide:
        return ""
    groupes: dict[tuple[Creneau, ...], list[int]] = {}
    for i, creneaux in enumerate(semaine.jours):
        if creneaux:
            groupes.setdefault(tuple(creneaux), []).append(i)
    regles = [
        f"{_jours_osm(jours)} {','.join(f'{a}-{b}' for a, b in creneaux)}"
        for creneaux, jours in sorted(groupes.items(), key=lambda g: g[1][0])
    ]
    if semaine.feries == FERIES_FERME:
        regles.append("PH off")
    return valider("; ".join(regles))


def _indices_jours(selecteur: str) -> list[int] | None:
    if not _SELECTEUR_JOURS.match(selecteur):
        return None
    indices: list[int] = []
    for morceau in selecteur.split(","):
        premier, _, dernier = morceau.partition("-")
        a, b = OSM_JOURS.index(premier), OSM_JOURS.index(dernier or premier)
        if b < a:  # « Sa-Mo » wraps around the week
            indices += [*range(a, 7), *range(0, b + 1)]
        else:
            indices += range(a, b + 1)
    return indices


def _creneaux(texte: str) -> list[Creneau] | None:
    if texte in ("off", "closed"):
        return []
    creneaux = []
    for morceau in texte.split(","):
        trouve = _CRENEAU.match(morceau.strip())
        if not trouve:
            return None
        debut, fin = trouve.groups()
        creneaux.append((debut.zfill(5), fin))
    return sorted(creneaux)


def _lire(expression: str) -> Semaine | None:
    """Strict reading of the subset the editor shows; later rules replace earlier days."""
    semaine = Semaine(feries=FERIES_HABITUEL)
    for regle in (r.strip() for r in expression.split(";")):
        if not regle:
            continue
        selecteur, _, horaires = regle.partition(" ")
        horaires = horaires.strip()
        if selecteur == "PH":
            if horaires not in ("off", "closed"):
                return None
            semaine.feries = FERIES_FERME
            continue
        if _CRENEAU.match(selecteur.split(",")[0]) and not horaires:
            selecteur, horaires = "Mo-Su", selecteur  # « 09:00-18:00 »: every day
        indices = _indices_jours(selecteur)
        creneaux = _creneaux(horaires) if horaires else None
        if indices is None or creneaux is None or len(creneaux) > CRENEAUX_PAR_JOUR:
            return None
        if any("24:00" in c for c in creneaux):
            return None  # an end at midnight cannot be typed in a time field
        for i in indices:
            semaine.jours[i] = list(creneaux)
    return semaine


def _ouvertures(expression: str) -> list[tuple]:
    oh = opening_hours.OpeningHours(expression, country="FR")
    fin = DEBUT_COMPARAISON + DUREE_COMPARAISON
    return [
        (debut, fin_, etat, commentaire)
        for debut, fin_, etat, commentaire in oh.intervals(DEBUT_COMPARAISON, fin)
        if etat != opening_hours.State.CLOSED or commentaire
    ]


def depuis_osm(expression: str) -> Semaine | None:
    """The week an OSM expression describes, or None if the editor cannot show it exactly.
    An empty expression is an empty week. Raises HorairesInvalides if it does not parse."""
    expression = (expression or "").strip()
    if not expression:
        return Semaine()
    valider(expression)
    semaine = _lire(expression)
    if semaine is None:  # « mo-fr 9:00-12:00 », odd spacing: read its canonical form
        semaine = _lire(normaliser(expression))
    if semaine is None or any(verifier_jour(j) for j in semaine.jours):
        return None
    reecrite = vers_osm(semaine)
    if not reecrite or _ouvertures(reecrite) != _ouvertures(expression):
        return None
    return semaine


def equivalentes(a: str, b: str) -> bool:
    """Do two OSM expressions open and close at the same times (two years, French holidays)?"""
    try:
        return _ouvertures(valider(a)) == _ouvertures(valider(b))
    except HorairesInvalides:
        return False
