"""Places on the territory: which commune, and whether the coordinates are believable.

Coordinates are checked: projected Lambert-93 values are converted to WGS84 (pyproj), values
out of ±90/±180 are never stored, swapped latitude/longitude are fixed only when the swapped
point falls in the place's commune; a point far outside its commune (over ELOIGNEMENT_MAX_M)
falls back to the town hall with precision « commune » and the status « à vérifier ». A place
without coordinates is put at its town hall or at the commune's centroid, with precision
« commune » — or, when the optional geocoder is set (SUN_GEOCODEUR_URL, BAN-compatible), at
its address with precision « adresse ».

Communes: by INSEE code, else postcode + name, else name alone when unique; homonyms are told
apart by the postcode's département and then by the coordinates; a place with coordinates but
no usable commune is attached to the commune whose outline contains it (nearest centroids
from a KD-tree, then point in polygon). The commune's name is always the territory's.
"""

import math
from dataclasses import dataclass
from functools import cached_property

import shapely
from django.conf import settings
from shapely.geometry import Point

from sun.core.geo import projeter_vers_wgs84, semble_lambert93
from sun.core.geocodeur import GeocodeurIndisponible, geocoder
from sun.core.text import normaliser_recherche
from sun.inclusion.lieux.normalisation import Signalements
from sun.territoire.models import Commune, SubdivisionCommune

# Points closer than this to the outline count as inside (outlines are simplified).
TOLERANCE_DEGRES = 0.005
# Farther than this from its commune, a point is not believed (a bus stop in another region):
ELOIGNEMENT_MAX_M = 20_000  # a neighbouring commune is a slip; another region is an error
VOISINES_EXAMINEES = 12  # communes whose outline is tested for a point without commune


@dataclass
class CommuneConnue:
    pk: int
    code_insee: str
    nom: str
    codes_postaux: list[str]
    latitude: float | None
    longitude: float | None
    mairie: tuple[float, float] | None
    departement_id: int
    referentiel: "Referentiel"

    @cached_property
    def contour(self) -> "Contour | None":
        geometrie = self.referentiel.geometrie(self)
        return Contour(shapely.from_geojson(geometrie)) if geometrie else None


class Contour:
    """A commune outline that forgives points a little outside it (outlines are simplified).

    Buffering every outline is slow; the outline answers most points at once and the distance
    is only computed for the few outside.
    """

    def __init__(self, forme):
        self.forme = forme
        # Not prepared: a prepared outline costs several times its memory, for 35,000
        # communes, and the simplified outlines are small enough to test as they are.

    def contains(self, point: Point) -> bool:
        return self.contient(point.x, point.y)

    def contient(self, x: float, y: float) -> bool:
        """Is (longitude x, latitude y) inside, or within the tolerance? No Point is built for
        the points inside, which are nearly all of them."""
        if shapely.contains_xy(self.forme, x, y):
            return True
        return self.forme.distance(Point(x, y)) <= TOLERANCE_DEGRES

    def distance_m(self, x: float, y: float) -> float:
        """About how far (metres) the point is from the outline; 0 inside."""
        if shapely.contains_xy(self.forme, x, y):
            return 0.0
        degres = self.forme.distance(Point(x, y))
        return degres * 111_320 * max(0.3, math.cos(math.radians(y)))


def departements_probables(code_insee: str, code_postal: str) -> list[str] | None:
    """Département codes a place may be in, from its codes; None when nothing tells."""
    code = code_insee or code_postal
    if not code or len(code) < 2:
        return None
    if code.startswith("97"):
        return [code[:3]]
    if code.startswith("20") or code[:2] in ("2A", "2B"):
        return ["2A", "2B"]
    return [code[:2]]


