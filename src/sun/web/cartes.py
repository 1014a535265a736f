"""Vector map layers served by SUN: GeoJSON of communes, built once per territory load.

No tile server: the browser draws these layers as SVG (static/sun/js/carte.js). Responses
are cached on disk (keyed by the last territory load), gzip-compressed by the middleware and
sent with an ETag and Cache-Control so browsers keep them.
"""

import hashlib
import json

from django.conf import settings
from django.core.cache import cache

from sun.territoire.models import ChargementTerritoire, Commune

PALETTE = ["#f1eef6", "#bdc9e1", "#74a9cf", "#2b8cbe", "#045a8d"]


def version_territoire() -> str:
    dernier = ChargementTerritoire.objects.order_by("-id").values_list("id", "date").first()
    return f"{dernier[0]}-{dernier[1]:%Y%m%d%H%M%S}" if dernier else "vide"


def etag(cle: str) -> str:
    return hashlib.sha1(f"{cle}:{version_territoire()}".encode()).hexdigest()[:20]


def collection_communes(cle: str, communes) -> bytes:
    """A FeatureCollection of the given communes (code, nom, population, densité, EPCI)."""
    cache_key = f"geo:{cle}:{version_territoire()}"
    contenu = cache.get(cache_key)
    if contenu is None:
        entites = []
        for commune in communes.select_related("epci").exclude(geometrie=""):
            densite = commune.densite
            entites.append(
                '{"type":"Feature","geometry":%s,"properties":%s}'
                % (
                    commune.geometrie,
                    json.dumps(
                        {
                            "code": commune.code_insee,
                            "nom": commune.nom,
                            "population": commune.population_municipale,
                            "densite": round(densite, 1) if densite is not None else None,
                            "epci": commune.epci.nom if commune.epci else None,
                        },
                        ensure_ascii=False,
                    ),
                )
            )
        contenu = ('{"type":"FeatureCollection","features":[%s]}' % ",".join(entites)).encode()
        cache.set(cache_key, contenu)
    return contenu


def communes_de(filtre: dict):
    return Commune.objects.filter(**filtre).order_by("code_insee")


def classes_densite(communes: list) -> list[dict]:
    """Five quantile classes of population density, shared by the map and its table."""
    densites = sorted(c.densite for c in communes if c.densite is not None)
    if not densites:
        return []
    bornes = [densites[min(len(densites) - 1, int(len(densites) * q / 5))] for q in range(1, 5)]
    classes, bas = [], 0.0
    for i, haut in enumerate([*bornes, densites[-1]]):
        classes.append({"min": round(bas, 1), "max": round(haut, 1), "couleur": PALETTE[i]})
        bas = haut
    for commune in communes:
        d = commune.densite
        commune.classe_densite = (
            None if d is None else next(i for i, c in enumerate(classes) if d <= c["max"] or i == 4)
        )
    return classes


# --- maps that orient: an optional raster basemap, places grouped by position ----------------
def fond_de_carte() -> dict | None:
    """The raster tiles drawn under the maps of places, when the operator set a tile URL
    (a `{z}/{x}/{y}` template or a WMTS GetTile URL with those three placeholders); None
    otherwise. Off by default: the vector layers are enough to read the maps."""
    url = settings.SUN_CARTE_TUILES_URL.strip()
    if not url.startswith(("https://", "http://")) or not all(
        marque in url for marque in ("{z}", "{x}", "{y}")
    ):
        return None
    return {
        "url": url,
        "attribution": settings.SUN_CARTE_TUILES_ATTRIBUTION.strip(),
        "zoom_max": settings.SUN_CARTE_TUILES_ZOOM_MAX,
    }


def _libelle(numeros: list[int]) -> str:
    """« 3 », « 3, 4 », « 3, 5, 9 », « 3–6 » (three or more consecutive), « 3, 5… » (more,
    scattered): short enough for a marker."""
    if len(numeros) >= 3 and numeros[-1] - numeros[0] == len(numeros) - 1:
        return f"{numeros[0]}–{numeros[-1]}"
    if len(numeros) <= 3:
        return ", ".join(map(str, numeros))
    return f"{numeros[0]}, {numeros[1]}…"


def grouper_points(points: list[dict], ancre: str = "") -> list[dict]:
    """One marker per position (to about ten metres, one address): places in the same building
    are not hidden behind each other. Each point is {lat, lon, n, nom, lien?}; a group lists
    its numbers (`numeros`), is labelled « 3, 4 », names every place in its title and, when
    `ancre` is given (« lieu- »), links to the first of them in the list beside the map."""
    groupes: dict[tuple[float, float], list[dict]] = {}
    autres = []
    for point in points:
        if point.get("centre") or point.get("lat") is None:
            autres.append(point)
            continue
        groupes.setdefault((round(point["lat"], 4), round(point["lon"], 4)), []).append(point)
    marqueurs = []
    for membres in groupes.values():
        if len(membres) == 1:
            marqueurs.append({**membres[0], "numeros": [membres[0]["n"]]})
            continue
        numeros = sorted(m["n"] for m in membres)
        marqueur = {
            "lat": membres[0]["lat"],
            "lon": membres[0]["lon"],
            "n": _libelle(numeros),
            "numeros": numeros,
            "nom": f"{len(membres)} lieux à la même adresse : "
            + " ; ".join(f"{m['n']}. {m['nom']}" for m in sorted(membres, key=lambda m: m["n"])),
        }
        if ancre:
            marqueur["lien"] = f"#{ancre}{numeros[0]}"
        marqueurs.append(marqueur)
    return autres + marqueurs
