"""What the footprint pages, the CSV, the command and the public summary show, gathered in one
place: the views and the command only format it. Every figure carries the factor edition and
the assumptions (`Hypotheses`)."""

from dataclasses import dataclass, field

from django.utils import timezone

from sun.parc.cycle_vie import duree_de_vie
from sun.parc.empreinte import calcul, queries
from sun.parc.empreinte.facteurs import (
    LIBELLES_CRITERES,
    SOURCE_MIX,
    TableFacteurs,
    mix_electrique,
    table_courante,
)
from sun.parc.empreinte.scenarios import SOURCE_EVITEMENT
from sun.parc.referentiel import TypeEquipement

ANNEES_SERIE = 10
SANS_SITE = "Sans site"


@dataclass(frozen=True)
class Hypotheses:
    """What every figure rests on, shown beside it."""

    edition: str  # the edition's mention (title and date)
    code: str
    source: str
    remarques: str
    durees: list[tuple[str, int, float | None]]  # (type label, planned lifetime, source's)
    mix: float
    mix_applique: bool
    evitement: float
    source_evitement: str
    approximations: list[tuple[str, str]]
    date: object  # the date of the fleet's data

    @property
    def evitement_pourcent(self) -> int:
        return round(self.evitement * 100)

    @property
    def mix_texte(self) -> str:
        if self.mix_applique:
            return (f"{self.mix:.3f}".rstrip("0").replace(".", ",") + " kg CO2e/kWh "
                    "(hypothèse de SUN, que l'administrateur du site peut changer ; par défaut "
                    f"{SOURCE_MIX})")  # fmt: skip
        return ("usage tel que publié par l'édition (son mix électrique n'est pas donné : "
                "l'hypothèse de mix électrique de SUN ne s'y applique pas)")  # fmt: skip


def note_demo() -> str:
    """« 1 équipement de démonstration non compté » (empty without any)."""
    n = queries.demonstration_exclue()
    if not n:
        return ""
    s = "s" if n > 1 else ""
    return f"{n} équipement{s} de démonstration non compté{s}"


def hypotheses(table: TableFacteurs) -> Hypotheses:
    durees = [(TypeEquipement(t).label, duree_de_vie(t),
               table.types[t].duree_de_vie_source if t in table.types else None)
              for t in TypeEquipement.values]  # fmt: skip
    approximations = [(f.libelle, f.approximation) for f in table.types.values()
                      if f.approximation]  # fmt: skip
    return Hypotheses(table.mention, table.code, table.source, table.remarques, durees,
                      mix_electrique(), table.mix_reference is not None,
                      calcul.evitement_reconditionne(), SOURCE_EVITEMENT, approximations,
                      queries.date_des_donnees() or timezone.localdate())  # fmt: skip


@dataclass
class Ligne:
    """One row of a table: a type, a site or a year."""

    cle: object
    libelle: str
    nombre: float
    fabrication: float  # kg CO2e, amortised manufacturing
    usage: float  # kg CO2e
    autres: dict[str, float] = field(default_factory=dict)  # other criteria, total

    @property
    def total(self) -> float:
        return self.fabrication + self.usage


def _ligne(cle, libelle: str, cumul: calcul.Cumul, criteres) -> Ligne:
    autres = {c: cumul.total_de(c) for c in criteres if c != "gwp"}
    return Ligne(cle, libelle, cumul.nombre, cumul.fabrication.get("gwp", 0.0),
                 cumul.usage.get("gwp", 0.0), autres)  # fmt: skip


@dataclass
class Tableau:
    table: TableFacteurs
    hypotheses: Hypotheses
    annee: int
    total: Ligne
    stock: calcul.Stock
    par_type: list[Ligne]
    par_site: list[Ligne]
    serie: list[Ligne]
    sans_facteur: list[tuple[str, int]]  # (type label, items held in the year)
    sans_date: int
    par_agent: float | None
    effectif: int
    note_demo: str
    criteres: list[tuple[str, str, str]]  # (code, label, unit) beyond gwp

    @property
    def vide(self) -> bool:
        return not self.stock.nombre and not self.total.nombre


def groupes() -> list[queries.Groupe]:
    """The grouped fleet, computed once per version of the fleet's data (and of the planned
    lifetimes, which the groups resolve)."""
    from django.conf import settings

    from sun.core.calculs_versionnes import calcul_versionne
    from sun.core.versions import empreinte
    from sun.parc.versions import PARC

    durees = sorted((getattr(settings, "SUN_PARC_DUREES_DE_VIE", {}) or {}).items())
    return calcul_versionne("parc-empreinte-groupes", empreinte([PARC], durees), queries.groupes)


def annee_courante() -> int:
    return timezone.localdate().year