class Referentiel:
    """Loaded communes, indexed by INSEE code and by postal code + name.

    Read lazily, one département at a time, as the places of a file need them: an import for
    one département does not read the 35,000 communes of France.
    """

    def __init__(self):
        self.par_code: dict[str, CommuneConnue] = {}
        self.par_cp_nom: dict[tuple[str, str], CommuneConnue] = {}
        self.par_nom: dict[str, list[CommuneConnue]] = {}
        self._geometries: dict[int, dict[int, str]] = {}  # département → commune pk → GeoJSON
        self._charges: set[str] = set()
        self._geocodeur_en_panne = False
        self._tout_charge = False

    def _charger(self, codes_departements: list[str] | None) -> None:
        if self._tout_charge or (
            codes_departements is not None and self._charges.issuperset(codes_departements)
        ):
            return
        lignes = Commune.objects.values_list(
            "pk",
            "code_insee",
            "nom",
            "codes_postaux",
            "latitude",
            "longitude",
            "mairie__latitude",
            "mairie__longitude",
            "departement_id",
        )
        if codes_departements is None:
            lignes = lignes.exclude(departement__code__in=self._charges)
            self._tout_charge = True
        else:
            codes_departements = [c for c in codes_departements if c not in self._charges]
            if not codes_departements:
                return
            lignes = lignes.filter(departement__code__in=codes_departements)
            self._charges.update(codes_departements)
        communes = []
        for pk, code, nom, cps, lat, lon, mlat, mlon, dep in lignes.iterator(chunk_size=5000):
            mairie = (mlat, mlon) if mlat is not None else None
            commune = CommuneConnue(pk, code, nom, cps or [], lat, lon, mairie, dep, self)
            communes.append(commune)
            self.par_code[code] = commune
            cle = normaliser_recherche(nom)
            self.par_nom.setdefault(cle, []).append(commune)
            for cp in commune.codes_postaux:
                self.par_cp_nom[(cp, cle)] = commune
        # Arrondissements and communes déléguées lead to their commune.
        parents = {c.pk: c for c in communes}
        for code, parent in SubdivisionCommune.objects.filter(
            commune_id__in=list(parents)
        ).values_list("code_insee", "commune_id"):
            self.par_code.setdefault(code, parents[parent])

    def geocoder(
        self, lieu: dict, commune, signalements: Signalements
    ) -> tuple[float, float] | None:
        """Ask the optional geocoder; None if unset, unreachable or unsure."""
        if self._geocodeur_en_panne:
            return None
        texte = f"{lieu['adresse']} {lieu['code_postal']} {lieu['commune']}"
        try:
            adresse = geocoder(texte, commune.code_insee if commune is not None else None)
        except GeocodeurIndisponible as exc:
            self._geocodeur_en_panne = True  # one report, then no more waiting on it
            signalements.ajouter(
                "latitude",
                settings.SUN_GEOCODEUR_URL,
                f"géocodeur injoignable ({exc}) : ignoré pour cet import",
                "alerte",
            )
            return None
        if adresse is None:
            return None
        if (
            commune is not None
            and commune.contour is not None
            and not commune.contour.contains(Point(adresse.longitude, adresse.latitude))
        ):
            return None
        return adresse.latitude, adresse.longitude

    def geometrie(self, commune: CommuneConnue) -> str:
        """Outlines are read on first need, a whole département at a time."""
        if commune.departement_id not in self._geometries:
            self._geometries[commune.departement_id] = dict(
                Commune.objects.filter(departement_id=commune.departement_id).values_list(
                    "pk", "geometrie"
                )
            )
        # Read once per commune: the outline is then kept as a shape, not as text.
        return self._geometries[commune.departement_id].pop(commune.pk, "")

    def trouver(
        self, code_insee: str, code_postal: str, nom: str, point=None
    ) -> CommuneConnue | None:
        """The commune of a place, or None; `self.ambigu` then lists homonyms left unresolved."""
        self.ambigu: list[CommuneConnue] = []
        self._charger(departements_probables(code_insee, code_postal))
        if code_insee and code_insee in self.par_code:
            return self.par_code[code_insee]
        cle = normaliser_recherche(nom)
        if code_postal and (code_postal, cle) in self.par_cp_nom:
            return self.par_cp_nom[(code_postal, cle)]
        if not cle:
            return None
        if not code_postal and not code_insee:
            self._charger(None)  # a name alone may be anywhere
        candidats = self.par_nom.get(cle, [])
        if len(candidats) == 1:
            return candidats[0]
        if code_postal:
            departement = departements_probables("", code_postal) or []
            meme = [c for c in candidats if c.code_insee[:2] in departement
                    or c.code_insee[:3] in departement]  # fmt: skip
            if len(meme) == 1:
                return meme[0]
            candidats = meme or candidats
        if point is not None and candidats:
            dedans = [c for c in candidats if c.contour is not None and c.contour.contient(*point)]
            if len(dedans) == 1:
                return dedans[0]
        self.ambigu = candidats if len(candidats) > 1 else []
        return None

    def commune_du_point(self, longitude: float, latitude: float) -> CommuneConnue | None:
        """The commune whose outline contains the point (nearest centroids, then polygons)."""
        index = self._index_centroides()
        if index is None:
            return None
        arbre, communes = index
        n = min(VOISINES_EXAMINEES, len(communes))
        _, rangs = arbre.query([longitude, latitude * 1.0], k=n)
        for rang in [rangs] if n == 1 else rangs:
            commune = communes[int(rang)]
            if commune.contour is not None and commune.contour.contient(longitude, latitude):
                return commune
        return None

    def _index_centroides(self):
        if getattr(self, "_arbre", None) is None:
            from scipy.spatial import cKDTree

            self._charger(None)
            communes = [c for c in self.par_code.values() if c.latitude is not None]
            communes = list({c.pk: c for c in communes}.values())
            if not communes:
                return None
            self._arbre = (cKDTree([(c.longitude, c.latitude) for c in communes]), communes)
        return self._arbre


