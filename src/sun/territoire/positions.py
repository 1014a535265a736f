"""Where a person is: what they typed (commune, postal code, address) turned into a point.

A commune, a former commune, a postal code or an INSEE code gives its centroid (the index of
communes, `index_communes`, decides: a postcode first, an INSEE code only if no commune has
that postcode; a postcode shared by several communes asks « Laquelle ? »). An address gives the
address itself when the optional geocoder is set, otherwise the commune found in it (its
postal code or its last words). Nothing found: close commune names are suggested.
"""

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from sun.core.geocodeur import GeocodeurIndisponible, geocoder, geocodeur_configure
from sun.core.text import normaliser_recherche
from sun.territoire.index_communes import Trouvee, est_code, index_communes
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
    # What the point is the centre of, for "commune": the commune, or a former commune (« Fa »).
    nom: str = ""

    @property
    def code_departement(self) -> str:
        return self.commune.departement.code if self.commune else ""


class PositionIntrouvable(ValueError):
    """Nothing found (with close names as suggestions), or, when `choix` is true, several
    communes share the postcode typed: the suggestions are all of them, and the message asks
    « Laquelle ? »."""

    def __init__(self, message: str, suggestions: list[Commune] | None = None, *,
                 choix: bool = False):  # fmt: skip
        super().__init__(message)
        self.suggestions = suggestions or []
        self.choix = choix


def _communes(pks: list[int]) -> list[Commune]:
    par_pk = Commune.objects.select_related("departement", "mairie").defer("geometrie").in_bulk(pks)
    return [par_pk[pk] for pk in pks if pk in par_pk]


def _position(trouvee: Trouvee, libelle: str | None = None) -> Position:
    commune = _communes([trouvee.commune.pk])[0]
    if trouvee.latitude is None:
        raise PositionIntrouvable(f"La commune {commune.nom} n'a pas de position connue.")
    if libelle is None:
        nom = trouvee.subdivision or commune.nom
        libelle = f"{nom}, {commune.departement.code}" if trouvee.subdivision else (
            f"{commune.nom} ({commune.departement.code})"
        )  # fmt: skip
    return Position(trouvee.latitude, trouvee.longitude, libelle, commune, "commune", trouvee.nom)


def _meilleure(texte: str) -> Trouvee | None:
    """The best commune for the text, preferring the configured département on a tie. A
    postcode shared by several communes raises PositionIntrouvable with the choice."""
    index = index_communes()
    requete = normaliser_recherche(texte)
    if est_code(requete):
        communes = index.communes_du_code_postal(requete)
        if len(communes) > 1:
            raise PositionIntrouvable(
                f"Le code postal {requete} est celui de {len(communes)} communes. Laquelle ?",
                _communes([c.pk for c in communes]),
                choix=True,
            )
    trouvees = index.chercher(requete).tranche(0, 50)
    if not trouvees:
        return None
    departement = departement_configure()
    ex_aequo = [t for t in trouvees if t.rang == trouvees[0].rang]
    locales = [t for t in ex_aequo if departement and t.commune.departement == departement.code]
    return (locales or ex_aequo)[0]


def _commune_dans_adresse(texte: str) -> Trouvee | None:
    trouve = CODE_POSTAL.search(texte)
    if trouve:
        apres = texte[trouve.end() :].strip(" ,")
        trouvee = _meilleure(f"{trouve.group(1)} {apres}".strip()) or _meilleure(trouve.group(1))
        if trouvee:
            return trouvee
    mots = [m for m in re.split(r"[\s,]+", texte) if m and not m.isdigit()]
    # The commune is usually at the end of an address: try the last words, longest first.
    for debut in range(max(0, len(mots) - 4), len(mots)):
        trouvee = _meilleure(" ".join(mots[debut:]))
        if trouvee:
            return trouvee
    return None


def suggestions(texte: str, nombre: int = 5) -> list[Commune]:
    """Communes whose name is close to the text: the configured département first."""
    cle = normaliser_recherche(texte)
    if not cle:
        return []
    departement = departement_configure()
    trouvees: list[int] = []
    for code in ([departement.code] if departement else []) + [None]:
        noms, pks = index_communes().noms_et_cles(code)
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
    trouvee = _meilleure(texte)
    if trouvee is not None:
        return _position(trouvee)
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
    trouvee = _commune_dans_adresse(texte)
    if trouvee is not None:
        nom = f"{trouvee.subdivision or trouvee.commune.nom} ({trouvee.commune.departement})"
        return _position(trouvee, f"{nom}, d'après « {texte} »")
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
