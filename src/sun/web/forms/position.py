"""The position of a place in its form: placed from its address (the optional geocoder,
SUN_GEOCODEUR_URL) or by a click on the map (position.js fills latitude and longitude), and
checked against the commune chosen in the same form."""

import math
from dataclasses import dataclass

from django.http import QueryDict

from sun.core.geocodeur import GeocodeurIndisponible, geocoder, geocodeur_configure
from sun.inclusion.lieux.localisation import ELOIGNEMENT_MAX_M, Referentiel

# A resident's position (« Autour de moi ») is kept to 3 decimals, about 100 m (110 m of
# latitude, 80 m of longitude in mainland France): enough to find help nearby, too coarse to
# point at a home. autour.js rounds the same way before the position enters a URL.
DECIMALES_POSITION = 3


def position_arrondie(texte: str) -> str:
    """« 43.05462 » → « 43.055 »; what is not a finite number is returned unchanged (the
    search then says it is not a valid position)."""
    try:
        valeur = float((texte or "").strip().replace(",", "."))
    except ValueError:
        return texte
    if not math.isfinite(valeur):
        return texte
    arrondie = f"{round(valeur, DECIMALES_POSITION):.{DECIMALES_POSITION}f}"
    return arrondie.rstrip("0").rstrip(".") if "." in arrondie else arrondie


def requete_a_position_arrondie(parametres: QueryDict) -> QueryDict:
    """The query of the public search with `lat` and `lon` rounded: the search, the map and
    every link of the page (pagination, radius, filters) then use the rounded position only,
    whatever precision a crafted URL sent."""
    if not any(cle in parametres for cle in ("lat", "lon")):
        return parametres
    copie = parametres.copy()
    for cle in ("lat", "lon"):
        if cle in copie:
            copie.setlist(cle, [position_arrondie(v) for v in copie.getlist(cle)])
    copie._mutable = False
    return copie


@dataclass(frozen=True)
class Placement:
    reussi: bool
    message: str
    latitude: float | None = None
    longitude: float | None = None


def _commune(code_insee: str, code_postal: str, nom: str):
    return Referentiel().trouver(
        (code_insee or "").strip().upper(), (code_postal or "").strip(), (nom or "").strip()
    )


def ecart_a_la_commune(
    latitude: float, longitude: float, code_insee: str, code_postal: str, nom: str
) -> str | None:
    """A French sentence when the point is too far from the commune given, else None
    (also when the commune is not known to the territory: nothing to check against)."""
    commune = _commune(code_insee, code_postal, nom)
    if commune is None or commune.contour is None:
        return None
    ecart = commune.contour.distance_m(longitude, latitude)
    if ecart <= ELOIGNEMENT_MAX_M:
        return None
    return (
        f"Ce point est à {ecart / 1000:.0f} km de la commune {commune.nom} : vérifiez la "
        "commune choisie, ou placez le lieu sur la carte ou d'après son adresse."
    )


def placer(adresse: str, code_postal: str, commune: str, code_insee: str) -> Placement:
    """Ask the geocoder where the address is, in the commune given."""
    if not geocodeur_configure():
        return Placement(False, "Le placement d'après l'adresse n'est pas disponible sur ce "
                         "site (aucun service d'adresses n'est configuré) : cliquez sur la "
                         "carte ou indiquez la latitude et la longitude.")  # fmt: skip
    if not (adresse or "").strip():
        return Placement(False, "Indiquez d'abord l'adresse du lieu, puis « Placer d'après "
                         "l'adresse ».")  # fmt: skip
    trouvee = _commune(code_insee, code_postal, commune)
    texte = " ".join(p for p in (adresse, code_postal, commune) if p)
    try:
        resultat = geocoder(texte, trouvee.code_insee if trouvee else (code_insee or None))
    except GeocodeurIndisponible:
        return Placement(False, "Le service d'adresses ne répond pas pour le moment : "
                         "réessayez plus tard, ou cliquez sur la carte.")  # fmt: skip
    if resultat is None:
        return Placement(False, f"Adresse introuvable avec certitude : « {texte} ». "
                         "Vérifiez-la, ou cliquez sur la carte.")  # fmt: skip
    if ecart := ecart_a_la_commune(resultat.latitude, resultat.longitude,
                                   code_insee, code_postal, commune):  # fmt: skip
        return Placement(False, f"L'adresse trouvée, « {resultat.libelle} », est loin de la "
                         f"commune choisie. {ecart}")  # fmt: skip
    return Placement(True, f"Lieu placé d'après l'adresse « {resultat.libelle} » : vérifiez "
                     "la position, puis enregistrez.", resultat.latitude, resultat.longitude)  # fmt: skip
