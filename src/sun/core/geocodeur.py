"""The optional online geocoder (BAN-compatible API, set with SUN_GEOCODEUR_URL).

Never required: without the setting, or when it does not answer, callers fall back on the
commune (town hall or centroid).
"""

import json
import urllib.parse
import urllib.request
from dataclasses import dataclass

from django.conf import settings

SCORE_MINIMAL = 0.5  # below, the geocoder is guessing


class GeocodeurIndisponible(OSError):
    """Set but unreachable, or its answer is unreadable."""


@dataclass(frozen=True)
class Adresse:
    latitude: float
    longitude: float
    libelle: str
    code_insee: str


def geocodeur_configure() -> bool:
    return bool(settings.SUN_GEOCODEUR_URL)


def geocoder(texte: str, code_insee: str | None = None) -> Adresse | None:
    """The best match for `texte` (in the commune `code_insee` if given), None if unsure or if
    no geocoder is set. Raises GeocodeurIndisponible."""
    url = settings.SUN_GEOCODEUR_URL
    if not url or not texte.strip():
        return None
    requete = {"q": texte.strip()[:200], "limit": 1}
    if code_insee:
        requete["citycode"] = code_insee
    try:
        with urllib.request.urlopen(
            f"{url}?{urllib.parse.urlencode(requete)}", timeout=settings.SUN_GEOCODEUR_DELAI
        ) as reponse:
            resultat = json.load(reponse)
        entites = resultat.get("features") or []
        if not entites:
            return None
        proprietes = entites[0].get("properties") or {}
        if proprietes.get("score", 0) < SCORE_MINIMAL:
            return None
        lon, lat = entites[0]["geometry"]["coordinates"][:2]
        return Adresse(round(float(lat), 6), round(float(lon), 6),
                       str(proprietes.get("label", texte)), str(proprietes.get("citycode", "")))  # fmt: skip
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise GeocodeurIndisponible(str(exc)) from exc
