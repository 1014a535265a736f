"""What the public connectivity pages show (the commune section « Internet et téléphone »,
the EPCI section, the département page and « Ma connexion »), built from `synthese` and
`cuivre`: every block keeps its edition (source and date) and says when it is demonstration
data. Nothing here draws: the SVG is `sun.web.graphiques_connectivite`."""

from dataclasses import dataclass, field
from datetime import date

from django.conf import settings

from sun.connectivite.cuivre import Explication, expliquer
from sun.connectivite.models import CalendrierCuivre, Edition, Operateur
from sun.connectivite.synthese import DEBITS, TECHNOLOGIES, Connectivite, agreger, part, rassembler
from sun.territoire.positions import PositionIntrouvable, resoudre
from sun.territoire.queries import (
    commune_avec_departement,
    communes_pour_la_carte,
    contours_des_communes,
)

# Classes of the choropleth of fibre eligibility (share of premises, upper bound excluded);
# the last class is « every premises ».
CLASSES_FIBRE = (
    (0, 25, "moins de 25 %"),
    (25, 50, "de 25 à moins de 50 %"),
    (50, 80, "de 50 à moins de 80 %"),
    (80, 95, "de 80 à moins de 95 %"),
    (95, 100, "de 95 à moins de 100 %"),
    (100, 100, "100 % (tous les locaux)"),
)
SANS_DONNEE = "pas de donnée"
TECHNO_MOBILE = "4G"


def libelle_trimestre(jour: date) -> str:
    """31/12/2017 → « T4 2017 »."""
    return f"T{(jour.month - 1) // 3 + 1} {jour.year}"


def classe_fibre(fibre: int | None, locaux: int | None) -> int | None:
    """The class (index of CLASSES_FIBRE) of a commune, None without data."""
    if fibre is None or not locaux:
        return None
    if fibre >= locaux:
        return len(CLASSES_FIBRE) - 1
    pourcentage = 100 * fibre / locaux
    return next(i for i, (bas, haut, _) in enumerate(CLASSES_FIBRE) if pourcentage < haut)


@dataclass
class Ligne:
    libelle: str
    nombre: int | None
    part: float | None


@dataclass
class PointCourbe:
    trimestre: date
    libelle: str
    locaux: int
    part: float | None


@dataclass
class LigneMobile:
    operateur: str
    bonne_ou_tres_bonne: float  # population share in good or very good coverage
    tres_bonne: float
    territoire_non_couvert: float


@dataclass
class Aide:
    """The State aid « Cohésion numérique des territoires » (amounts from the settings)."""

    bon_haut_debit: int
    tres_haut_debit: int
    sous_conditions: int
    date: date
    url: str


def aide_cnt() -> Aide:
    montants = settings.SUN_AIDE_CNT_MONTANTS
    return Aide(montants["bon_haut_debit"], montants["tres_haut_debit"],
                montants["sous_conditions"], date.fromisoformat(str(settings.SUN_AIDE_CNT_DATE)),
                settings.SUN_AIDE_CNT_URL)  # fmt: skip


@dataclass
class Vue:
    """One commune, or the sum of several, as the pages show it."""

    c: Connectivite
    technologies: list[Ligne] = field(default_factory=list)
    debits: list[Ligne] = field(default_factory=list)
    courbe: list[PointCourbe] = field(default_factory=list)
    courbe_en_parts: bool = False
    demonstration: bool = False  # at least one block comes from a demonstration edition

    @property
    def a_des_donnees(self) -> bool:
        return bool(self.c.locaux is not None or self.c.serie or self.c.cuivre or self.c.mobile)


