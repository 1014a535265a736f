"""The Table Schemas SUN knows: those shipped in schemas/ (PROVENANCE.md), the fleet's AGEC
declaration schema, and those the setting SUN_DONNEES_SCHEMAS adds."""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ICI = Path(__file__).parent / "schemas"
PARC = Path(__file__).parents[2] / "parc" / "taux" / "schemas"

LIVRES: dict[tuple[str, str], Path] = {
    ("scdl/subventions", "2.1.1"): ICI / "scdl-subventions_2.1.1_schema.json",
    ("scdl/deliberations", "2.1.5"): ICI / "scdl-deliberations_2.1.5_schema.json",
    ("scdl/catalogue", "0.1.3"): ICI / "scdl-catalogue_0.1.3_schema.json",
    ("scdl/equipements", "0.1.5"): ICI / "scdl-equipements_0.1.5_schema.json",
    ("Archivistes75/registre_entrees", "0.4.1"):
        ICI / "archivistes75-registre-entrees_0.4.1_schema.json",
    ("etalab/schema-impact-service-public-numerique", "0.5.0"):
        ICI / "etalab-impact-service-public-numerique_0.5.0_schema.json",
    ("LaMednum/standard-mediation-num", "1.0.1"):
        ICI / "lamednum-standard-mediation-num_1.0.1_schema.json",
    ("datagouv/schema-declaration-biens-reemploi-reutilisation-recycle", "0.1.0"):
        PARC / "schema-declaration-biens-reemploi-reutilisation-recycle_0.1.0.json",
}  # fmt: skip


class SchemaInconnu(LookupError):
    def __str__(self) -> str:
        schema_id, version = self.args[0]
        return (f"Schéma inconnu : « {schema_id} » version {version or '(aucune)'}. "
                "Choisissez un schéma de la liste ou chargez-le depuis un fichier.")  # fmt: skip


@dataclass(frozen=True)
class SchemaConnu:
    id: str
    version: str
    titre: str
    chemin: Path

    @property
    def url(self) -> str:
        return f"https://schema.data.gouv.fr/schemas/{self.id}/{self.version}/schema.json"


@cache
def _titre(chemin: Path) -> str:
    return json.loads(chemin.read_text(encoding="utf-8")).get("title", chemin.stem)


def connus() -> list[SchemaConnu]:
    return [SchemaConnu(i, v, _titre(c), c) for (i, v), c in sorted(LIVRES.items())]


def obtenir(schema_id: str, version: str) -> SchemaConnu:
    chemin = LIVRES.get((schema_id, version))
    if chemin is None:
        raise SchemaInconnu((schema_id, version))
    return SchemaConnu(schema_id, version, _titre(chemin), chemin)
