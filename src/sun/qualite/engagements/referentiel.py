"""The commitments of the Services Publics+ programme as reference data: read from
`referentiel.yaml` (8 commitments, programme of July 2024), checked, and loaded by number.
Loading twice writes nothing the second time; a wrong file is refused whole, with its errors
in French, and nothing is written."""

import functools
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml
from django.db import transaction

from sun.qualite.models import Engagement

FICHIER = Path(__file__).with_name("referentiel.yaml")
NOMBRE = 8  # commitments of the programme in force since July 2024
CHAMPS = ("titre", "description", "donnees")


class ReferentielInvalide(ValueError):
    def __init__(self, erreurs: list[str]):
        super().__init__("Référentiel des engagements invalide : " + " ; ".join(erreurs))
        self.erreurs = erreurs


@dataclass(frozen=True)
class EngagementLu:
    numero: int
    titre: str
    description: str
    donnees: str
    indicateurs: tuple[str, ...]


@dataclass(frozen=True)
class Referentiel:
    source: str
    date: date
    engagements: tuple[EngagementLu, ...]

    def indicateurs(self, numero: int) -> tuple[str, ...]:
        for e in self.engagements:
            if e.numero == numero:
                return e.indicateurs
        return ()


@dataclass
class RapportReferentiel:
    crees: list[int] = field(default_factory=list)
    modifies: list[int] = field(default_factory=list)
    inchanges: list[int] = field(default_factory=list)

    def lignes(self) -> list[str]:
        return [
            f"Engagements Services Publics+ : {len(self.crees)} créé(s), "
            f"{len(self.modifies)} mis à jour, {len(self.inchanges)} inchangé(s)."
        ]


def _texte(brut: dict, cle: str, ou: str, erreurs: list[str], maximum: int | None = None) -> str:
    valeur = brut.get(cle, "")
    if valeur is None:
        valeur = ""
    if not isinstance(valeur, str):
        erreurs.append(f"{ou} : « {cle} » doit être un texte")
        return ""
    valeur = " ".join(valeur.split())
    if maximum and len(valeur) > maximum:
        erreurs.append(f"{ou} : « {cle} » dépasse {maximum} caractères")
    return valeur


def lire(chemin: Path = FICHIER) -> Referentiel:
    """The reference file, checked; raises ReferentielInvalide listing every error."""
    try:
        brut = yaml.safe_load(chemin.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ReferentielInvalide([f"fichier illisible ({exc})"]) from exc
    if not isinstance(brut, dict) or not isinstance(brut.get("engagements"), list):
        raise ReferentielInvalide(["il faut une liste « engagements »"])
    erreurs: list[str] = []
    if not isinstance(brut.get("date"), date):
        erreurs.append("« date » (AAAA-MM-JJ) manquante ou invalide")
    source = _texte(brut, "source", "en-tête", erreurs)
    if not source:
        erreurs.append("« source » manquante")
    lus: list[EngagementLu] = []
    for rang, e in enumerate(brut["engagements"], start=1):
        ou = f"engagement n° {rang} de la liste"
        if not isinstance(e, dict):
            erreurs.append(f"{ou} : attendu une fiche (numero, titre, description…)")
            continue
        numero = e.get("numero")
        if not isinstance(numero, int) or isinstance(numero, bool) or numero < 1:
            erreurs.append(f"{ou} : « numero » doit être un entier positif")
            continue
        titre = _texte(e, "titre", ou, erreurs, 200)
        description = _texte(e, "description", ou, erreurs)
        if not titre or not description:
            erreurs.append(f"{ou} : « titre » et « description » sont obligatoires")
        indicateurs = e.get("indicateurs") or []
        if not isinstance(indicateurs, list) or not all(isinstance(c, str) for c in indicateurs):
            erreurs.append(f"{ou} : « indicateurs » doit être une liste de codes")
            indicateurs = []
        lus.append(EngagementLu(numero, titre, description,
                                _texte(e, "mesure", ou, erreurs, 300), tuple(indicateurs)))  # fmt: skip
    numeros = [e.numero for e in lus]
    if len(set(numeros)) != len(numeros):
        erreurs.append("deux engagements portent le même numéro")
    if not erreurs and sorted(numeros) != list(range(1, NOMBRE + 1)):
        erreurs.append(f"le programme en vigueur compte {NOMBRE} engagements numérotés de 1 à "
                       f"{NOMBRE} (lus : {', '.join(map(str, sorted(numeros)))})")  # fmt: skip
    if erreurs:
        raise ReferentielInvalide(erreurs)
    return Referentiel(source, brut["date"], tuple(sorted(lus, key=lambda e: e.numero)))


@functools.cache
def referentiel() -> Referentiel:
    """The shipped reference file, read once per process."""
    return lire()


def charger_engagements(chemin: Path | None = None) -> RapportReferentiel:
    """Create or update the commitments by number, in one transaction. Idempotent: a second
    call finds every commitment unchanged and writes nothing. Commitments no longer in the file
    are kept (self-assessments point to them)."""
    ref = lire(chemin) if chemin else referentiel()
    rapport = RapportReferentiel()
    with transaction.atomic():
        existants = {e.numero: e for e in Engagement.objects.select_for_update()}
        for lu in ref.engagements:
            valeurs = {"titre": lu.titre, "description": lu.description, "donnees": lu.donnees}
            actuel = existants.get(lu.numero)
            if actuel is None:
                Engagement.objects.create(numero=lu.numero, **valeurs)
                rapport.crees.append(lu.numero)
            elif any(getattr(actuel, c) != v for c, v in valeurs.items()):
                Engagement.objects.filter(pk=actuel.pk).update(**valeurs)
                rapport.modifies.append(lu.numero)
            else:
                rapport.inchanges.append(lu.numero)
    return rapport
