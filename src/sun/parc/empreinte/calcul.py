"""The footprint method, pure arithmetic on grouped counts (`queries.Groupe`), never a loop
per item.

(a) Embodied footprint of the fleet in service: the full embodied footprint (manufacturing,
    assembly and distribution, end of life) of every item held now (in stock, in service, in
    repair), a stock in kg CO2e, not per year.
(b) Yearly footprint of year N: manufacturing amortised linearly over the planned lifetime L
    (`cycle_vie.duree_de_vie`) for the part of N within the item's first L years (nothing
    once it is older: kept longer, it costs no new manufacturing), plus use per year for the
    part of N it was held. Dates are read to the year with the mid-year convention: an item
    acquired in year S is held from S + ½, decommissioned in year E until E + ½. So a
    laptop of lifetime 4 years counts manufacturing / 4 in each full year, manufacturing × ½
    / 4 in its first and last. The share not yet amortised when an item leaves the fleet
    early is not counted (it goes with the item to its next user when reused).
An item bought refurbished counts (1 − e) of its embodied footprint, e being the share a
refurbished purchase avoids (`evitement_reconditionne`). Types without a factor in the
edition, and items without a date (for the yearly figures), are counted apart."""

from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
from django.conf import settings

from sun.parc.empreinte.facteurs import TableFacteurs, facteur_mix
from sun.parc.empreinte.queries import Groupe

INFINI = float("inf")
# ADEME (2022), reconditionnement des smartphones : -87 % d'impact annuel sur le
# changement climatique (77 à 91 % selon les indicateurs); SUN takes 80 % for every type.
EVITEMENT_PAR_DEFAUT = 0.8


def evitement_reconditionne() -> float:
    """Share of the embodied footprint a refurbished purchase avoids (0–1)."""
    valeur = getattr(settings, "SUN_PARC_EVITEMENT_RECONDITIONNE", EVITEMENT_PAR_DEFAUT)
    return min(1.0, max(0.0, float(EVITEMENT_PAR_DEFAUT if valeur is None else valeur)))


def part_detenue(debut: int, fin: int | None, annee: int) -> float:
    """Fraction of `annee` the item was held (mid-year convention)."""
    a0, a1 = debut + 0.5, INFINI if fin is None else fin + 0.5
    return max(0.0, min(annee + 1, a1) - max(annee, a0))


def part_amortie(debut: int, fin: int | None, duree: float, annee: int) -> float:
    """Share of the manufacturing counted in `annee`: the part of the year inside the first
    `duree` years of holding, divided by `duree`."""
    a0 = debut + 0.5
    a1 = min(a0 + duree, INFINI if fin is None else fin + 0.5)
    return max(0.0, min(annee + 1, a1) - max(annee, a0)) / duree


def parts_amorties(debut, fin, duree, annee: int) -> np.ndarray:
    """`part_amortie` over arrays (fin = INFINI for items still held): the one amortisation
    of manufacturing, used by the footprint page, the scenarios and the renewal view."""
    a0 = debut + 0.5
    a1 = np.minimum(a0 + duree, fin + 0.5)
    return np.clip(np.minimum(annee + 1, a1) - np.maximum(annee, a0), 0, None) / duree


def fabrication_unitaire(coef: dict, type_: str, reconditionne: bool,
                         critere: str = "gwp") -> float | None:  # fmt: skip
    """Embodied footprint of one item (refurbished: the share not avoided), None without factor;
    `coef` from `coefficients`."""
    if type_ not in coef:
        return None
    return coef[type_][1 if reconditionne else 0].get(critere, 0.0)


def fabrication_par_groupe(groupes: list[Groupe], table: TableFacteurs, annee: int,
                           evitement: float | None = None) -> list[tuple[float, float] | None]:  # fmt: skip
    """Per group, (items × share amortised in `annee`, kg CO2e of manufacturing amortised in
    `annee`): the very terms `annees` sums for the footprint page. None: no factor, no date, or
    left the fleet at an unknown date."""
    coef = coefficients(table, evitement)
    facteurs = [fabrication_unitaire(coef, g.type, g.reconditionne) for g in groupes]
    valide = [f is not None and g.debut is not None and not (g.hors_service and g.fin is None)
              for g, f in zip(groupes, facteurs, strict=True)]  # fmt: skip
    col = np.array([(g.debut or 0, INFINI if g.fin is None else g.fin, g.duree)
                    for g in groupes], dtype=float).reshape(-1, 3)  # fmt: skip
    parts = parts_amorties(col[:, 0], col[:, 1], col[:, 2], annee)
    return [(g.nombre * float(p), g.nombre * float(p) * f) if ok else None
            for g, f, p, ok in zip(groupes, facteurs, parts, valide, strict=True)]  # fmt: skip


