"""The Table Schemas SUN knows: those shipped in schemas/ (PROVENANCE.md), the fleet's AGEC
declaration schema, those the setting SUN_DONNEES_SCHEMAS adds (« id@version=chemin-ou-URL »
separated by spaces; a URL is fetched once, then read from VAR_DIR/donnees/schemas/reglage/),
and those an agent added from a file or a URL (files under VAR_DIR/donnees/schemas/, written
by `services.ajouter_schema`, found again here at each read)."""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import quote, unquote

from django.conf import settings

from sun.donnees.validation.descripteurs import SchemaRefuse, telecharger, verifier

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

LIVRE, REGLAGE, AJOUTE = "livré avec SUN", "réglage du serveur", "ajouté par un agent"
SUFFIXE_ORIGINE = ".origine.txt"


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
    source: str = LIVRE
    origine: str = ""  # the file or URL it came from (setting, agent), "" when shipped

    @property
    def url(self) -> str:
        return f"https://schema.data.gouv.fr/schemas/{self.id}/{self.version}/schema.json"

    @property
    def page(self) -> str:
        return f"https://schema.data.gouv.fr/{self.id}/{self.version}/"

    @property
    def reference(self) -> str:
        return f"{self.id}@{self.version}"

    def descripteur(self) -> dict:
        return _lire(self.chemin, self.chemin.stat().st_mtime_ns)


@cache
def _lire(chemin: Path, _date: int) -> dict:
    return json.loads(chemin.read_text(encoding="utf-8"))


def _titre(chemin: Path) -> str:
    try:
        return _lire(chemin, chemin.stat().st_mtime_ns).get("title") or chemin.stem
    except (OSError, ValueError):
        return chemin.stem


def dossier() -> Path:
    """VAR_DIR/donnees/schemas/: the schemas agents added."""
    return Path(settings.VAR_DIR) / "donnees" / "schemas"


def nom_fichier(schema_id: str, version: str) -> str:
    return f"{quote(schema_id, safe='')}@{quote(version, safe='')}.json"


def _ajoutes() -> dict[tuple[str, str], SchemaConnu]:
    trouves = {}
    racine = dossier()
    if not racine.is_dir():
        return trouves
    for chemin in sorted(racine.glob("*@*.json")):
        schema_id, _, version = chemin.name[: -len(".json")].rpartition("@")
        cle = (unquote(schema_id), unquote(version))
        origine = chemin.with_name(chemin.name + SUFFIXE_ORIGINE)
        texte = origine.read_text(encoding="utf-8").strip() if origine.exists() else ""
        trouves[cle] = SchemaConnu(*cle, _titre(chemin), chemin, AJOUTE, texte)
    return trouves


def reglage() -> list[tuple[str, str, str]]:
    """The entries of SUN_DONNEES_SCHEMAS as (id, version, path or URL); malformed ones are
    skipped (`sun donnees schemas` names them)."""
    entrees = []
    for entree in str(getattr(settings, "SUN_DONNEES_SCHEMAS", "") or "").split():
        reference, egal, cible = entree.partition("=")
        schema_id, arobase, version = reference.rpartition("@")
        if egal and arobase and schema_id and version and cible:
            entrees.append((schema_id, version, cible))
    return entrees


def _depuis_reglage(schema_id: str, version: str, cible: str, charger: bool) -> SchemaConnu:
    if not cible.startswith(("http://", "https://")):
        chemin = Path(cible)
        return SchemaConnu(schema_id, version, _titre(chemin), chemin, REGLAGE, cible)
    chemin = dossier() / "reglage" / nom_fichier(schema_id, version)
    if charger and not chemin.exists():
        contenu = telecharger(cible)
        verifier(contenu, cible)
        chemin.parent.mkdir(parents=True, exist_ok=True)
        temporaire = chemin.with_suffix(".tmp")
        temporaire.write_bytes(contenu)
        temporaire.replace(chemin)
    titre = _titre(chemin) if chemin.exists() else schema_id
    return SchemaConnu(schema_id, version, titre, chemin, REGLAGE, cible)


def connus() -> list[SchemaConnu]:
    """Every known schema, by id then version (shipped ones win over the others)."""
    tous: dict[tuple[str, str], SchemaConnu] = dict(_ajoutes())
    for schema_id, version, cible in reglage():
        tous[(schema_id, version)] = _depuis_reglage(schema_id, version, cible, charger=False)
    for (i, v), c in LIVRES.items():
        tous[(i, v)] = SchemaConnu(i, v, _titre(c), c)
    return [tous[cle] for cle in sorted(tous)]


def obtenir(schema_id: str, version: str) -> SchemaConnu:
    """The schema `schema_id` at `version`; SchemaInconnu if SUN has none; SchemaRefuse if a
    schema of the setting cannot be fetched or is not a Table Schema."""
    cle = (schema_id, version)
    if cle in LIVRES:
        return SchemaConnu(schema_id, version, _titre(LIVRES[cle]), LIVRES[cle])
    for i, v, cible in reglage():
        if (i, v) == cle:
            return _depuis_reglage(i, v, cible, charger=True)
    if cle in (ajoutes := _ajoutes()):
        return ajoutes[cle]
    raise SchemaInconnu(cle)


def analyser_reference(texte: str) -> tuple[str, str]:
    """« scdl/subventions@2.1.1 » → ("scdl/subventions", "2.1.1"); ValueError otherwise."""
    schema_id, arobase, version = (texte or "").strip().rpartition("@")
    if not (arobase and schema_id and version):
        raise ValueError(f"Référence de schéma « {texte} » mal formée : écrivez "
                         "identifiant@version, par exemple scdl/subventions@2.1.1.")  # fmt: skip
    return schema_id, version


__all__ = ["SchemaConnu", "SchemaInconnu", "SchemaRefuse", "connus", "obtenir"]
