"""The indicator registry: the spine that dashboards, pilotage and open data read.

Each domain app declares its indicators in its own `indicators.py` (loaded at start-up):

    from sun.core.indicators import Indicateur, Niveau, Valeur, declarer

    declarer(Indicateur(
        code="territoire.population",
        libelle="Population municipale",
        unite="habitants",
        niveaux=(Niveau.COMMUNE, Niveau.EPCI, Niveau.DEPARTEMENT),
        calcul=population,          # (niveau, code_territoire) -> Valeur
        source="INSEE, populations légales",
    ))

A computed `Valeur` always carries the date its data refer to and its source, so that every
figure shown or exported can say where it comes from and as of when.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class Niveau(StrEnum):
    COMMUNE = "commune"
    EPCI = "epci"
    DEPARTEMENT = "departement"
    # A service of the département (code = relation.ServiceInstructeur.code): quality of
    # service figures are per service, not per territory.
    SERVICE = "service"
    # A direction of the département (code = competences.Direction.code): training, skills
    # and requests on the tools are per direction.
    DIRECTION = "direction"


class IndicateurInconnu(KeyError):
    def __str__(self) -> str:
        return f"Indicateur inconnu : « {self.args[0]} »."


class NiveauNonCalcule(ValueError):
    pass


class TerritoireInconnu(LookupError):
    pass


class PeriodeNonCalculee(ValueError):
    pass


@dataclass(frozen=True)
class Periode:
    """A period of dates, both days included (a year of published results, a quarter…)."""

    du: date
    au: date

    @classmethod
    def annee(cls, annee: int, jusqu_au: date | None = None) -> "Periode":
        """The calendar year `annee`, cut at `jusqu_au` when the year is not over."""
        fin = date(annee, 12, 31)
        return cls(date(annee, 1, 1), min(fin, jusqu_au) if jusqu_au else fin)

    def __str__(self) -> str:
        if (self.du.month, self.du.day, self.au.month, self.au.day) == (1, 1, 12, 31) and (
            self.du.year == self.au.year
        ):
            return f"année {self.du.year}"
        return f"du {self.du:%d/%m/%Y} au {self.au:%d/%m/%Y}"


@dataclass(frozen=True)
class Valeur:
    valeur: float | int | None
    date: date | None  # date the underlying data refer to
    source: str
    # What the reader must know to read the value (« 134 lieux de démonstration non comptés »).
    note: str = ""


def note_demonstration(nombre: int, quoi: str) -> str:
    """« 134 lieux de démonstration non comptés » (empty when there are none): what a value
    computed without the demonstration content leaves out."""
    if not nombre:
        return ""
    return f"{nombre} {quoi} de démonstration non compté{'s' if nombre > 1 else ''}"


# Figures about people are not shown under this count (nor shares and delays over fewer).
SEUIL_PERSONNES = 5
NON_AFFICHE = f"non affiché (moins de {SEUIL_PERSONNES})"


def note_trop_peu(nombre: int, seuil: int, quoi: str, note: str = "") -> str:
    """The note of a value not shown because it counts fewer than `seuil` people (« Moins de 5
    appels. »), or `note` (what was left out) when given; empty when there is nothing at all
    (nothing recorded yet is not « fewer than 5 »)."""
    return note or (f"Moins de {seuil} {quoi}." if nombre else "")


@dataclass(frozen=True)
class Indicateur:
    code: str
    libelle: str
    unite: str
    niveaux: tuple[Niveau, ...]
    calcul: Callable[[Niveau, str], Valeur] = field(repr=False)
    source: str
    description: str = ""
    # "hausse" if a higher value is better, "baisse" if lower is better, "" if neutral.
    sens: str = ""
    # The calculation also accepts `periode=Periode(...)`: the value over those dates only
    # (without it: over all the data, as for every indicator).
    par_periode: bool = False

    def calculer(
        self, niveau: Niveau | str, code_territoire: str, periode: Periode | None = None
    ) -> Valeur:
        niveau = Niveau(niveau)
        if niveau not in self.niveaux:
            niveaux = ", ".join(n.value for n in self.niveaux)
            raise NiveauNonCalcule(
                f"L'indicateur « {self.code} » n'est pas calculé au niveau {niveau.value} "
                f"(niveaux possibles : {niveaux})."
            )
        if periode is None:
            return self.calcul(niveau, code_territoire)
        if not self.par_periode:
            raise PeriodeNonCalculee(
                f"L'indicateur « {self.code} » n'est pas calculé sur une période choisie."
            )
        return self.calcul(niveau, code_territoire, periode=periode)


_REGISTRE: dict[str, Indicateur] = {}


def declarer(indicateur: Indicateur) -> Indicateur:
    if indicateur.code in _REGISTRE and _REGISTRE[indicateur.code] != indicateur:
        raise ValueError(f"Indicateur déclaré deux fois : {indicateur.code}")
    _REGISTRE[indicateur.code] = indicateur
    return indicateur


def obtenir(code: str) -> Indicateur:
    try:
        return _REGISTRE[code]
    except KeyError:
        raise IndicateurInconnu(code) from None


def tous() -> list[Indicateur]:
    return sorted(_REGISTRE.values(), key=lambda i: i.code)
