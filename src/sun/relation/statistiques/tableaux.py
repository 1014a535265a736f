"""A table of the statistics pages: its columns, its rows (masked cells already replaced), the
bars of its chart and what the reader must know. Plain values only: it goes into the cache."""

from dataclasses import dataclass, field

from sun.inclusion.activites.statistiques import MASQUE, SEUIL, Ligne, masquer

__all__ = ["MASQUE", "NON_AFFICHE", "SEUIL", "Ligne", "Tableau", "ligne_de_part", "masque",
           "masquer", "part"]  # fmt: skip
# A delay or a share computed on too few requests: not « < 5 », which would read as « less
# than 5 days » or « less than 5 % ».
NON_AFFICHE = "non affiché"


@dataclass
class Tableau:
    code: str
    titre: str
    colonnes: list[str]
    lignes: list[list] = field(default_factory=list)
    graphique: list[Ligne] = field(default_factory=list)
    unite_graphique: str = "demandes"
    note: str = ""

    @property
    def vide(self) -> bool:
        return not self.lignes


def masque(nombre: int) -> int | str:
    """A count of requests as shown: « < 5 » from 1 to 4 (a person could be recognised)."""
    return MASQUE if 0 < nombre < SEUIL else nombre


def part(nombre: int, total: int) -> float | str | None:
    """`nombre` / `total` in %, one decimal; masked when either count could point at people."""
    if not total:
        return None
    if 0 < nombre < SEUIL or total < SEUIL:
        return NON_AFFICHE
    return round(100 * nombre / total, 1)


def ligne_de_part(cle: str, libelle: str, valeur) -> Ligne:
    """A chart bar for a share (its value rounded, no bar when masked)."""
    masquee = not isinstance(valeur, (int, float))
    return Ligne(
        cle, libelle, 0 if masquee else round(valeur), masquee=masquee and valeur is not None
    )