def _coordonnees(lieu: dict, signalements: Signalements) -> tuple[float, float] | None:
    """(latitude, longitude) as given, Lambert-93 converted; None if unusable (reported)."""
    lat, lon = lieu["latitude"], lieu["longitude"]
    if lat is None and lon is None:
        return None
    if lat is None or lon is None:
        signalements.ajouter(
            "latitude", f"{lat}, {lon}", "coordonnée incomplète : ignorée", "suppression"
        )
        return None
    if abs(lat) <= 90 and abs(lon) <= 180:
        return lat, lon
    if projetees := semble_lambert93(lon, lat):
        point = projeter_vers_wgs84(*projetees)
        signalements.ajouter(
            "latitude", f"{lat}, {lon}",
            f"coordonnées Lambert-93 converties en WGS84 ({point[0]}, {point[1]})", "correction",
        )  # fmt: skip
        return point
    if abs(lon) <= 90 and abs(lat) <= 180:
        return lat, lon  # perhaps swapped: checked against the commune below
    signalements.ajouter(
        "latitude", f"{lat}, {lon}",
        "coordonnées hors limites (latitude ±90, longitude ±180) : ignorées", "suppression",
    )  # fmt: skip
    return None


def _a_la_commune(lieu: dict, commune: CommuneConnue, signalements, pourquoi: str) -> str:
    point = commune.mairie or (
        (commune.latitude, commune.longitude) if commune.latitude is not None else None
    )
    if not point:
        lieu["latitude"] = lieu["longitude"] = None
        return "aucune"
    lieu["latitude"], lieu["longitude"] = point
    ou = "à la mairie" if commune.mairie else "au centre de la commune"
    signalements.ajouter("latitude", pourquoi[0], f"{pourquoi[1]} : placé {ou}", "correction")
    return "commune"


def _completer_commune(lieu: dict, commune: CommuneConnue, signalements) -> None:
    if lieu["code_insee"] != commune.code_insee:
        if lieu["code_insee"]:
            signalements.ajouter("code_insee", lieu["code_insee"],
                                 f"rattaché à la commune {commune.code_insee}", "correction")  # fmt: skip
        lieu["code_insee"] = commune.code_insee
    if lieu["commune"] != commune.nom:
        if lieu["commune"] and normaliser_recherche(lieu["commune"]) != normaliser_recherche(
            commune.nom
        ):
            signalements.ajouter("commune", lieu["commune"],
                                 f"nom officiel de la commune : « {commune.nom} »", "correction")  # fmt: skip
        lieu["commune"] = commune.nom
    if not lieu["code_postal"] and len(commune.codes_postaux) == 1:
        lieu["code_postal"] = commune.codes_postaux[0]
        signalements.ajouter("code_postal", "", f"complété par {lieu['code_postal']}", "correction")


