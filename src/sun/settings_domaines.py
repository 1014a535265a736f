"""Settings of the domain applications (relation, accessibility, quality, connectivity),
read from the environment like the rest of `sun.settings`, which imports them at its end."""

import os

# --- relation aux usagers (sun.relation) ---
# Public tracking page and the public deposit form: attempts per client address.
SUN_LIMITE_SUIVI = os.environ.get("SUN_LIMITE_SUIVI", "20/h")
SUN_LIMITE_DEPOT = os.environ.get("SUN_LIMITE_DEPOT", "5/h")
# Démarches Simplifiées (GraphQL API v2) and Publik (w.c.s.): where the requests come from.
SUN_DS_API_URL = os.environ.get(
    "SUN_DS_API_URL", "https://www.demarches-simplifiees.fr/api/v2/graphql"
)
SUN_DS_JETON = os.environ.get("SUN_DS_JETON", "")
SUN_PUBLIK_URL = os.environ.get("SUN_PUBLIK_URL", "")
SUN_PUBLIK_ORIG = os.environ.get("SUN_PUBLIK_ORIG", "")
SUN_PUBLIK_CLE = os.environ.get("SUN_PUBLIK_CLE", "")
# Contacts of requests closed for longer than this are erased (sun relation purger).
SUN_RELATION_CONSERVATION_ANS = int(os.environ.get("SUN_RELATION_CONSERVATION_ANS", "5"))

# --- accessibilite : contrôle automatisé axe-core (sun.accessibilite.controles) ---
# Debian's Chromium, driven by Playwright (never a downloaded browser), and the time allowed
# to open each address before it is reported unreachable.
SUN_CHROMIUM = os.environ.get("SUN_CHROMIUM", "/usr/bin/chromium")
SUN_ACCESSIBILITE_DELAI_S = float(os.environ.get("SUN_ACCESSIBILITE_DELAI_S", "30"))

# --- qualité : import des relevés d'appels (sun.qualite.telephonie.importation) ---
# Key of the HMAC-SHA256 of callers' numbers (repeat-caller figures). Empty: the number is
# dropped at import. The number itself is never stored, nor written in the report of lines.
SUN_TELEPHONIE_CLE = os.environ.get("SUN_TELEPHONIE_CLE", "")

# --- qualité : avis des usagers (sun.qualite.satisfaction) ---
# Answers to the public questionnaire « Je donne mon avis » created per client address; a desk
# tablet's signed address has its own, higher limit (one address serves many people there).
SUN_LIMITE_AVIS = os.environ.get("SUN_LIMITE_AVIS", "10/h")
SUN_LIMITE_AVIS_BORNE = os.environ.get("SUN_LIMITE_AVIS_BORNE", "120/h")
# Public forms of the user panels (volunteering, answering a consultation) per client.
SUN_LIMITE_PANEL = os.environ.get("SUN_LIMITE_PANEL", "10/h")

# --- connectivite : fibre, cuivre, mobile (sun.connectivite) ---
# State aid « Cohésion numérique des territoires » (ANCT): amounts as published, with the date
# they were read; change them here when the scheme changes.
SUN_AIDE_CNT_MONTANTS = {"bon_haut_debit": 150, "tres_haut_debit": 300, "sous_conditions": 600}
SUN_AIDE_CNT_DATE = os.environ.get("SUN_AIDE_CNT_DATE", "2026-01-01")
SUN_AIDE_CNT_URL = (
    "https://agence-cohesion-territoires.gouv.fr/cohesion-numerique-des-territoires-63"
)
# The site's public address (https://sun.exemple.fr): printed on the commune sheets.
SUN_ADRESSE_SITE = os.environ.get("SUN_ADRESSE_SITE", "")
# Reports of difficulties by commune accounts, per account.
SUN_LIMITE_SIGNALEMENTS_COMMUNE = os.environ.get("SUN_LIMITE_SIGNALEMENTS_COMMUNE", "30/h")

# --- parc : parc informatique et numérique responsable (sun.parc) ---
# The département as a buyer, for the yearly AGEC declaration (décret n° 2024-134).
SUN_PARC_SIRET = os.environ.get("SUN_PARC_SIRET", "")
SUN_PARC_RAISON_SOCIALE = os.environ.get("SUN_PARC_RAISON_SOCIALE", "")
# Planned lifetime per type in years ({"portable": 6}); empty: sun.parc.referentiel.
SUN_PARC_DUREES_DE_VIE: dict[str, int] = {}
# Footprint factors shipped in src/sun/parc/empreinte/facteurs/, and the French electricity mix.
SUN_PARC_FACTEURS = os.environ.get("SUN_PARC_FACTEURS", "ademe-arcep-2022")
SUN_PARC_MIX_ELECTRIQUE = float(os.environ.get("SUN_PARC_MIX_ELECTRIQUE", "0.098"))
# Share of the manufacturing footprint a refurbished item avoids (an assumption, shown).
SUN_PARC_EVITEMENT_RECONDITIONNE = float(os.environ.get("SUN_PARC_EVITEMENT_RECONDITIONNE", "0.8"))
# Inventory imports: the commune given to items when the file has none (INSEE code), and
# where the site comes from (GLPI « entite » or « lieu », last segment of the path).
SUN_PARC_COMMUNE = os.environ.get("SUN_PARC_COMMUNE", "")
SUN_PARC_SITE_DEPUIS = os.environ.get("SUN_PARC_SITE_DEPUIS", "entite")

# --- service public de la donnée (sun.donnees) ---
# Publication to data.gouv.fr through its API (udata): base URL of the API, key of the
# account (header X-API-KEY) and id of the organisation owning the datasets. Empty key:
# nothing is sent; the local catalogue never depends on it.
SUN_DATAGOUV_API_URL = os.environ.get("SUN_DATAGOUV_API_URL", "https://www.data.gouv.fr/api/1")
SUN_DATAGOUV_API_CLE = os.environ.get("SUN_DATAGOUV_API_CLE", "")
SUN_DATAGOUV_ORGANISATION = os.environ.get("SUN_DATAGOUV_ORGANISATION", "")
SUN_DATAGOUV_DELAI_S = float(os.environ.get("SUN_DATAGOUV_DELAI_S", "30"))
# Further Table Schemas beyond those shipped: "id@version=path-or-URL" separated by spaces.
SUN_DONNEES_SCHEMAS = os.environ.get("SUN_DONNEES_SCHEMAS", "")
# Largest file an agent may upload to the catalogue, in megabytes.
SUN_DONNEES_TAILLE_MAX_MO = int(os.environ.get("SUN_DONNEES_TAILLE_MAX_MO", "200"))
# Versions of a resource's file kept (older ones are removed; the latest is always kept).
SUN_DONNEES_VERSIONS_GARDEES = int(os.environ.get("SUN_DONNEES_VERSIONS_GARDEES", "30"))
# The Archives départementales, named on elimination slips and in SEDA transfer manifests.
SUN_ARCHIVES_SERVICE = os.environ.get("SUN_ARCHIVES_SERVICE", "Archives départementales")
# Hosts whose https addresses an agent may give for a schema (the national schema sites and
# the repositories they serve from); other schemas are joined as files.
SUN_DONNEES_SCHEMAS_HOTES = os.environ.get(
    "SUN_DONNEES_SCHEMAS_HOTES",
    "schema.data.gouv.fr raw.githubusercontent.com gitlab.com git.opendatafrance.net",
)
