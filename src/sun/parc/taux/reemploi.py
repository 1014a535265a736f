"""The reuse rate of décret n° 2023-266 for year N, as art. 3 defines it:

    taux = A / B × 100

- B: the in-scope decommissioned items (categories 2° and 6° of R543-172 II, not more than ten
  years old when decommissioned, no classified or security-bound information) in stock on
  1 January N — decommissioned before that day and not gone out before it;
- A: the in-scope items oriented to reuse or re-use during N — gone out in N by a reuse route
  (réemploi, réutilisation, don), the taker having committed on or before the exit day and
  having proved the reuse.

The count is in units. A counts items decommissioned during N too, so the rate may exceed
100 %; next to it, a steering ratio A / (B + items decommissioned during N). B is frozen once
(`StockReforme`, see services.figer_stock): the rate uses the snapshot when there is one."""

from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone

from sun.parc.models import StockReforme
from sun.parc.referentiel import objectif_reemploi
from sun.parc.taux import queries

SOURCE = "Inventaire et sorties tenus dans SUN"
REFERENCE = ("Décret n° 2023-266 du 12 avril 2023, art. 1 à 3 (pris pour l'article 16 de la "
             "loi n° 2021-1485 du 15 novembre 2021, dite REEN)")  # fmt: skip
REGLE = (
    "Taux = A ÷ B × 100. B : les équipements des catégories 2° (écrans, équipements avec écran "
    "de plus de 100 cm²) et 6° (petits équipements informatiques et de télécommunications) "
    "réformés et en stock au 1er janvier de l'année. A : ceux de ces équipements orientés vers "
    "le réemploi ou la réutilisation pendant l'année — sortis par cession, vente, don ou "
    "reprise, le preneur s'étant engagé au réemploi au plus tard le jour de la sortie et en "
    "ayant apporté la preuve. Sont exclus les équipements de plus de dix ans à la date de "
    "leur réforme et ceux qui contiennent des informations classifiées ou soumises à des "
    "obligations de sécurité propres. Le décompte se fait en unités. A compte aussi des "
    "équipements réformés pendant l'année : le taux peut dépasser 100 %."
)  # fmt: skip


@dataclass(frozen=True)
class Motif:
    code: str
    libelle: str
    nombre: int


@dataclass
class TauxAnnee:
    annee: int
    a: int
    b: int
    reformes: int  # in-scope items decommissioned during the year
    objectif: int | None
    fige: StockReforme | None
    b_calcule: int  # B as computed now (equal to `b` when not frozen)
    calcule_le: date = field(default_factory=timezone.localdate)
    demonstration: bool = False

    @property
    def taux(self) -> float | None:
        return round(100 * self.a / self.b, 1) if self.b else None

    @property
    def pourquoi_sans_taux(self) -> str:
        if self.b:
            return ""
        return ("Aucun équipement réformé du champ n'était en stock au 1er janvier "
                f"{self.annee} (B = 0) : le taux n'est pas défini.")  # fmt: skip

    @property
    def ratio_pilotage(self) -> float | None:
        base = self.b + self.reformes
        return round(100 * self.a / base, 1) if base else None

    @property
    def ecart(self) -> float | None:
        """Rate minus target, in points (positive: target met)."""
        if self.taux is None or self.objectif is None:
            return None
        return round(self.taux - self.objectif, 1)

    @property
    def en_cours(self) -> bool:
        return self.annee >= self.calcule_le.year

    @property
    def atteint(self) -> bool | None:
        return None if self.ecart is None else self.ecart >= 0

    @property
    def verdict(self) -> str:
        """« atteint », « non atteint », or « année en cours » (not judged before its end)."""
        if self.ecart is None:
            return ""
        if self.en_cours:
            return "année en cours"
        return "atteint" if self.atteint else "non atteint"

    @property
    def etat_du_stock(self) -> str:
        if self.fige:
            return f"figé le {timezone.localtime(self.fige.fige_le):%d/%m/%Y}"
        return "non figé (calculé à la date du jour)"

    @property
    def fige_differe(self) -> bool:
        """The frozen B differs from what the inventory says today (a later edit)."""
        return self.fige is not None and self.fige.nombre != self.b_calcule

    @property
    def date_des_chiffres(self) -> date:
        """The last day the figures refer to: 31 December, or today for the current year."""
        return min(date(self.annee, 12, 31), self.calcule_le)


