"""Scenarios on the fleet, pure arithmetic on grouped counts.

The baseline is the footprint page's: the manufacturing amortised in the year
(`calcul.fabrication_par_groupe`, the same terms `calcul.annees` sums), an item bought
refurbished counting (1 − e) of its embodied footprint, e being the share a refurbished purchase
avoids (`calcul.evitement_reconditionne`). An item amortised over L years costs, in a full year,
F ÷ L; renewed every L + k years instead, F ÷ (L + k). So:
- « durée de vie + k ans »: manufacturing avoided per year = today's amortised manufacturing ×
  k ÷ (L + k) (items already past their lifetime cost nothing today, and save nothing);
- « X % d'achats reconditionnés »: X % of the purchases made new bought refurbished instead,
  avoided per year = X/100 × e × today's amortised manufacturing of the items bought new.
The renewal view applies the first formula, per full year (F ÷ L of the same per-item factor),
to the items reaching their planned lifetime, and adds the purchases deferred (their number ×
the average price of their type)."""

from collections import defaultdict
from dataclasses import dataclass, field

from sun.parc.empreinte.calcul import (
    coefficients,
    evitement_reconditionne,
    fabrication_par_groupe,
    fabrication_unitaire,
    part_detenue,
)
from sun.parc.empreinte.facteurs import TableFacteurs
from sun.parc.empreinte.queries import Groupe

# DINUM, MiNumEco, « bonne pratique n° 1 » (DISIC/MiNumEco), as reference lines.
MINUMECO = (
    "Fabriquer un ordinateur émet 212 à 296 kg CO2e, un smartphone 50 à 57 kg ; garder un "
    "ordinateur trois ans de plus évite environ 65 kg CO2e, un smartphone deux ans de plus "
    "environ 16 kg (DINUM, MiNumEco, bonne pratique n° 1)."
)
SOURCE_EVITEMENT = (
    "ADEME (2022), évaluation du reconditionnement : un smartphone reconditionné plutôt que "
    "neuf réduit l'impact annuel de 77 à 91 % selon les indicateurs, de 87 % sur le "
    "changement climatique"
)


@dataclass
class LigneScenario:
    type: str
    libelle: str
    nombre: int = 0  # items held in the year, with a factor and a date
    achats_par_an: float = 0.0  # items × share amortised in the year (n / L in a full year)
    fabrication_par_an: float = 0.0  # kg CO2e amortised in the year (the footprint page's)
    fabrication_neuf: float = 0.0  # the part of it of the items bought new
    evite: dict[int, float] = field(default_factory=dict)  # k → kg CO2e avoided per year
    reconditionne: float = 0.0  # kg CO2e avoided per year at X %
    duree_moyenne: float = 0.0


@dataclass
class Scenarios:
    lignes: list[LigneScenario]
    total: LigneScenario
    part_reconditionne: float  # X, 0–100
    evitement: float  # e
    allongements: tuple[int, ...]
    annee: int = 0
    sans_date: int = 0  # in service without a date: not in the figures


def calculer(groupes: list[Groupe], table: TableFacteurs, annee: int,
             part_reconditionne: float = 0.0, allongements: tuple[int, ...] = (1, 2),
             evitement: float | None = None) -> Scenarios:  # fmt: skip
    e = evitement_reconditionne() if evitement is None else evitement
    x = min(100.0, max(0.0, float(part_reconditionne))) / 100
    par_type: dict[str, LigneScenario] = {}
    total = LigneScenario("", "Tout le parc", evite={k: 0.0 for k in allongements})
    annees_cumulees: dict[str, float] = defaultdict(float)
    termes = fabrication_par_groupe(groupes, table, annee, e)
    for g, terme in zip(groupes, termes, strict=True):
        if terme is None or not part_detenue(g.debut, g.fin, annee):
            continue
        ligne = par_type.get(g.type)
        if ligne is None:
            ligne = par_type[g.type] = LigneScenario(g.type, table.types[g.type].libelle,
                                                     evite={k: 0.0 for k in allongements})  # fmt: skip
        achats, fab = terme
        for cible in (ligne, total):
            cible.nombre += g.nombre
            cible.achats_par_an += achats
            cible.fabrication_par_an += fab
            if not g.reconditionne:
                cible.fabrication_neuf += fab
                cible.reconditionne += x * e * fab
            for k in allongements:
                cible.evite[k] += fab * k / (g.duree + k)
        annees_cumulees[g.type] += g.nombre * g.duree
        annees_cumulees[""] += g.nombre * g.duree
    for ligne in (*par_type.values(), total):
        ligne.duree_moyenne = annees_cumulees[ligne.type] / ligne.nombre if ligne.nombre else 0
    lignes = sorted(par_type.values(), key=lambda ligne: -ligne.fabrication_par_an)
    sans_date = sum(g.nombre for g in groupes if g.debut is None and not g.hors_service)
    return Scenarios(lignes, total, x * 100, e, allongements, annee, sans_date)