def localiser(
    lieu: dict, referentiel: Referentiel, signalements: Signalements
) -> tuple[int | None, str]:
    """Complete commune fields and coordinates in place; return (commune pk, precision).
    A place to look at is flagged in `signalements.a_verifier`."""
    point = _coordonnees(lieu, signalements)
    xy = (point[1], point[0]) if point and abs(point[0]) <= 90 else None
    commune = referentiel.trouver(lieu["code_insee"], lieu["code_postal"], lieu["commune"], xy)
    if commune is None and xy is not None:
        commune = referentiel.commune_du_point(*xy)
        if commune is not None:
            signalements.ajouter("commune", lieu["commune"] or lieu["code_insee"],
                                 f"commune trouvée par les coordonnées : {commune.nom} "
                                 f"({commune.code_insee})", "correction")  # fmt: skip
    if commune is None:
        if referentiel.ambigu:
            codes = ", ".join(f"{c.code_insee}" for c in referentiel.ambigu[:6])
            signalements.ajouter("commune", lieu["commune"],
                                 f"{len(referentiel.ambigu)} communes portent ce nom ({codes}) : "
                                 "précisez le code postal, le code INSEE ou les coordonnées",
                                 "alerte")  # fmt: skip
        elif lieu["code_insee"] or lieu["commune"]:
            signalements.ajouter("code_insee", lieu["code_insee"] or lieu["commune"],
                                 "commune inconnue du territoire chargé : non vérifiée", "alerte")  # fmt: skip
    else:
        _completer_commune(lieu, commune, signalements)
    pk = commune.pk if commune else None
    if point is not None:
        lat, lon = point
        contour = commune.contour if commune is not None else None
        if contour is not None and not contour.contient(lon, lat) and contour.contient(lat, lon):
            lat, lon = lon, lat
            signalements.ajouter("latitude", f"{point[0]}, {point[1]}",
                                 "latitude et longitude inversées : corrigé", "correction")  # fmt: skip
        if not (abs(lat) <= 90 and abs(lon) <= 180):
            signalements.ajouter("latitude", f"{lat}, {lon}",
                                 "coordonnées hors limites : ignorées", "suppression")  # fmt: skip
        elif contour is not None and (ecart := contour.distance_m(lon, lat)) > ELOIGNEMENT_MAX_M:
            signalements.a_verifier = True
            signalements.ajouter("latitude", f"{lat}, {lon}",
                                 f"point à {ecart / 1000:.0f} km de la commune {commune.nom} : "
                                 "à vérifier", "alerte")  # fmt: skip
            lieu["latitude"], lieu["longitude"] = None, None
            return pk, _a_la_commune(lieu, commune, signalements, ("", "coordonnées écartées"))
        else:
            if contour is not None and not contour.contient(lon, lat):
                signalements.ajouter("latitude", f"{lat}, {lon}",
                                     f"point hors de la commune {commune.nom} : à vérifier", "alerte")  # fmt: skip
            lieu["latitude"], lieu["longitude"] = round(lat, 6), round(lon, 6)
            return pk, "exacte"
    lieu["latitude"] = lieu["longitude"] = None
    if lieu["adresse"] and (trouve := referentiel.geocoder(lieu, commune, signalements)):
        lieu["latitude"], lieu["longitude"] = trouve
        signalements.ajouter("latitude", "", "sans coordonnées : géocodé à l'adresse", "correction")
        return pk, "adresse"
    if commune is not None:
        return pk, _a_la_commune(lieu, commune, signalements, ("", "sans coordonnées"))
    return pk, "aucune"
