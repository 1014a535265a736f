"""Places on the territory: which commune, and whether the coordinates are believable.

Coordinates are checked against the commune's outline (swapped latitude/longitude detected
and fixed, points outside flagged); a place without coordinates is put at its town hall or
at the commune's centroid, with precision « commune » — or, when the optional geocoder is
set (SUN_GEOCODEUR_URL, BAN-compatible), at its address with precision « adresse ».
"""

from dataclasses import dataclass
from functools import cached_property

import shapely
from django.conf import settings
from shapely.geometry import Point

from sun.core.geocodeur import GeocodeurIndisponible, geocoder
from sun.core.text import normaliser_recherche
from sun.inclusion.lieux.normalisation import Signalements
from sun.territoire.models import Commune, SubdivisionCommune

# Points closer than this to the outline count as inside (outlines are simplified).
TOLERANCE_DEGRES = 0.005


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

    Buffering every outline is slow; the prepared outline answers most points at once and the
    distance is only computed for the few outside.
    """

    def __init__(self, forme):
        self.forme = forme
        shapely.prepare(forme)

    def contains(self, point: Point) -> bool:
        return self.contient(point.x, point.y)

    def contient(self, x: float, y: float) -> bool:
        """Is (longitude x, latitude y) inside, or within the tolerance? No Point is built for
        the points inside, which are nearly all of them."""
        if shapely.contains_xy(self.forme, x, y):
            return True
        return self.forme.distance(Point(x, y)) <= TOLERANCE_DEGRES


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
        return self._geometries[commune.departement_id].get(commune.pk, "")

    def trouver(self, code_insee: str, code_postal: str, nom: str) -> CommuneConnue | None:
        self._charger(departements_probables(code_insee, code_postal))
        if code_insee and code_insee in self.par_code:
            return self.par_code[code_insee]
        cle = normaliser_recherche(nom)
        if code_postal and (code_postal, cle) in self.par_cp_nom:
            return self.par_cp_nom[(code_postal, cle)]
        candidats = self.par_nom.get(cle, [])
        if len(candidats) == 1:
            return candidats[0]
        if code_postal:
            meme_departement = [c for c in candidats if c.code_insee[:2] == code_postal[:2]]
            if len(meme_departement) == 1:
                return meme_departement[0]
        return None


def localiser(
    lieu: dict, referentiel: Referentiel, signalements: Signalements
) -> tuple[int | None, str]:
    """Complete commune fields and coordinates in place; return (commune pk, precision)."""
    commune = referentiel.trouver(lieu["code_insee"], lieu["code_postal"], lieu["commune"])
    if commune is None:
        if lieu["code_insee"] or lieu["commune"]:
            signalements.ajouter(
                "code_insee",
                lieu["code_insee"] or lieu["commune"],
                "commune absente du territoire chargé : non vérifiée",
                "alerte",
            )
    else:
        if lieu["code_insee"] != commune.code_insee:
            if lieu["code_insee"]:
                signalements.ajouter(
                    "code_insee",
                    lieu["code_insee"],
                    f"rattaché à la commune {commune.code_insee}",
                    "correction",
                )
            lieu["code_insee"] = commune.code_insee
        if not lieu["commune"]:
            lieu["commune"] = commune.nom
        if not lieu["code_postal"] and len(commune.codes_postaux) == 1:
            lieu["code_postal"] = commune.codes_postaux[0]
            signalements.ajouter(
                "code_postal", "", f"complété par {lieu['code_postal']}", "correction"
            )

    lat, lon = lieu["latitude"], lieu["longitude"]
    if lat is not None and lon is not None:
        contour = commune.contour if commune is not None else None
        hors_bornes = not (-90 <= lat <= 90 and -180 <= lon <= 180) and -90 <= lon <= 90
        hors_commune = not hors_bornes and contour is not None and not contour.contient(lon, lat)
        if hors_bornes or (hors_commune and contour.contient(lat, lon)):
            lat, lon = lon, lat
            signalements.ajouter(
                "latitude",
                lieu["latitude"],
                "latitude et longitude inversées : corrigé",
                "correction",
            )
        elif hors_commune:
            signalements.ajouter(
                "latitude",
                f"{lat}, {lon}",
                f"point hors de la commune {commune.nom} : à vérifier",
                "alerte",
            )
        lieu["latitude"], lieu["longitude"] = round(lat, 6), round(lon, 6)
        return (commune.pk if commune else None), "exacte"
    if lat is not None or lon is not None:
        signalements.ajouter(
            "latitude", f"{lat}, {lon}", "coordonnée incomplète : ignorée", "suppression"
        )
    if lieu["adresse"] and (point := referentiel.geocoder(lieu, commune, signalements)):
        lieu["latitude"], lieu["longitude"] = point
        signalements.ajouter("latitude", "", "sans coordonnées : géocodé à l'adresse", "correction")
        return (commune.pk if commune else None), "adresse"
    if commune is not None:
        point = commune.mairie or (
            (commune.latitude, commune.longitude) if commune.latitude is not None else None
        )
        if point:
            lieu["latitude"], lieu["longitude"] = point
            ou = "à la mairie" if commune.mairie else "au centre de la commune"
            signalements.ajouter("latitude", "", f"sans coordonnées : placé {ou}", "correction")
            return commune.pk, "commune"
    lieu["latitude"] = lieu["longitude"] = None
    return (commune.pk if commune else None), "aucune"
