"""The metadata-quality score of a dataset: data.gouv.fr's nine yes-or-no criteria (udata,
`compute_quality`), each worth one ninth. Reads the dataset with `ressources_liste` as
`queries.avec_versions` gives it (no query of its own)."""

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from sun.donnees.referentiel import DELAI_FREQUENCE_JOURS, FORMATS_OUVERTS

LONGUEUR_DESCRIPTION = 100  # udata's QUALITY_DESCRIPTION_LENGTH


@dataclass(frozen=True)
class Critere:
    code: str  # udata's name
    libelle: str
    rempli: bool


@dataclass(frozen=True)
class Qualite:
    criteres: tuple[Critere, ...]

    @property
    def remplis(self) -> int:
        return sum(c.rempli for c in self.criteres)

    @property
    def score(self) -> int:
        """In percent, rounded."""
        return round(100 * self.remplis / len(self.criteres))

    @property
    def manquants(self) -> list[Critere]:
        return [c for c in self.criteres if not c.rempli]


def a_jour(jeu, maintenant=None) -> bool | None:
    """Whether the data changed within what the frequency allows (None: no delay expected)."""
    delai = DELAI_FREQUENCE_JOURS.get(jeu.frequence)
    if delai is None:
        return None
    if jeu.modifie_le is None:
        return False
    return (maintenant or timezone.now()) - jeu.modifie_le <= timedelta(days=delai)


def qualite(jeu) -> Qualite:
    ressources = getattr(jeu, "ressources_liste", None)
    if ressources is None:
        ressources = list(jeu.ressources.all())
    documentation = any(r.type == "documentation" for r in ressources)
    frequence_connue = jeu.frequence not in ("unknown", "")
    return Qualite((
        Critere("license", "Une licence est indiquée", bool(jeu.licence)),
        Critere("temporal_coverage", "La couverture temporelle est indiquée",
                bool(jeu.couverture_debut or jeu.couverture_fin)),
        Critere("spatial", "La couverture spatiale est indiquée", bool(jeu.couverture_spatiale)),
        Critere("update_frequency", "La fréquence de mise à jour est indiquée", frequence_connue),
        Critere("update_fulfilled_in_time", "Les données sont à jour au regard de leur fréquence",
                frequence_connue and a_jour(jeu) is not False),
        Critere("dataset_description_quality",
                f"La description compte au moins {LONGUEUR_DESCRIPTION} caractères",
                len((jeu.description or "").strip()) >= LONGUEUR_DESCRIPTION),
        Critere("has_open_format", "Au moins une ressource est dans un format ouvert",
                any(r.format in FORMATS_OUVERTS for r in ressources)),
        Critere("all_resources_available", "Chaque ressource a un fichier publié",
                bool(ressources) and all(getattr(r, "publiee", None) for r in ressources)),
        Critere("resources_documentation", "Chaque ressource est documentée (description ou "
                "schéma) ou le jeu a une documentation",
                bool(ressources) and (documentation or all(r.description or r.schema_id
                                                           for r in ressources))),
    ))  # fmt: skip
