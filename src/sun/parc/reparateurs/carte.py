"""The outline of the served département for the directory's map: the union of its
communes' outlines, simplified to well under a drawn pixel of a 360-pixel map (about 1 km),
computed once per version of the territory (shared cache)."""

import json

from django.conf import settings

from sun.core.calculs_versionnes import calcul_versionne
from sun.core.versions import empreinte
from sun.territoire.version import VERSION as TERRITOIRE

TOLERANCE_DEGRES = 0.005


def _calculer(code: str) -> list[list[tuple[float, float]]]:
    from shapely.geometry import shape
    from shapely.ops import unary_union

    from sun.territoire.models import Commune

    formes = []
    for texte in Commune.objects.du_departement(code).exclude(geometrie="").values_list(
        "geometrie", flat=True
    ).iterator():  # fmt: skip
        try:
            formes.append(shape(json.loads(texte)).buffer(0))
        except (ValueError, TypeError, AttributeError, KeyError):
            continue
    if not formes:
        return []
    union = unary_union(formes).simplify(TOLERANCE_DEGRES, preserve_topology=True)
    return [[(round(x, 4), round(y, 4)) for x, y in p.exterior.coords]
            for p in getattr(union, "geoms", [union]) if hasattr(p, "exterior")]  # fmt: skip


def contour_du_departement(code: str | None = None) -> list[list[tuple[float, float]]]:
    """The outer rings (lon, lat) of the département `code` (the served one by default)."""
    code = code or settings.SUN_DEPARTEMENT
    return calcul_versionne(f"parc:contour:{code}", empreinte([TERRITOIRE], code),
                            lambda: _calculer(code))  # fmt: skip
