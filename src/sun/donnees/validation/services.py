"""Writes of the schema-check wing: a schema an agent adds from a file or a URL, stored under
VAR_DIR/donnees/schemas/ (written atomically; nothing stored when it is refused)."""

import os
import re
import tempfile

from sun.donnees.validation import schemas
from sun.donnees.validation.descripteurs import (
    SchemaRefuse,
    hote_autorise,
    telecharger,
    verifier,
)

ID_VALIDE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*$")
VERSION_VALIDE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$")
TAILLE_LUE = 2 * 1024 * 1024 + 1  # one byte over the limit: `verifier` says it is too big
# schema.data.gouv.fr's form (and its mirrors'): …/schemas/<id>/<version>/schema.json
URL_NATIONALE = re.compile(r"/schemas/(?P<id>[^?#]+)/(?P<version>[^/?#]+)/schema\.json$")


def _reference(descripteur: dict, schema_id: str, version: str, url: str) -> tuple[str, str]:
    if url and (trouve := URL_NATIONALE.search(url)):
        schema_id, version = schema_id or trouve["id"], version or trouve["version"]
    version = version or str(descripteur.get("version") or "").removeprefix("v")
    if not schema_id or not ID_VALIDE.match(schema_id):
        raise SchemaRefuse("Identifiant de schéma manquant ou mal formé : écrivez-le comme "
                           "schema.data.gouv.fr, par exemple scdl/budget.")  # fmt: skip
    if not version or not VERSION_VALIDE.match(version):
        raise SchemaRefuse("Version du schéma manquante ou mal formée (par exemple 0.8.3) : "
                           "le fichier n'en déclare pas, indiquez-la.")  # fmt: skip
    return schema_id, version


def ajouter_schema(
    contenu: bytes | None = None,
    nom: str = "",
    *,
    url: str = "",
    schema_id: str = "",
    version: str = "",
    hotes_connus: bool = False,
) -> schemas.SchemaConnu:
    """Store a Table Schema given as bytes (a file named `nom`) or fetched from `url`; return
    it as known from now on. SchemaRefuse (French message, nothing stored) when it is not a
    Table Schema, cannot be fetched, or would replace a schema shipped with SUN."""
    if contenu is None:
        if hotes_connus and not hote_autorise(url):
            raise SchemaRefuse(
                f"Adresse « {url} » refusée : seules les adresses https des sites des schémas "
                "nationaux (schema.data.gouv.fr et leurs dépôts) sont lues depuis l'espace "
                "agents. Téléchargez le fichier du schéma et joignez-le.")  # fmt: skip
        contenu = telecharger(url)
        nom = url
    descripteur = verifier(contenu, nom or "fichier")
    schema_id, version = _reference(descripteur, schema_id.strip(), version.strip(), url)
    if (schema_id, version) in schemas.LIVRES:
        raise SchemaRefuse(f"Le schéma {schema_id} {version} est déjà livré avec SUN : il "
                           "n'est pas remplacé.")  # fmt: skip
    dossier = schemas.dossier()
    dossier.mkdir(parents=True, exist_ok=True)
    chemin = dossier / schemas.nom_fichier(schema_id, version)
    origine = url or f"fichier « {nom} »"
    descripteur_fd, temporaire = tempfile.mkstemp(dir=dossier, suffix=".tmp")
    try:
        with os.fdopen(descripteur_fd, "wb") as fichier:
            fichier.write(contenu)
        chemin.with_name(chemin.name + schemas.SUFFIXE_ORIGINE).write_text(
            origine, encoding="utf-8"
        )
        os.replace(temporaire, chemin)
    finally:
        if os.path.exists(temporaire):
            os.unlink(temporaire)
    return schemas.obtenir(schema_id, version)
