"""The value lists of the data service, as the national standards spell them: the portal's
themes, the licences of décret n° 2017-638, update frequencies (udata codes with the
`scdl/catalogue` labels and DCAT-AP's EU frequency authority), spatial granularities."""

from django.db import models


class Licence(models.TextChoices):
    # Décret n° 2017-638 (CRPA L323-2): the licences an administration may offer for data.
    LO_2 = "lo-2.0", "Licence Ouverte 2.0 (Etalab)"
    ODBL = "odbl-1.0", "Open Database License (ODbL) 1.0"


LICENCE_DEFAUT = Licence.LO_2
URL_LICENCE = {
    Licence.LO_2: "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
    Licence.ODBL: "https://opendatacommons.org/licenses/odbl/1-0/",
}
# The identifiers data.gouv.fr gives these licences (GET /api/1/datasets/licenses/).
LICENCE_DATAGOUV = {Licence.LO_2: "fr-lo", Licence.ODBL: "odc-odbl"}
# `scdl/catalogue` LICENCE enum.
LICENCE_SCDL = {Licence.LO_2: "Licence Ouverte-LO", Licence.ODBL: "Open Database License-ODBL"}


class Theme(models.TextChoices):
    # The ten themes of the Département's portal (opendata.aude.fr), as the schéma lists them.
    SOLIDARITES = "solidarites", "Action sociale, solidarités"
    TRANSPORTS = "transports", "Routes, transports"
    EDUCATION = "education", "Éducation, jeunesse"
    CULTURE = "culture", "Culture, patrimoine, loisirs"
    INSTITUTIONS = "institutions", "Institutions, territoire"
    SPORTS = "sports", "Sports"
    ECONOMIE = "economie", "Économie"
    DEMOCRATIE = "democratie", "Démocratie, citoyenneté"
    ENVIRONNEMENT = "environnement", "Nature, environnement"
    AGRICULTURE = "agriculture", "Terroir, agriculture"


class Frequence(models.TextChoices):
    # udata's UpdateFrequency codes; labels of `scdl/catalogue` FREQ_MAJ.
    CONTINUE = "continuous", "Continuelle"
    HORAIRE = "hourly", "Toutes les heures"
    QUOTIDIENNE = "daily", "Quotidienne ou plusieurs fois par jour"
    HEBDOMADAIRE = "weekly", "Hebdomadaire ou plusieurs fois par semaine"
    MENSUELLE = "monthly", "Mensuelle ou plusieurs fois par mois"
    BIMESTRIELLE = "bimonthly", "Bimestrielle"
    TRIMESTRIELLE = "quarterly", "Trimestrielle"
    SEMESTRIELLE = "semiannual", "Semestrielle"
    ANNUELLE = "annual", "Annuelle"
    BIENNALE = "biennial", "Biennale"
    TRIENNALE = "triennial", "Triennale"
    QUINQUENNALE = "quinquennial", "Quinquennale"
    PONCTUELLE = "punctual", "Ponctuelle"
    IRREGULIERE = "irregular", "Irrégulière"
    INCONNUE = "unknown", "Inconnue"


# Longest expected gap between two updates, in days (None: no freshness expected).
DELAI_FREQUENCE_JOURS: dict[str, int | None] = {
    "continuous": 1, "hourly": 1, "daily": 2, "weekly": 8, "monthly": 32, "bimonthly": 62,
    "quarterly": 93, "semiannual": 184, "annual": 366, "biennial": 731, "triennial": 1096,
    "quinquennial": 1827, "punctual": None, "irregular": None, "unknown": None,
}  # fmt: skip
# EU frequency authority (DCAT-AP dct:accrualPeriodicity).
FREQUENCE_EU = {
    "continuous": "CONT", "hourly": "HOURLY", "daily": "DAILY", "weekly": "WEEKLY",
    "monthly": "MONTHLY", "bimonthly": "BIMONTHLY", "quarterly": "QUARTERLY",
    "semiannual": "ANNUAL_2", "annual": "ANNUAL", "biennial": "BIENNIAL",
    "triennial": "TRIENNIAL", "quinquennial": "QUINQUENNIAL", "punctual": "OP_DATPRO",
    "irregular": "IRREG", "unknown": "UNKNOWN",
}  # fmt: skip


class Maille(models.TextChoices):
    # `scdl/catalogue` COUV_SPAT_MAILLE.
    INFRACOMMUNALE = "Infracommunale"
    COMMUNALE = "Communale"
    INTERCOMMUNALE = "Intercommunale"
    CANTONALE = "Cantonale"
    DEPARTEMENTALE = "Départementale"
    REGIONALE = "Régionale"
    AUTRE = "Autre"


class Format(models.TextChoices):
    CSV = "csv", "CSV"
    JSON = "json", "JSON"
    GEOJSON = "geojson", "GeoJSON"
    XLSX = "xlsx", "XLSX (tableur)"
    ODS = "ods", "ODS (tableur)"
    JSONLD = "jsonld", "JSON-LD"
    PDF = "pdf", "PDF"
    ZIP = "zip", "ZIP"
    AUTRE = "autre", "Autre"


FORMATS_OUVERTS = {"csv", "json", "geojson", "ods", "jsonld", "zip"}
TYPES_CONTENU = {
    "csv": "text/csv; charset=utf-8", "json": "application/json",
    "geojson": "application/geo+json", "jsonld": "application/ld+json",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ods": "application/vnd.oasis.opendocument.spreadsheet", "pdf": "application/pdf",
    "zip": "application/zip", "autre": "application/octet-stream",
}  # fmt: skip
