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
                "demonstration": a.demonstration, "ancre": self.ancre}  # fmt: skip

    @property
    def ancre(self) -> str:
        """The id of the actor's row in the table, the target of its point on the map."""
        return f"acteur-{self.n}"


def activites_en_clair(codes) -> list[str]:
    """Activity codes (`Activite` values) as their French labels; an unknown code as is."""
    return [LIBELLES_ACTIVITES.get(v, v) for v in codes or []]


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
        Fiche(premier + i, a, activites_en_clair(a.activites), horaires_en_clair(a.horaires))
        for i, a in enumerate(acteurs)
    ]  # fmt: skip
