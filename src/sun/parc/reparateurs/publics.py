"""What the public directory shows of each actor: its activities and labels in words, its
usual hours as a short French text, its number on the map."""

from dataclasses import dataclass

from sun.core.horaires import Horaires, HorairesInvalides, jours_groupes, valider
from sun.parc.models import Activite, Reparateur

LIBELLES_ACTIVITES = dict(Activite.choices)


@dataclass(frozen=True)
class Fiche:
    n: int
    acteur: Reparateur
    activites: list[str]
    horaires: str  # « du mardi au samedi : 9 h – 12 h, 14 h – 18 h ; … » or ""

    def point(self) -> dict:
        a = self.acteur
        return {"n": self.n, "nom": a.nom, "lat": a.latitude, "lon": a.longitude,
                "demonstration": a.demonstration}  # fmt: skip


def horaires_en_clair(expression: str) -> str:
    if not expression:
        return ""
    try:
        valider(expression)
    except HorairesInvalides:
        return expression
    groupes = jours_groupes(Horaires(expression).semaine_type())
    return " ; ".join(f"{jours} : {', '.join(plages)}" for jours, plages in groupes) or expression


def fiches(acteurs, premier: int = 1) -> list[Fiche]:
    """The actors of a page, numbered from `premier` (the map's numbers)."""
    return [
        Fiche(premier + i, a, [LIBELLES_ACTIVITES.get(v, v) for v in a.activites or []],
              horaires_en_clair(a.horaires))
        for i, a in enumerate(acteurs)
    ]  # fmt: skip
