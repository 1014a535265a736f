"""Lines for `graphique_barres` from a diagnosis result or aggregated figures."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Barre:
    libelle: str
    valeur: float
    masquee: bool = False


def lignes_graphique(r) -> list[Barre]:
    return [Barre(f"{ligne.competence.code} {ligne.competence.libelle}", ligne.niveau or 0)
            for ligne in r.lignes]  # fmt: skip


def lignes_directions(groupes) -> list[Barre]:
    return [Barre(g.libelle, g.moyenne or 0, g.masque) for g in groupes]