def tableau(annee: int | None = None, edition: str | None = None) -> Tableau:
    from sun.parc.empreinte.facteurs import CRITERES

    annee = annee or annee_courante()
    table = table_courante(edition)
    lot = groupes()
    liste = list(range(annee - ANNEES_SERIE + 1, annee + 1))
    resultats = calcul.annees(lot, table, liste)
    courante = resultats[annee]
    sites = queries.sites()
    criteres = [c for c in table.criteres if c != "gwp"]
    par_type = [_ligne(t, TypeEquipement(t).label, courante.par_type[t], criteres)
                for t in TypeEquipement.values if t in courante.par_type]  # fmt: skip
    par_site = sorted(
        (_ligne(s, sites[s].nom if s in sites else SANS_SITE, c, criteres)
         for s, c in courante.par_site.items()),
        key=lambda ligne: -ligne.total,
    )  # fmt: skip
    serie = [_ligne(a, str(a), resultats[a].total, criteres) for a in liste]
    connus = {pk: s.effectif for pk, s in sites.items() if s.effectif}
    effectif = sum(connus.values())
    par_agent = (sum(courante.par_site[pk].total for pk in connus if pk in courante.par_site)
                 / effectif) if effectif else None  # fmt: skip
    return Tableau(
        table=table, hypotheses=hypotheses(table), annee=annee,
        total=_ligne(None, "Tout le parc", courante.total, criteres),
        stock=calcul.stock(lot, table), par_type=par_type, par_site=par_site, serie=serie,
        sans_facteur=[(TypeEquipement(t).label, n) for t, n in courante.sans_facteur.items()],
        sans_date=sum(g.nombre for g in lot if g.debut is None and not g.hors_service),
        par_agent=par_agent, effectif=effectif,
        note_demo=note_demo(),
        criteres=[(c, LIBELLES_CRITERES[c], CRITERES[c]) for c in criteres],
    )  # fmt: skip


@dataclass
class PageScenarios:
    table: TableFacteurs
    hypotheses: Hypotheses
    resultat: object  # scenarios.Scenarios
    references: list[str]
    note_demo: str


def page_scenarios(part_reconditionne: float = 0.0, edition: str | None = None,
                   annee: int | None = None) -> PageScenarios:  # fmt: skip
    """The scenarios on the baseline of `tableau(annee)`: the same amortised manufacturing."""
    from sun.parc.empreinte import scenarios

    table = table_courante(edition)
    resultat = scenarios.calculer(groupes(), table, annee or annee_courante(), part_reconditionne)
    return PageScenarios(table, hypotheses(table), resultat, _references(table),
                         note_demo())  # fmt: skip


def _references(table: TableFacteurs) -> list[str]:
    """MiNumEco's figures, and the same cases computed with the edition and SUN's lifetimes."""
    from sun.core.text import nombre
    from sun.parc.empreinte.scenarios import MINUMECO, evite_par_an

    lignes = [MINUMECO]
    for t, k in ((TypeEquipement.PORTABLE, 3), (TypeEquipement.SMARTPHONE, 2)):
        if t in table.types:
            f, duree = table.types[t].intrinseque["gwp"].valeur, duree_de_vie(t)
            lignes.append(
                f"Avec {table.titre} : un {TypeEquipement(t).label.lower()} ({nombre(f, 1)} kg "
                f"CO2e hors usage, {duree} ans prévus) gardé {k} ans de plus évite "
                f"{nombre(evite_par_an(f, duree, k), 1)} kg CO2e de fabrication par an, soit "
                f"{nombre(evite_par_an(f, duree, k) * (duree + k), 1)} kg sur sa vie allongée."
            )
    return lignes


@dataclass
class PageRenouvellement:
    table: TableFacteurs
    hypotheses: Hypotheses
    annee: int
    par_type: list
    par_site: list  # LigneRenouvellement with `site` names
    noms_sites: dict
    sans_date: int
    total: object
    note_demo: str


def page_renouvellement(annee: int | None = None, edition: str | None = None):
    from sun.parc.empreinte.scenarios import LigneRenouvellement, renouvellement

    annee = annee or annee_courante()
    table = table_courante(edition)
    par_type, par_site, sans_date = renouvellement(groupes(), table, annee,
                                                   queries.prix_moyens())  # fmt: skip
    total = LigneRenouvellement("", "Tous les types", evite={1: 0.0, 2: 0.0})
    for ligne in par_type:
        total.deja += ligne.deja
        total.cette_annee += ligne.cette_annee
        total.an_prochain += ligne.an_prochain
        for k, v in ligne.evite.items():
            total.evite[k] += v
        if ligne.reporte is not None:
            total.reporte = (total.reporte or 0.0) + ligne.reporte
    noms = {pk: s.nom for pk, s in queries.sites().items()}
    return PageRenouvellement(table, hypotheses(table), annee, par_type,
                              [ligne for ligne in par_site if ligne.deja or ligne.a_echeance],
                              noms, sans_date, total,
                              note_demo())  # fmt: skip


@dataclass(frozen=True)
class Resume:
    """The public summary (`_resume.html`): the fleet's yearly footprint."""

    annee: int
    tonnes: float | None
    par_agent: float | None
    nombre: int
    edition: str
    date: object
    note: str


def resume_public(annee: int | None = None) -> Resume:
    t = tableau(annee)
    return Resume(t.annee, round(t.total.total / 1000, 1) if t.total.nombre else None,
                  None if t.par_agent is None else round(t.par_agent, 1),
                  round(t.total.nombre), t.hypotheses.edition, t.hypotheses.date, t.note_demo)  # fmt: skip