def evite_par_an(facteur: float, duree: float, k: int) -> float:
    """kg CO2e of manufacturing avoided per year by keeping one item k years more."""
    return facteur * (1 / duree - 1 / (duree + k))


@dataclass
class LigneRenouvellement:
    """Items reaching their planned lifetime, for one type (and one site, or all)."""

    type: str
    libelle: str
    site_id: int | None = None
    deja: int = 0  # lifetime reached before this year
    cette_annee: int = 0
    an_prochain: int = 0
    evite: dict[int, float] = field(default_factory=dict)  # k → kg CO2e/year (this + next)
    reporte: float | None = None  # € of purchases deferred (this + next), None: no price
    avec_facteur: bool = True

    @property
    def a_echeance(self) -> int:
        return self.cette_annee + self.an_prochain


def renouvellement(groupes: list[Groupe], table: TableFacteurs, annee: int,
                   prix: dict[str, float], allongements: tuple[int, ...] = (1, 2),
                   evitement: float | None = None):  # fmt: skip
    """Items in service reaching their planned lifetime (year of acquisition + L): before
    `annee`, in `annee`, in `annee` + 1; per type and per type × site. Keeping those of this
    year and next k years more avoids, per year, the manufacturing of their replacements
    amortised: n × F × (1/L − 1/(L + k)), F the footprint page's per-item factor
    (`calcul.fabrication_unitaire`: refurbished items count 1 − e, their replacements bought
    alike); their purchase (n × average price) is deferred."""
    from sun.parc.referentiel import TypeEquipement

    coef = coefficients(table, evitement)
    par_type: dict[str, LigneRenouvellement] = {}
    par_type_site: dict[tuple, LigneRenouvellement] = {}
    sans_date = 0

    def ligne_de(cles: dict, cle, t: str, site) -> LigneRenouvellement:
        if cle not in cles:
            cles[cle] = LigneRenouvellement(t, TypeEquipement(t).label, site,
                                            evite={k: 0.0 for k in allongements},
                                            avec_facteur=t in table.types)  # fmt: skip
        return cles[cle]

    for g in groupes:
        if g.hors_service:
            continue
        if g.debut is None:
            sans_date += g.nombre
            continue
        echeance = g.debut + g.duree
        if echeance > annee + 1:
            continue
        for ligne in (ligne_de(par_type, g.type, g.type, None),
                      ligne_de(par_type_site, (g.type, g.site_id), g.type, g.site_id)):  # fmt: skip
            if echeance < annee:
                ligne.deja += g.nombre
                continue
            if echeance == annee:
                ligne.cette_annee += g.nombre
            else:
                ligne.an_prochain += g.nombre
            f = fabrication_unitaire(coef, g.type, g.reconditionne)
            if f is not None:
                for k in allongements:
                    ligne.evite[k] += g.nombre * evite_par_an(f, g.duree, k)
            if g.type in prix:
                ligne.reporte = (ligne.reporte or 0.0) + g.nombre * prix[g.type]
    ordre = {t: n for n, t in enumerate(TypeEquipement.values)}
    types = sorted(par_type.values(), key=lambda ligne: ordre[ligne.type])
    sites = sorted(par_type_site.values(), key=lambda ligne: (ordre[ligne.type],
                                                                   ligne.site_id or 0))  # fmt: skip
    return types, sites, sans_date
