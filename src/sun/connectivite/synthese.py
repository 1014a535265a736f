"""What SUN knows of the connectivity of communes, gathered set-based for many communes at
once (one query per kind of file) and aggregated for an EPCI or a département.

Every block carries its edition (date and source): what the pages and the sheets print next
to each figure. Shares are computed here, never stored."""

from dataclasses import dataclass, field
from datetime import date

from sun.connectivite.models import CalendrierCuivre, Edition, Genre
from sun.connectivite.queries import (
    cuivre_par_commune,
    lignes_par_commune,
    mobile_par_commune,
    series_ftth,
    signalements_par_commune,
)

# The best technologies of `commune_meilleure_techno_thd`, best first, with their labels.
TECHNOLOGIES = (
    ("elig_ftth", "Fibre jusqu'au logement (FttH)"),
    ("elig_coax", "Câble"),
    ("elig_cu_30", "Cuivre (ADSL, VDSL2) à 30 Mbit/s ou plus"),
    ("elig_thdr", "Très haut débit radio"),
    ("elig_cu_8", "Cuivre de 8 à 30 Mbit/s"),
    ("elig_4gf", "4G fixe"),
    ("elig_hdr", "Haut débit radio"),
    ("elig_sat", "Satellite"),
)
# Wired speed thresholds of `commune_debit_filaire` (cumulative).
DEBITS = (
    ("elig_thd1g", "1 Gbit/s ou plus"),
    ("elig_thd100", "100 Mbit/s ou plus"),
    ("elig_thd30", "30 Mbit/s ou plus (très haut débit)"),
    ("elig_bhd8", "8 Mbit/s ou plus (bon haut débit)"),
    ("elig_hd3", "3 Mbit/s ou plus"),
    ("elig_hd05", "0,5 Mbit/s ou plus"),
)


def part(nombre: int | None, total: int | None) -> float | None:
    if nombre is None or not total:
        return None
    return round(100 * nombre / total, 1)


@dataclass
class Connectivite:
    """One commune, or the sum of several (EPCI, département)."""

    codes: list[str]
    locaux: int | None = None  # premises (MCI `nbr`)
    technologies: dict[str, int] = field(default_factory=dict)  # best technology → premises
    debits: dict[str, int] = field(default_factory=dict)  # wired threshold → premises
    inel_hd: int | None = None
    edition_fixe: Edition | None = None
    edition_debit: Edition | None = None
    serie: list[tuple[date, int]] = field(default_factory=list)  # FttH connectable premises
    locaux_estimes: int | None = None  # observatory's best estimate of premises
    edition_ftth: Edition | None = None
    cuivre: CalendrierCuivre | None = None  # one commune only: the newest file's row
    historique_cuivre: list[CalendrierCuivre] = field(default_factory=list)
    mobile: list = field(default_factory=list)  # CouvertureMobile rows (one commune)
    edition_mobile: Edition | None = None
    signalements: dict[str, int] = field(default_factory=dict)

    @property
    def fibre(self) -> int | None:
        return self.technologies.get("elig_ftth")

    @property
    def part_fibre(self) -> float | None:
        """Share of premises whose best technology is fibre (FttH-eligible now)."""
        return part(self.fibre, self.locaux)

    @property
    def sans_thd_filaire(self) -> int | None:
        """Premises without wired very high speed (≥ 30 Mbit/s): who may need the State aid."""
        if self.locaux is None or "elig_thd30" not in self.debits:
            return None
        return max(self.locaux - self.debits["elig_thd30"], 0)

    @property
    def meilleure_technologie(self) -> str | None:
        """The best technology most premises have (its label)."""
        presentes = [(n, code) for code, n in self.technologies.items() if n]
        if not presentes:
            return None
        code = max(presentes)[1]
        return dict(TECHNOLOGIES)[code]

    def serie_en_parts(self) -> list[tuple[date, int, float | None]]:
        return [(t, n, part(n, self.locaux_estimes)) for t, n in self.serie]


def _ajouter(cible: dict, source, champs) -> None:
    for champ, _ in champs:
        valeur = getattr(source, champ, None)
        if valeur is not None:
            cible[champ] = cible.get(champ, 0) + valeur


def _somme(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else a + b


def rassembler(codes: list[str]) -> dict[str, Connectivite]:
    """{code: Connectivite} for every commune of `codes`, in seven queries whatever their
    number (the commune sheets of a whole département are built from this)."""
    edition_fixe, fixes = lignes_par_commune(Genre.MCI_MEILLEURE_TECHNO, codes)
    edition_debit, debits = lignes_par_commune(Genre.MCI_DEBIT_FILAIRE, codes)
    edition_ftth, series = series_ftth(codes)
    _, communes_ftth = lignes_par_commune(Genre.FTTH, codes)
    cuivres = cuivre_par_commune(codes)
    edition_mobile, mobiles = mobile_par_commune(codes)
    signalements = signalements_par_commune(codes)
    resultat = {}
    for code in codes:
        c = Connectivite(codes=[code], edition_fixe=edition_fixe, edition_debit=edition_debit,
                         edition_ftth=edition_ftth, edition_mobile=edition_mobile)  # fmt: skip
        if fixe := fixes.get(code):
            c.locaux = fixe.nbr
            _ajouter(c.technologies, fixe, TECHNOLOGIES)
        if debit := debits.get(code):
            c.locaux = c.locaux if c.locaux is not None else debit.nbr
            c.inel_hd = debit.inel_hd
            _ajouter(c.debits, debit, DEBITS)
        c.serie = series.get(code, [])
        if commune_ftth := communes_ftth.get(code):
            c.locaux_estimes = commune_ftth.locaux_estimes
        historique = cuivres.get(code, [])
        c.cuivre = historique[0] if historique else None
        c.historique_cuivre = historique
        c.mobile = mobiles.get(code, [])
        c.signalements = signalements.get(code, {})
        resultat[code] = c
    return resultat


def agreger(parties: list[Connectivite]) -> Connectivite:
    """The sum of several communes (an EPCI, a département): premises, technologies, speeds,
    the FttH series quarter by quarter, the cases reported. Copper and mobile stay per commune."""
    total = Connectivite(codes=[code for p in parties for code in p.codes])
    serie: dict[date, int] = {}
    for p in parties:
        total.locaux = _somme(total.locaux, p.locaux)
        total.inel_hd = _somme(total.inel_hd, p.inel_hd)
        total.locaux_estimes = _somme(total.locaux_estimes, p.locaux_estimes)
        for cible, source in ((total.technologies, p.technologies), (total.debits, p.debits)):
            for cle, n in source.items():
                cible[cle] = cible.get(cle, 0) + n
        for trimestre, n in p.serie:
            serie[trimestre] = serie.get(trimestre, 0) + n
        for cle, n in p.signalements.items():
            total.signalements[cle] = total.signalements.get(cle, 0) + n
        for attribut in ("edition_fixe", "edition_debit", "edition_ftth", "edition_mobile"):
            if getattr(total, attribut) is None:
                setattr(total, attribut, getattr(p, attribut))
    total.serie = sorted(serie.items())
    return total
