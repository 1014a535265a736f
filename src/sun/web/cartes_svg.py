"""Small maps drawn on the server as inline SVG, for pages that must work without JavaScript
or be turned into PDF (the orientation sheet): a commune outline and numbered points, with
the same projection as static/sun/js/carte.js."""

import json
import math

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from shapely.geometry import shape


def _anneaux(geometrie_geojson: str) -> list[list[tuple[float, float]]]:
    if not geometrie_geojson:
        return []
    try:
        forme = shape(json.loads(geometrie_geojson))
    except (ValueError, TypeError, AttributeError):
        return []
    polygones = getattr(forme, "geoms", [forme])
    return [list(p.exterior.coords) for p in polygones if hasattr(p, "exterior")]


def plan_svg(geometrie_geojson: str, points: list[dict], largeur: int = 600) -> SafeString:
    """Points are {"lat", "lon", "n", "nom"}; hidden from assistive technologies, the page's
    list carries the same information."""
    anneaux = _anneaux(geometrie_geojson)
    xs = [x for a in anneaux for x, _ in a] + [p["lon"] for p in points]
    ys = [y for a in anneaux for _, y in a] + [p["lat"] for p in points]
    if not xs:
        return mark_safe("")
    marge = max(max(xs) - min(xs), max(ys) - min(ys), 0.01) * 0.08
    min_x, max_x, min_y, max_y = min(xs) - marge, max(xs) + marge, min(ys) - marge, max(ys) + marge
    k = math.cos(math.radians((min_y + max_y) / 2))
    echelle = largeur / max((max_x - min_x) * k, 1e-9)
    hauteur = max((max_y - min_y) * echelle, 1)

    def xy(lon: float, lat: float) -> tuple[float, float]:
        return (lon - min_x) * k * echelle, (max_y - lat) * echelle

    chemins = "".join(
        '<path d="M{}Z" fill="#e3e8eb" stroke="#607d8b" stroke-width="1.5"/>'.format(
            "L".join("{:.1f} {:.1f}".format(*xy(x, y)) for x, y in anneau)
        )
        for anneau in anneaux
    )
    rayon = max(largeur, hauteur) / 16
    reperes = ""
    for p in points:
        x, y = xy(p["lon"], p["lat"])
        reperes += (
            f"<g><title>{escape(p.get('nom', ''))}</title>"
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{rayon:.1f}" fill="#1e1e1e" stroke="#fff" stroke-width="2"/>'
            f'<text x="{x:.1f}" y="{y + rayon * 0.4:.1f}" font-size="{rayon * 1.1:.1f}" fill="#fff" '
            f'text-anchor="middle" font-weight="700" font-family="sans-serif">{escape(str(p.get("n", "")))}</text></g>'
        )
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {largeur} {hauteur:.0f}" '
        f'aria-hidden="true" focusable="false" class="plan">{chemins}{reperes}</svg>'
    )