@dataclass
class Cumul:
    """Footprint of some items: per criterion, amortised manufacturing and use."""

    nombre: float = 0
    fabrication: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    usage: dict[str, float] = field(default_factory=lambda: defaultdict(float))

    @property
    def total(self) -> float:
        return self.fabrication.get("gwp", 0.0) + self.usage.get("gwp", 0.0)

    def total_de(self, critere: str) -> float:
        return self.fabrication.get(critere, 0.0) + self.usage.get(critere, 0.0)


@dataclass
class Annee:
    """The footprint of one year: whole fleet, by type, by site."""

    annee: int
    total: Cumul = field(default_factory=Cumul)
    par_type: dict[str, Cumul] = field(default_factory=lambda: defaultdict(Cumul))
    par_site: dict[int | None, Cumul] = field(default_factory=lambda: defaultdict(Cumul))
    par_type_site: dict[tuple[str, int | None], Cumul] = field(
        default_factory=lambda: defaultdict(Cumul)
    )
    # Items held that year whose type has no factor, per type.
    sans_facteur: dict[str, int] = field(default_factory=lambda: defaultdict(int))


def coefficients(table: TableFacteurs, evitement: float | None = None) -> dict:
    """Per type: (embodied per criterion for a new item, for a refurbished one, use per year
    per criterion at the chosen mix) — computed once, applied to every group."""
    e = evitement_reconditionne() if evitement is None else evitement
    mix = facteur_mix(table)
    resultat = {}
    for t, f in table.types.items():
        neuf = {c: m.valeur for c, m in f.intrinseque.items()}
        usage = {c: m.valeur * (mix if c == "gwp" else 1.0) for c, m in f.usage_annuel.items()}
        resultat[t] = (neuf, {c: v * (1 - e) for c, v in neuf.items()}, usage)
    return resultat


def _tableaux(groupes: list[Groupe]):
    """The groups as arrays (items with a date and, when they left, a date of leaving)."""
    valides = [g for g in groupes if g.debut is not None and not (g.hors_service and g.fin is None)]
    types = sorted({g.type for g in valides})
    sites = sorted({g.site_id for g in valides}, key=lambda s: (s is None, s or 0))
    rang_type = {t: k for k, t in enumerate(types)}
    rang_site = {s: k for k, s in enumerate(sites)}
    colonnes = np.array(
        [(g.debut, INFINI if g.fin is None else g.fin, g.duree, g.nombre, g.reconditionne,
          rang_type[g.type] * len(sites) + rang_site[g.site_id]) for g in valides],
        dtype=float,
    ).reshape(-1, 6)  # fmt: skip
    return types, sites, colonnes


