"""The data.gouv.fr API (udata, NOTES-donnees §3): what SUN sends for a dataset and its
resources, and one JSON exchange with its failures told in French.

Resources are « remote »: data.gouv.fr points at SUN's stable address of each resource, so it
always serves SUN's latest published file and SUN never depends on it to serve its own.
`urllib`, as the other remote tools (`sun.relation.importation.reseau`): three calls, no
dependency to add; the `datagouv-client` wrapper would bring nothing these calls need."""

import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.utils.text import slugify

from sun.donnees import referentiel
from sun.donnees.flux.adresses import Adresses
from sun.donnees.flux.queries import RessourcePubliee
from sun.donnees.models import JeuDeDonnees

REPONSE_MAX = 5 * 1024 * 1024
OUTIL = "data.gouv.fr"
# scdl/catalogue granularity → udata's spatial granularity.
GRANULARITE = {
    referentiel.Maille.COMMUNALE: "fr:commune", referentiel.Maille.INTERCOMMUNALE: "fr:epci",
    referentiel.Maille.DEPARTEMENTALE: "fr:departement",
    referentiel.Maille.REGIONALE: "fr:region",
}  # fmt: skip


class ErreurDatagouv(Exception):
    """data.gouv.fr refused, failed, did not answer or answered something unreadable."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Reglages:
    url: str
    cle: str
    organisation: str
    delai: float

    @property
    def actif(self) -> bool:
        return bool(self.cle)


def reglages() -> Reglages:
    return Reglages(
        url=(getattr(settings, "SUN_DATAGOUV_API_URL", "") or
             "https://www.data.gouv.fr/api/1").rstrip("/"),
        cle=(getattr(settings, "SUN_DATAGOUV_API_CLE", "") or "").strip(),
        organisation=(getattr(settings, "SUN_DATAGOUV_ORGANISATION", "") or "").strip(),
        delai=float(getattr(settings, "SUN_DATAGOUV_DELAI_S", 30)),
    )  # fmt: skip


def active() -> bool:
    """Whether publication to data.gouv.fr is configured (a key is set)."""
    return reglages().actif


def _detail(exc: urllib.error.HTTPError) -> str:
    """udata's own explanation of a refusal (« message » or « errors »), shortened."""
    try:
        corps = json.loads(exc.read(20_000) or b"{}")
    except (ValueError, OSError):
        return ""
    if not isinstance(corps, dict):
        return ""
    texte = corps.get("message") or corps.get("errors") or ""
    texte = texte if isinstance(texte, str) else json.dumps(texte, ensure_ascii=False)
    return f" : {texte[:300]}" if texte else ""


def echanger(r: Reglages, methode: str, chemin: str, charge: dict) -> dict:
    """Send `charge` as JSON to `chemin` of the API, return the JSON object answered."""
    requete = urllib.request.Request(
        f"{r.url}{chemin}", data=json.dumps(charge).encode(), method=methode,
        headers={"X-API-KEY": r.cle, "Content-Type": "application/json",
                 "Accept": "application/json", "User-Agent": "SUN (service public de la donnée)"},
    )  # fmt: skip
    attente = f"{OUTIL} ne répond pas (délai de {r.delai:g} s dépassé)"
    try:
        with urllib.request.urlopen(requete, timeout=r.delai) as reponse:
            contenu = reponse.read(REPONSE_MAX + 1)
    except urllib.error.HTTPError as exc:
        if exc.code in (401, 403):
            raise ErreurDatagouv(f"{OUTIL} refuse l'accès (HTTP {exc.code}) : vérifiez la clé "
                                 "d'API et les droits du compte sur l'organisation.") from exc  # fmt: skip
        if exc.code == 404:
            raise ErreurDatagouv(f"{OUTIL} ne trouve pas {chemin} (HTTP 404) : le jeu ou la "
                                 "ressource y a peut-être été supprimé.") from exc  # fmt: skip
        raise ErreurDatagouv(
            f"{OUTIL} a répondu une erreur HTTP {exc.code} ({exc.reason}) à {methode} "
            f"{chemin}{_detail(exc)}."
        ) from exc
    except TimeoutError as exc:
        raise ErreurDatagouv(f"{attente}.") from exc
    except (urllib.error.URLError, OSError) as exc:
        raison = getattr(exc, "reason", exc)
        if isinstance(raison, TimeoutError):
            raise ErreurDatagouv(f"{attente}.") from exc
        raise ErreurDatagouv(f"{OUTIL} est injoignable ({raison}).") from exc
    if len(contenu) > REPONSE_MAX:
        raise ErreurDatagouv(f"Réponse de {OUTIL} trop volumineuse à {methode} {chemin}.")
    try:
        objet = json.loads(contenu)
    except ValueError as exc:
        raise ErreurDatagouv(f"Réponse de {OUTIL} illisible à {methode} {chemin} : ce n'est "
                             "pas du JSON.") from exc  # fmt: skip
    if not isinstance(objet, dict) or not objet.get("id"):
        raise ErreurDatagouv(f"Réponse de {OUTIL} inattendue à {methode} {chemin} : aucun "
                             "identifiant.")  # fmt: skip
    return objet


def charge_jeu(jeu: JeuDeDonnees, r: Reglages) -> dict:
    """The udata dataset for `jeu`."""
    charge = {
        "title": jeu.titre,
        "description": jeu.description,
        "frequency": jeu.frequence or "unknown",
        "tags": [t for t in (slugify(str(m)) for m in jeu.mots_cles or []) if len(t) >= 3],
    }
    if r.organisation:
        charge["organization"] = r.organisation
    if jeu.licence in referentiel.LICENCE_DATAGOUV:
        charge["license"] = referentiel.LICENCE_DATAGOUV[jeu.licence]
    if jeu.couverture_debut:
        fin = jeu.couverture_fin or date.today()
        charge["temporal_coverage"] = {"start": jeu.couverture_debut.isoformat(),
                                       "end": fin.isoformat()}  # fmt: skip
    granularite = GRANULARITE.get(jeu.maille)
    codes = [str(c).strip().upper() for c in jeu.couverture_spatiale or []]
    if granularite in ("fr:commune", "fr:departement") and codes:
        charge["spatial"] = {"zones": [f"{granularite}:{c}" for c in codes],
                             "granularity": granularite}  # fmt: skip
    elif granularite:
        charge["spatial"] = {"granularity": granularite}
    return charge


def charge_ressource(jeu: JeuDeDonnees, publiee: RessourcePubliee, a: Adresses) -> dict:
    """The udata remote resource for one resource: SUN's stable address and its current file."""
    ressource, version = publiee.ressource, publiee.version
    charge = {
        "url": a.ressource(ressource.uuid),
        "title": ressource.titre,
        "description": ressource.description,
        "filetype": "remote",
        "type": ressource.type,
        "format": ressource.format,
        "filesize": version.taille,
        "checksum": {"type": "sha256", "value": version.sha256},
    }
    type_mime = referentiel.TYPES_CONTENU.get(ressource.format, "").split(";")[0]
    if type_mime and ressource.format != "autre":
        charge["mime"] = type_mime
    schema_id = version.schema_id or ressource.schema_id or jeu.schema_id
    if schema_id:
        schema_version = version.schema_version or ressource.schema_version or jeu.schema_version
        charge["schema"] = {"name": schema_id, "version": schema_version}
    return charge
