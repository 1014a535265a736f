"""Where a person is: what they typed (commune, postal code, address) turned into a point.

A commune, a postal code or an INSEE code gives the commune's centroid. An address gives the
address itself when the optional geocoder is set, otherwise the commune found in it (its
postal code or its last words). Nothing found: close commune names are suggested.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from sun.core.geocodeur import GeocodeurIndisponible, geocoder, geocodeur_configure
from sun.core.text import normaliser_recherche
from sun.territoire.models import Commune
from sun.territoire.queries import departement_configure

CODE_POSTAL = re.compile(r"\b(\d{5})\b")
LONGUEUR_MAX = 200


@dataclass
class Position:
    latitude: float
    longitude: float
    libelle: str
    commune: Commune | None
    precision: str  # "commune", "adresse" or "appareil" (the browser's geolocation)

    @property
    def code_departement(self) -> str:
        return self.commune.departement.code if self.commune else ""


class PositionIntrouvable(ValueError):
    def __init__(self, message: str, suggestions: list[Commune] | None = None):
        super().__init__(message)
        self.suggestions = suggestions or []


def _centre(commune: Commune, libelle: str | None = None) -> Position:
    latitude, longitude = commune.latitude, commune.longitude
    mairie = getattr(commune, "mairie", None)
    if latitude is None and mairie is not None:
        latitude, longitude = mairie.latitude, mairie.longitude
    if latitude is None:
        raise PositionIntrouvable(f"La commune {commune.nom} n'a pas de position connue.")
    libelle = libelle or f"{commune.nom} ({commune.departement.code})"
    return Position(latitude, longitude, libelle, commune, "commune")


def _meilleure(texte: str) -> Commune | None:
    """The best commune for the text, preferring the configured département on a tie."""
    communes = list(
        Commune.objects.recherche(texte)
        .select_related("departement", "mairie")
        .defer("geometrie")[:20]
    )
    if not communes:
        return None
    departement = departement_configure()
    meilleur_rang = communes[0].rang
    ex_aequo = [c for c in communes if c.rang == meilleur_rang]
    locales = [c for c in ex_aequo if departement and c.departement_id == departement.pk]
    return (locales or ex_aequo)[0]


def _commune_dans_adresse(texte: str) -> Commune | None:
    trouve = CODE_POSTAL.search(texte)
    if trouve:
        apres = texte[trouve.end() :].strip(" ,")
        commune = _meilleure(f"{trouve.group(1)} {apres}".strip()) or _meilleure(trouve.group(1))
        if commune:
            return commune
    mots = [m for m in re.split(r"[\s,]+", texte) if m and not m.isdigit()]
    # The commune is usually at the end of an address: try the last words, longest first.
    for debut in range(max(0, len(mots) - 4), len(mots)):
        commune = _meilleure(" ".join(mots[debut:]))
        if commune:
            return commune
    return None


@lru_cache(maxsize=4)
def _noms(code_departement: str | None) -> tuple[list[str], list[int]]:
    communes = Commune.objects.all()
    if code_departement:
        communes = communes.filter(departement__code=code_departement)
    lignes = list(communes.values_list("nom", "pk"))
    return [normaliser_recherche(nom) for nom, _ in lignes], [pk for _, pk in lignes]


def suggestions(texte: str, nombre: int = 5) -> list[Commune]:
    """Communes whose name is close to the text: the configured département first."""
    cle = normaliser_recherche(texte)
    if not cle:
        return []
    departement = departement_configure()
    trouvees: list[int] = []
    for code in ([departement.code] if departement else []) + [None]:
        noms, pks = _noms(code)
        for _, _, rang in process.extract(
            cle, noms, scorer=fuzz.WRatio, limit=nombre, score_cutoff=75
        ):
            if pks[rang] not in trouvees:
                trouvees.append(pks[rang])
        if len(trouvees) >= nombre:
            break
    par_pk = Commune.objects.select_related("departement").defer("geometrie").in_bulk(trouvees)
    return [par_pk[pk] for pk in trouvees[:nombre] if pk in par_pk]


def resoudre(texte: str) -> Position:
    """A point for what the person typed. Raises PositionIntrouvable (with suggestions)."""
    texte = " ".join((texte or "").split())[:LONGUEUR_MAX]
    if not texte:
        raise PositionIntrouvable(
            "Indiquez une commune, un code postal ou une adresse, ou utilisez « Autour de moi »."
        )
    commune = _meilleure(texte)
    if commune is not None:
        return _centre(commune)
    if geocodeur_configure():
        try:
            adresse = geocoder(texte)
        except GeocodeurIndisponible:
            adresse = None  # the commune found in the address will do
        if adresse is not None:
            commune = (
                Commune.objects.select_related("departement").defer("geometrie")
                .filter(code_insee=adresse.code_insee).first()
            )  # fmt: skip
            return Position(
                adresse.latitude, adresse.longitude, adresse.libelle, commune, "adresse"
            )
    commune = _commune_dans_adresse(texte)
    if commune is not None:
        return _centre(commune, f"{commune.nom} ({commune.departement.code}), d'après « {texte} »")
    raise PositionIntrouvable(f"Aucune commune ne correspond à « {texte} ».", suggestions(texte))


def position_appareil(latitude: float, longitude: float) -> Position:
    """The browser's position, with the commune whose centroid is nearest (for the time zone)."""
    proche = (
        Commune.objects.select_related("departement").defer("geometrie")
        .filter(latitude__range=(latitude - 0.2, latitude + 0.2),
                longitude__range=(longitude - 0.3, longitude + 0.3))
    )  # fmt: skip
    commune = min(
        proche,
        key=lambda c: (c.latitude - latitude) ** 2 + (c.longitude - longitude) ** 2,
        default=None,
    )
    return Position(latitude, longitude, "autour de votre position", commune, "appareil")