def taux_annee(annee: int, demonstration: bool = False, fige: StockReforme | None = None,
               _charger_fige: bool = True) -> TauxAnnee:  # fmt: skip
    """The figures of one year (one aggregate query, plus the snapshot's)."""
    c = queries.comptes(annee, demonstration)
    if fige is None and _charger_fige and not demonstration:
        fige = StockReforme.objects.filter(annee=annee).first()
    b = fige.nombre if fige is not None else c["b"]
    return TauxAnnee(annee, c["a"], b, c["reformes"], objectif_reemploi(annee), fige, c["b"],
                     demonstration=demonstration)  # fmt: skip


def annees(jour: date | None = None, demonstration: bool = False) -> list[int]:
    """The years to show: from the first year with a decommissioned item in stock (at the
    latest 2023, the first year of the objective) to the current year."""
    jour = jour or timezone.localdate()
    debut, _fin = queries.annees_avec_donnees(demonstration)
    debut = min(debut or 2023, 2023)
    return list(range(debut, jour.year + 1))


def serie(jour: date | None = None, demonstration: bool = False,
          choisies: list[int] | None = None) -> list[TauxAnnee]:  # fmt: skip
    """Every year (or the `choisies` ones), newest first: one query per year and one for the
    snapshots."""
    figes = {} if demonstration else {s.annee: s for s in StockReforme.objects.all()}
    liste = sorted(choisies or annees(jour, demonstration), reverse=True)
    return [taux_annee(a, demonstration, figes.get(a), _charger_fige=False) for a in liste]


def derniere_annee_complete(jour: date | None = None) -> int:
    return (jour or timezone.localdate()).year - 1


@dataclass
class DetailAnnee:
    """What lies behind the figures of a year: exclusions and exits not counted."""

    exclusions_stock: list[Motif]
    exclusions_sorties: list[Motif]
    non_comptees: list[Motif]


def detail(annee: int, demonstration: bool = False) -> DetailAnnee:
    c = queries.detail_comptes(annee, demonstration)
    return DetailAnnee(
        [Motif(k, lib, c[f"stock_{k}"]) for k, lib, *_ in queries.EXCLUSIONS],
        [Motif(k, lib, c[f"sortie_{k}"]) for k, lib, *_ in queries.EXCLUSIONS],
        [Motif(k, lib, c[f"non_{k}"]) for k, lib, *_ in queries.NON_COMPTEES],
    )


def liste_b(annee: int, fige: StockReforme | None, demonstration: bool = False):
    """The items behind B: the snapshot's when frozen, else as computed now."""
    if fige is not None:
        return queries.equipements(demonstration).filter(pk__in=fige.equipements)
    return queries.stock(annee, demonstration)


EN_TETE_CSV = ["annee", "a_orientes_reemploi", "b_stock_1er_janvier", "taux_pct", "objectif_pct",
               "ecart_points", "b_fige", "reformes_dans_l_annee", "ratio_pilotage_pct",
               "source", "date_des_chiffres"]  # fmt: skip


def lignes_csv(serie_: list[TauxAnnee]):
    yield EN_TETE_CSV
    for t in sorted(serie_, key=lambda t: t.annee):
        yield [t.annee, t.a, t.b, _nombre(t.taux), _nombre(t.objectif), _nombre(t.ecart),
               "oui" if t.fige else "non", t.reformes, _nombre(t.ratio_pilotage), SOURCE,
               t.date_des_chiffres.isoformat()]  # fmt: skip


def _nombre(x) -> str:
    return "" if x is None else str(x)
