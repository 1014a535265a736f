"""The aggregated figures of the diagnoses, for the département and per direction: from the
latest finished diagnosis of each real person, masked under `SEUIL_PERSONNES` people. Nobody's
answers leave this module: only means over 5 people or more."""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from sun.competences import referentiel
from sun.competences.diagnostic import calcul
from sun.competences.models import Diagnostic, Direction
from sun.core.indicators import SEUIL_PERSONNES

SOURCE = "SUN, diagnostics de compétences numériques (autoévaluation sur le CRCN)"


@dataclass(frozen=True)
class Groupe:
    code: str
    libelle: str
    agregat: calcul.Agregat
    date: date | None

    @property
    def masque(self) -> bool:
        return self.agregat.nb_personnes < SEUIL_PERSONNES

    def competence(self, code: str) -> float | None:
        return None if self.masque else self.agregat.par_competence.get(code)

    def domaine(self, code: str) -> float | None:
        return None if self.masque else self.agregat.par_domaine.get(code)

    @property
    def moyenne(self) -> float | None:
        return None if self.masque else self.agregat.moyenne


def _lignes(direction: str | None = None, demonstration: bool = False) -> list[tuple]:
    qs = (Diagnostic.objects.de_demonstration_comptables() if demonstration
          else Diagnostic.objects.comptables())  # fmt: skip
    if direction is not None:
        qs = qs.de_direction(direction)
    return list(qs.values_list("personne__direction__code", "reponses", "termine_le"))


def _date(lignes) -> date | None:
    dates = [t for _, _, t in lignes if t]
    return timezone.localdate(max(dates)) if dates else None


def departement() -> Groupe:
    lignes = _lignes()
    return Groupe("departement", "Ensemble du Département",
                  calcul.agreger([r for _, r, _ in lignes]), _date(lignes))  # fmt: skip


def direction(code: str) -> Groupe:
    lignes = _lignes(code)
    d = Direction.objects.par_code(code)
    return Groupe(code, str(d) if d else code, calcul.agreger([r for _, r, _ in lignes]),
                  _date(lignes))  # fmt: skip


def par_direction(demonstration: bool = False) -> list[Groupe]:
    """Every real direction (or every demonstration one, shown apart and never counted), in
    name order, with its figures (masked under 5 people)."""
    lignes = _lignes(demonstration=demonstration)
    directions = (
        Direction.objects.de_demonstration() if demonstration else Direction.objects.reels()
    )
    groupes = []
    for d in directions.order_by("nom"):
        siennes = [ligne for ligne in lignes if ligne[0] == d.code]
        groupes.append(Groupe(d.code, str(d), calcul.agreger([r for _, r, _ in siennes]),
                              _date(siennes)))  # fmt: skip
    return groupes


def nb_demonstration() -> int:
    return Diagnostic.objects.nb_demonstration()


def libelle_domaine(code: str) -> str:
    return f"{code}. {referentiel.DOMAINES[code]}"
