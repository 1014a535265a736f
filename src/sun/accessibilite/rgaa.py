"""The RGAA rules SUN applies, as pure functions (no database): the criteria of the version in
force, the compliance rate, the compliance state and the due date of a declaration.

Rules (accessibilite.numerique.gouv.fr, « obligations », and the RGAA 4.1.2 method):
- compliance rate = validated criteria ÷ applicable criteria (a criterion is applicable if it
  applies to at least one page of the sample, validated if it passes on every page);
- state: « totalement conforme » at 100 %, « partiellement conforme » from 50 %, « non
  conforme » under 50 % or without a valid audit;
- a declaration is valid until a substantial change or redesign, at most 3 years, and at most
  18 months after a new version of the RGAA for those established with an older one.
"""

import json
import re
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path

from django.db import models

DONNEES = Path(__file__).resolve().parent / "donnees"
FICHIER_CRITERES = DONNEES / "rgaa-4.1.2_criteres.json"

# Versions of the RGAA a declaration may cite, oldest first, with the date each was published
# (None when SUN does not need it: only a successor's date moves a due date). A new version
# goes at the end, with its criteria file in donnees/.
VERSIONS: tuple[tuple[str, date | None], ...] = (
    ("RGAA 4.1", None),
    ("RGAA 4.1.2", date(2023, 4, 18)),
)
VERSION_EN_VIGUEUR = VERSIONS[-1][0]
NOMBRE_CRITERES = 106
VALIDITE_ANS = 3
DELAI_NOUVELLE_VERSION_MOIS = 18
SEUIL_PARTIEL = Decimal(50)


class Etat(models.TextChoices):
    NON = "non", "non conforme"
    PARTIEL = "partiel", "partiellement conforme"
    TOTAL = "total", "totalement conforme"


class EtatCritere(models.TextChoices):
    CONFORME = "C", "Conforme"
    NON_CONFORME = "NC", "Non conforme"
    NON_APPLICABLE = "NA", "Non applicable"


@dataclass(frozen=True)
class Critere:
    numero: str  # « 1.1 »
    theme: str
    titre: str  # plain text, glossary links removed


@dataclass(frozen=True)
class Theme:
    numero: int
    nom: str
    criteres: tuple[Critere, ...]


_LIEN = re.compile(r"\[([^\]]+)\]\([^)]*\)")


def _texte(balise: str) -> str:
    return _LIEN.sub(r"\1", balise).replace("`", "").strip()


@cache
def themes() -> tuple[Theme, ...]:
    """The 13 themes of the RGAA in force, with their 106 criteria, in upstream's order."""
    brut = json.loads(FICHIER_CRITERES.read_text(encoding="utf-8"))
    resultat = []
    for sujet in brut["topics"]:
        criteres = tuple(
            Critere(
                f"{sujet['number']}.{c['criterium']['number']}",
                sujet["topic"],
                _texte(c["criterium"]["title"]),
            )
            for c in sujet["criteria"]
        )
        resultat.append(Theme(int(sujet["number"]), sujet["topic"], criteres))
    return tuple(resultat)


@cache
def numeros() -> tuple[str, ...]:
    return tuple(c.numero for t in themes() for c in t.criteres)


def taux(valides: int, applicables: int) -> Decimal | None:
    """Validated ÷ applicable criteria, in %, two decimals (None without applicable criterion)."""
    if not applicables:
        return None
    return (Decimal(100) * valides / applicables).quantize(Decimal("0.01"), ROUND_HALF_UP)


def chiffres_de_la_grille(etats: dict[str, str]) -> tuple[int, int]:
    """(validated, applicable) criteria of a grid {criterion: C / NC / NA}."""
    valides = sum(1 for e in etats.values() if e == EtatCritere.CONFORME)
    applicables = sum(1 for e in etats.values() if e != EtatCritere.NON_APPLICABLE)
    return valides, applicables


def etat(taux_conformite: Decimal | None, audit_valide: bool) -> Etat:
    if not audit_valide or taux_conformite is None:
        return Etat.NON
    if taux_conformite >= 100:
        return Etat.TOTAL
    if taux_conformite >= SEUIL_PARTIEL:
        return Etat.PARTIEL
    return Etat.NON


def _plus_mois(jour: date, mois: int) -> date:
    annee, rang = divmod(jour.month - 1 + mois, 12)
    annee += jour.year
    for fin in (jour.day, 30, 29, 28):
        try:
            return date(annee, rang + 1, fin)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def echeance(etablie_le: date | None, methode: str, refonte_le: date | None = None) -> date | None:
    """The last day a declaration established on `etablie_le` with `methode` stays valid: the
    earliest of +3 years, a newer RGAA version + 18 months, and a redesign after it. None when
    no declaration (nor audit) exists: it is due now."""
    if etablie_le is None:
        return None
    fins = [_plus_mois(etablie_le, 12 * VALIDITE_ANS)]
    noms = [nom for nom, _ in VERSIONS]
    if methode in noms:
        for _, publiee in VERSIONS[noms.index(methode) + 1 :]:
            if publiee is not None:
                fins.append(_plus_mois(publiee, DELAI_NOUVELLE_VERSION_MOIS))
                break
    if refonte_le is not None and refonte_le > etablie_le:
        fins.append(refonte_le)
    return min(fins)