def _vue(c: Connectivite) -> Vue:
    vue = Vue(c)
    vue.technologies = [Ligne(libelle, c.technologies[code], part(c.technologies[code], c.locaux))
                        for code, libelle in TECHNOLOGIES if c.technologies.get(code)]  # fmt: skip
    vue.debits = [Ligne(libelle, c.debits[code], part(c.debits[code], c.locaux))
                  for code, libelle in DEBITS if code in c.debits]  # fmt: skip
    points = c.serie_en_parts()
    vue.courbe = [PointCourbe(t, libelle_trimestre(t), n, p) for t, n, p in points]
    vue.courbe_en_parts = bool(points) and all(p is not None for _, _, p in points)
    editions: list[Edition | None] = [c.edition_fixe, c.edition_debit, c.edition_ftth,
                                      c.edition_mobile, c.cuivre.edition if c.cuivre else None]  # fmt: skip
    vue.demonstration = any(e is not None and e.demonstration for e in editions)
    return vue


# --- the commune ----------------------------------------------------------------------------
def _differents(historique: list[CalendrierCuivre]) -> bool:
    dates = {(h.lot, h.date_fc, h.date_ft) for h in historique}
    return len(dates) > 1


def _mobile(lignes: list) -> list[LigneMobile]:
    noms = dict(Operateur.choices)
    return [
        LigneMobile(
            noms.get(ligne.operateur, ligne.operateur),
            round(ligne.pop_bc + ligne.pop_tbc, 1),
            round(ligne.pop_tbc, 1),
            round(ligne.couv_nc, 1),
        )
        for ligne in lignes
        if ligne.techno == TECHNO_MOBILE
    ]


@dataclass
class SectionCommune(Vue):
    explication: Explication | None = None
    historique_different: bool = False
    mobile: list[LigneMobile] = field(default_factory=list)
    signalements_ouverts: int | str = 0
    signalements_resolus: int | str = 0
    signalements_total: int = 0
    aide: Aide | None = None  # shown when some premises lack wired very high speed

    @property
    def mobile_plage(self) -> tuple[float, float] | None:
        """The lowest and highest population share in good or very good 4G coverage."""
        parts = [ligne.bonne_ou_tres_bonne for ligne in self.mobile]
        return (min(parts), max(parts)) if parts else None


def section_commune(code_insee: str, aujourd_hui: date) -> SectionCommune:
    c = rassembler([code_insee])[code_insee]
    vue = _vue(c)
    section = SectionCommune(**vars(vue))
    section.explication = expliquer(c.cuivre, aujourd_hui)
    section.historique_different = _differents(c.historique_cuivre)
    section.mobile = _mobile(c.mobile)
    section.signalements_total = c.signalements.get("total", 0)
    # Counts of cases, not of people (as on the commune sheet): shown as they are.
    section.signalements_ouverts = c.signalements.get("ouverts", 0)
    section.signalements_resolus = c.signalements.get("resolus", 0)
    if c.sans_thd_filaire:
        section.aide = aide_cnt()
    return section


# --- several communes: an EPCI, the département ---------------------------------------------
@dataclass
class LigneCommune:
    code_insee: str
    nom: str
    locaux: int | None
    fibre: int | None
    part_fibre: float | None
    classe: int | None
    cuivre: CalendrierCuivre | None


@dataclass
class Lot:
    """Communes of one copper lot and the range of their dates."""

    lot: str
    communes: int
    fc: tuple[date | None, date | None]  # earliest and latest commercial closure
    ft: tuple[date | None, date | None]


def _etendue(dates: list[date]) -> tuple[date | None, date | None]:
    return (min(dates), max(dates)) if dates else (None, None)


def lots_du_cuivre(lignes: list) -> list[Lot]:
    """The copper calendar of many communes in a few lines: one per lot, earliest first."""
    par_lot: dict[str, list] = {}
    for ligne in lignes:
        par_lot.setdefault(ligne.cuivre.lot or "non précisé", []).append(ligne.cuivre)
    lots = [
        Lot(lot, len(cuivres), _etendue([c.date_fc for c in cuivres if c.date_fc]),
            _etendue([c.date_ft for c in cuivres if c.date_ft]))
        for lot, cuivres in par_lot.items()
    ]  # fmt: skip
    return sorted(lots, key=lambda lot: (lot.fc[0] or date.max, lot.lot))