def annees(groupes: list[Groupe], table: TableFacteurs, liste: list[int],
           evitement: float | None = None, detail: bool = True,
           croise: bool = False) -> dict[int, Annee]:  # fmt: skip
    """The yearly footprint (b) of each year of `liste`, by type and site with `detail`, by
    type × site with `croise`. For each year, array arithmetic over the groups gives each one's
    share held and share amortised; `bincount` sums them per type × site; the factors multiply
    those sums per type, once."""
    types, sites, col = _tableaux(groupes)
    debut, fin, duree, n, recond, cle = col.T
    a0, a1 = debut + 0.5, fin + 0.5
    nt, ns = len(types), len(sites)
    coef = coefficients(table, evitement)
    criteres_fab = sorted({c for f in coef.values() for c in f[0]})
    criteres_use = sorted({c for f in coef.values() for c in f[2]})

    def par_type(rang: int, criteres: list[str]) -> dict[str, np.ndarray]:
        return {c: np.array([coef[t][rang].get(c, 0.0) if t in coef else 0.0 for t in types])
                for c in criteres}  # fmt: skip

    f_neuf, f_recond, f_use = (par_type(0, criteres_fab), par_type(1, criteres_fab),
                               par_type(2, criteres_use))  # fmt: skip
    sans = np.array([t not in coef for t in types], dtype=bool)
    resultat = {}
    for a in liste:
        debut_annee = np.maximum(a, a0)
        detenue = np.clip(np.minimum(a + 1, a1) - debut_annee, 0, None)
        amorti = parts_amorties(debut, fin, duree, a) * n

        def somme(poids):
            return np.bincount(cle.astype(int), weights=poids, minlength=nt * ns).reshape(nt, ns)

        nombre = somme(n * (detenue > 0))
        neuf, rec, use = somme(amorti * (1 - recond)), somme(amorti * recond), somme(n * detenue)
        fab = {c: f_neuf[c][:, None] * neuf + f_recond[c][:, None] * rec for c in criteres_fab}
        usage = {c: f_use[c][:, None] * use for c in criteres_use}
        resultat[a] = _annee(a, types, sites, nombre, fab, usage, sans, detail, croise)
    return resultat


def _cumul(nombre: float, fab: dict, usage: dict, selection) -> Cumul:
    cumul = Cumul(float(nombre[selection].sum()))
    for c, valeurs in fab.items():
        cumul.fabrication[c] = float(valeurs[selection].sum())
    for c, valeurs in usage.items():
        cumul.usage[c] = float(valeurs[selection].sum())
    return cumul


def _annee(a, types, sites, nombre, fab, usage, sans, detail, croise) -> Annee:
    annee = Annee(a)
    avec = ~sans
    for k in np.nonzero(sans)[0]:
        if nombre[k].sum():
            annee.sans_facteur[types[k]] = int(nombre[k].sum())
    annee.total = _cumul(nombre, fab, usage, (avec, slice(None)))
    if detail:
        for k in np.nonzero(avec)[0]:
            if nombre[k].sum():
                annee.par_type[types[k]] = _cumul(nombre, fab, usage, (k, slice(None)))
        for j in np.nonzero(nombre[avec].sum(axis=0))[0]:
            annee.par_site[sites[j]] = _cumul(nombre, fab, usage, (avec, j))
    if croise:
        for k, j in zip(*np.nonzero(nombre * avec[:, None]), strict=True):
            annee.par_type_site[(types[k], sites[j])] = _cumul(nombre, fab, usage, (k, j))
    return annee


@dataclass
class Stock:
    """(a) The embodied footprint of the fleet in service, and what was left out."""

    total: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    nombre: int = 0
    par_type: dict[str, dict] = field(default_factory=dict)  # type → {"nombre", critere…}
    sans_facteur: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    sans_date: int = 0  # in service without acquisition date (in the stock, not in the years)


def stock(groupes: list[Groupe], table: TableFacteurs, evitement: float | None = None) -> Stock:
    coef = coefficients(table, evitement)
    s = Stock()
    for g in groupes:
        if g.hors_service:
            continue
        if g.debut is None:
            s.sans_date += g.nombre
        if g.type not in coef:
            s.sans_facteur[g.type] += g.nombre
            continue
        neuf, recond, _usage = coef[g.type]
        ligne = s.par_type.setdefault(g.type, defaultdict(float))
        ligne["nombre"] += g.nombre
        s.nombre += g.nombre
        for critere, valeur in (recond if g.reconditionne else neuf).items():
            ligne[critere] += valeur * g.nombre
            s.total[critere] += valeur * g.nombre
    return s


def empreinte_equipement(type_: str, debut: int | None, fin: int | None, duree: int,
                         reconditionne: bool, table: TableFacteurs, annee: int) -> Cumul | None:  # fmt: skip
    """The yearly footprint (b) of one item in `annee` (None: no factor or no date)."""
    if debut is None or type_ not in table.types:
        return None
    g = Groupe(type_, None, debut, fin, fin is not None, duree, reconditionne, 1)
    return annees([g], table, [annee], detail=False)[annee].total
