"""Mapping files for sources of places (docs/correspondances.md): the standard's fields,
enumerations and multi-valued fields, for the pipeline's declarative mappings."""

from pathlib import Path

from sun.core.imports import Cible, Correspondance
from sun.inclusion.lieux.standard import CHAMPS_MULTIPLES, CHAMPS_V1, ENUMERATIONS

# v0.1 names a mapping may also feed (they are converted to v1 on import).
CHAMPS_V01 = {"publics_accueillis", "conditions_acces", "labels_nationaux", "labels_autres",
              "courriel", "accessibilite", "cle_ban"}  # fmt: skip
CIBLE = Cible(
    champs=set(CHAMPS_V1) | CHAMPS_V01,
    formats=("v1", "v0.1", "libre"),
    enumerations=ENUMERATIONS,
    multiples=CHAMPS_MULTIPLES,
    nom="du standard",
)


def charger(chemin: Path) -> Correspondance:
    """A mapping file (YAML) for places; CorrespondanceInvalide lists every problem."""
    return Correspondance.depuis_fichier(Path(chemin), CIBLE)


def depuis_dict(contenu, chemin: str = "") -> Correspondance:
    return Correspondance.depuis_dict(contenu, CIBLE, chemin)


def depuis_texte(texte: str, chemin: str = "") -> Correspondance:
    """A mapping's YAML text (an uploaded file); errors name their lines."""
    return Correspondance.depuis_texte(texte, CIBLE, chemin)