@dataclass
class Territoire(Vue):
    communes: list[LigneCommune] = field(default_factory=list)
    avec_cuivre: list[LigneCommune] = field(default_factory=list)  # copper calendar, by date
    classes: list[tuple[int, str, int]] = field(default_factory=list)  # (index, label, communes)
    lots: list["Lot"] = field(default_factory=list)  # the copper calendar, summed up by lot
    sans_donnee: int = 0
    signalements_ouverts: int | str = 0
    editions_cuivre: list[Edition] = field(default_factory=list)
    contours: dict[str, dict] = field(default_factory=dict)  # département page: {code: GeoJSON}


def territoire(communes: list) -> Territoire:
    """The aggregate of `communes` (objects with `code_insee` and `nom`), one line each."""
    par_code = rassembler([c.code_insee for c in communes])
    vue = _vue(agreger(list(par_code.values())))
    resultat = Territoire(**vars(vue))
    for commune in communes:
        c = par_code[commune.code_insee]
        ligne = LigneCommune(commune.code_insee, commune.nom, c.locaux, c.fibre, c.part_fibre,
                             classe_fibre(c.fibre, c.locaux), c.cuivre)  # fmt: skip
        resultat.communes.append(ligne)
        if c.cuivre and c.cuivre.edition.demonstration:
            resultat.demonstration = True
    resultat.avec_cuivre = sorted(
        (ligne for ligne in resultat.communes if ligne.cuivre),
        key=lambda ligne: (ligne.cuivre.date_fc or date.max, ligne.nom),
    )
    resultat.lots = lots_du_cuivre(resultat.avec_cuivre)
    editions = {ligne.cuivre.edition_id: ligne.cuivre.edition for ligne in resultat.avec_cuivre}
    resultat.editions_cuivre = sorted(editions.values(), key=lambda e: e.date_edition, reverse=True)
    comptes = [0] * len(CLASSES_FIBRE)
    for ligne in resultat.communes:
        if ligne.classe is None:
            resultat.sans_donnee += 1
        else:
            comptes[ligne.classe] += 1
    resultat.classes = [(i, libelle, comptes[i]) for i, (_, _, libelle) in enumerate(CLASSES_FIBRE)]
    resultat.signalements_ouverts = resultat.c.signalements.get("ouverts", 0)
    return resultat


def territoire_du_departement(departement) -> Territoire:
    """Every commune of the département, with its outline for the choropleth."""
    communes = communes_pour_la_carte(departement)
    resultat = territoire(communes)
    contours = contours_des_communes([c.pk for c in communes])
    resultat.contours = {c.code_insee: contours[c.pk] for c in communes if c.pk in contours}
    return resultat


# --- « Ma connexion »: a resident's commune ------------------------------------------------
@dataclass
class Recherche:
    """What a resident typed, resolved: the commune (and the address when the geocoder found
    it), or a message in French with close communes to choose from."""

    texte: str
    commune: object | None = None
    adresse: str = ""
    message: str = ""
    suggestions: list = field(default_factory=list)


def chercher_commune(texte: str) -> Recherche:
    texte = " ".join((texte or "").split())[:200]
    if not texte:
        return Recherche(texte, message="Indiquez le nom de votre commune ou son code postal.")
    try:
        position = resoudre(texte)
    except PositionIntrouvable as exc:
        return Recherche(texte, message=str(exc), suggestions=exc.suggestions)
    if position.commune is None:
        return Recherche(texte, message=f"Aucune commune du département ne correspond à « {texte} » :"
                         " vérifiez l'orthographe, ou essayez le code postal.")  # fmt: skip
    adresse = position.libelle if position.precision == "adresse" else ""
    return Recherche(texte, position.commune, adresse)


def commune_choisie(code_insee: str) -> Recherche:
    """A commune picked from a list (its INSEE code in the link)."""
    code = (code_insee or "").strip()[:5]
    commune = commune_avec_departement(code) if len(code) == 5 else None
    if commune is None:
        return Recherche(code, message=f"Aucune commune n'a le code « {code} ».")
    return Recherche(commune.nom, commune)
