"""Fetch activity records from La Coop's public API (`GET /activites`, JSON:API pages with a
cursor in `links.next`), then import them like a file: all pages in one transaction.

The API's address and client key are settings (`SUN_COOP_API_URL`, `SUN_COOP_API_CLE`).
"""

import json
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from datetime import datetime
from pathlib import Path

from django.conf import settings

from sun.core.imports import Rapport
from sun.inclusion.activites.importation import ImportActivites, importer

PAGES_MAX = 10_000  # 5 million activities: a guard against a cursor that never ends


class CoopInjoignable(RuntimeError):
    pass


def _page(url: str) -> dict:
    requete = urllib.request.Request(url, headers={"Accept": "application/json"})
    if settings.SUN_COOP_API_CLE:
        requete.add_header("Authorization", f"Bearer {settings.SUN_COOP_API_CLE}")
    try:
        with urllib.request.urlopen(requete, timeout=settings.SUN_COOP_API_DELAI) as reponse:
            return json.load(reponse)
    except urllib.error.HTTPError as exc:
        raise CoopInjoignable(
            f"L'API de La Coop a répondu {exc.code} ({exc.reason}) à {url}."
        ) from exc
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as exc:
        raise CoopInjoignable(
            f"L'API de La Coop est injoignable ou sa réponse illisible : {exc}."
        ) from exc


def recuperer(depuis: datetime | None = None, *, essai: bool = False) -> tuple[Rapport, int]:
    """Every activity created or modified since `depuis`; returns the import report and the
    number of pages read. Nothing is written if a page cannot be read."""
    if not settings.SUN_COOP_API_URL:
        raise CoopInjoignable(
            "Réglez SUN_COOP_API_URL (adresse de l'API v1 de La Coop) et SUN_COOP_API_CLE."
        )
    parametres = {"page[size]": "500"}
    if depuis is not None:
        parametres["filter[modification][depuis]"] = depuis.isoformat().replace("+00:00", "Z")
    url: str | None = (
        f"{settings.SUN_COOP_API_URL.rstrip('/')}/activites?{urllib.parse.urlencode(parametres)}"
    )
    pages = 0
    with tempfile.TemporaryDirectory() as dossier:
        chemin = Path(dossier) / "activites-la-coop.json"
        with chemin.open("w", encoding="utf-8") as sortie:
            sortie.write('{"data": [')
            premier, nombre = True, 0
            while url and pages < PAGES_MAX:
                contenu = _page(url)
                pages += 1
                for element in contenu.get("data") or []:
                    sortie.write(("" if premier else ",") + json.dumps(element, ensure_ascii=False))
                    premier, nombre = False, nombre + 1
                suivant = (contenu.get("links") or {}).get("next")
                a_suivre = (contenu.get("meta") or {}).get("has_next_page", bool(suivant))
                url = urllib.parse.urljoin(url, suivant) if suivant and a_suivre else None
            sortie.write("]}")
        if nombre == 0:  # nothing new since the last fetch
            vide = Rapport(ImportActivites.genre, ImportActivites.libelle, fichier="La Coop (API)")
            return vide, pages
        return importer(chemin, essai=essai, nom_fichier="La Coop (API)"), pages
