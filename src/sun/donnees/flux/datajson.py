"""The catalogue as a « data.json »: the Project Open Data metadata schema v1.1, which udata
and CKAN harvesters read (https://resources.data.gov/resources/dcat-us/). The fields that
only apply to US federal agencies (bureauCode, programCode) are left out."""

import json

from sun.donnees import referentiel
from sun.donnees.flux.adresses import Adresses
from sun.donnees.flux.dcat import nom_editeur, url_schema
from sun.donnees.flux.queries import jeux_publies, ressources_publiees
from sun.donnees.models import JeuDeDonnees

SCHEMA_POD = "https://project-open-data.cio.gov/v1.1/schema"
# udata's frequencies as ISO 8601 repeating durations (the schema's accrualPeriodicity).
PERIODICITE = {
    "continuous": "R/PT1S", "hourly": "R/PT1H", "daily": "R/P1D", "weekly": "R/P1W",
    "monthly": "R/P1M", "bimonthly": "R/P2M", "quarterly": "R/P3M", "semiannual": "R/P6M",
    "annual": "R/P1Y", "biennial": "R/P2Y", "triennial": "R/P3Y", "quinquennial": "R/P5Y",
    "irregular": "irregular",
}  # fmt: skip


def _date(valeur) -> str:
    return valeur.isoformat(timespec="seconds")


def _themes(jeu: JeuDeDonnees) -> list[str]:
    return [referentiel.Theme(t).label for t in jeu.themes or [] if t in referentiel.Theme.values]


def _jeu(jeu: JeuDeDonnees, a: Adresses, editeur: str) -> dict:
    page = a.jeu(jeu.slug)
    entree = {
        "@type": "dcat:Dataset",
        "identifier": page,
        "title": jeu.titre,
        "description": jeu.description,
        # The schema requires at least one keyword: the themes' labels stand in if none.
        "keyword": [str(m) for m in jeu.mots_cles or []] or _themes(jeu) or ["données ouvertes"],
        "modified": _date(jeu.modifie_le or jeu.metadonnees_modifiees_le),
        "issued": _date(jeu.publie_le or jeu.cree_le),
        "publisher": {"@type": "org:Organization", "name": jeu.editeur or editeur},
        "contactPoint": {"@type": "vcard:Contact", "fn": jeu.contact_nom or jeu.editeur or editeur},
        "accessLevel": "public",
        "landingPage": page,
        "language": ["fr"],
        "theme": _themes(jeu),
    }
    if jeu.contact_email:
        entree["contactPoint"]["hasEmail"] = f"mailto:{jeu.contact_email}"
    if jeu.licence in referentiel.URL_LICENCE:
        entree["license"] = referentiel.URL_LICENCE[jeu.licence]
    if jeu.couverture_spatiale:
        entree["spatial"] = ",".join(str(c) for c in jeu.couverture_spatiale)
    if jeu.couverture_debut and jeu.couverture_fin:
        entree["temporal"] = f"{jeu.couverture_debut.isoformat()}/{jeu.couverture_fin.isoformat()}"
    if jeu.frequence in PERIODICITE:
        entree["accrualPeriodicity"] = PERIODICITE[jeu.frequence]
    if jeu.schema_id:
        entree["conformsTo"] = url_schema(jeu.schema_id, jeu.schema_version)
    distributions = []
    for publiee in ressources_publiees(jeu):
        r, v = publiee.ressource, publiee.version
        distribution = {
            "@type": "dcat:Distribution",
            "title": r.titre,
            "description": r.description
            or f"Fichier {r.get_format_display()} (version {v.numero}).",
            "accessURL": a.ressource(r.uuid),
            "downloadURL": a.version(r.uuid, v.numero),
            "format": r.get_format_display(),
        }
        type_mime = referentiel.TYPES_CONTENU.get(r.format, "").split(";")[0]
        if type_mime and r.format != "autre":
            distribution["mediaType"] = type_mime
        schema_id = v.schema_id or r.schema_id or jeu.schema_id
        if schema_id:
            version_schema = v.schema_version or r.schema_version or jeu.schema_version
            distribution["conformsTo"] = url_schema(schema_id, version_schema)
            distribution["describedBy"] = distribution["conformsTo"]
            distribution["describedByType"] = "application/json"
        distributions.append(distribution)
    if distributions:
        entree["distribution"] = distributions
    return entree


def catalogue(adresses: Adresses, jeux=None) -> dict:
    """The data.json document of the published datasets (`jeux`: default all of them)."""
    editeur = nom_editeur()
    jeux = list(jeux_publies() if jeux is None else jeux)
    return {
        "@context": f"{SCHEMA_POD}/catalog.jsonld",
        "@id": adresses.flux("donnees_data_json", "/donnees/data.json"),
        "@type": "dcat:Catalog",
        "conformsTo": SCHEMA_POD,
        "describedBy": f"{SCHEMA_POD}/catalog.json",
        "dataset": [_jeu(jeu, adresses, editeur) for jeu in jeux],
    }


def en_texte(document: dict) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2)
