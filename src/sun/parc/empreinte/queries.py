"""The few aggregate reads of the footprint: the fleet grouped by type × site × year of
acquisition × year of decommissioning × planned lifetime × purchase (one GROUP BY, whatever
the size of the fleet), the average price per type, the sites with their staff, and what
demonstration data was left out. Demonstration equipment and sites never count."""

from dataclasses import dataclass
from typing import NamedTuple

from django.db.models import (
    Avg,
    Case,
    Count,
    Func,
    IntegerField,
    Max,
    Q,
    Value,
    When,
)
from django.db.models.functions import Coalesce, ExtractYear

from sun.parc.cycle_vie import duree_de_vie
from sun.parc.models import Equipement, Site
from sun.parc.referentiel import Achat, Etat

HORS_SERVICE = (Etat.REFORME, Etat.SORTI)


class Annee(Func):
    """The year of a date, computed by the database itself: SQLite's strftime (Django's
    ExtractYear calls a Python function there, once per row), EXTRACT elsewhere."""

    output_field = IntegerField()

    def as_sql(self, compiler, connection, **extra):
        return ExtractYear(*self.source_expressions).as_sql(compiler, connection)

    def as_sqlite(self, compiler, connection, **extra):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"CAST(strftime('%%Y', {sql}) AS INTEGER)", params


class Groupe(NamedTuple):
    """Items alike for the footprint: same type, site, years and planned lifetime."""

    type: str
    site_id: int | None
    debut: int | None  # year of acquisition (else of commissioning); None: unknown
    fin: int | None  # year of decommissioning, for items no longer in the fleet
    hors_service: bool  # decommissioned or left the fleet
    duree: int  # planned lifetime in years (cycle_vie.duree_de_vie)
    reconditionne: bool  # bought refurbished
    nombre: int


def equipements_comptes():
    """Real items held at some point (ordered ones are not held yet)."""
    return (Equipement.objects.reels().exclude(etat=Etat.COMMANDE)
            .exclude(site__demonstration=True))  # fmt: skip


def groupes() -> list[Groupe]:
    """The whole fleet in one GROUP BY query."""
    hors = Q(etat__in=HORS_SERVICE)
    annotations = {
        "_debut": Annee(Coalesce("date_acquisition", "date_mise_en_service")),
        "_hors": Case(When(hors, then=Value(1)), default=Value(0), output_field=IntegerField()),
        "_fin": Case(When(hors, then=Annee("date_reforme")), default=None,
                     output_field=IntegerField()),
    }  # fmt: skip
    lignes = (
        equipements_comptes()
        .annotate(**annotations)
        .values_list("type", "site_id", "_debut", "_fin", "_hors", "duree_vie_cible", "achat")
        .annotate(n=Count("pk"))
        .order_by()
    )
    durees: dict[tuple, int] = {}
    resultat = []
    for t, site, debut, fin, hors_, cible, achat, n in lignes:
        if (t, cible) not in durees:
            durees[(t, cible)] = duree_de_vie(t, cible)
        resultat.append(Groupe(t, site, debut, fin, bool(hors_), durees[(t, cible)],
                               achat == Achat.RECONDITIONNE, n))  # fmt: skip
    return resultat


def prix_moyens() -> dict[str, float]:
    """Average purchase price (€ excl. VAT) per type, over the real items with a price."""
    lignes = (equipements_comptes().filter(prix_acquisition__isnull=False)
              .values_list("type").annotate(p=Avg("prix_acquisition")).order_by())  # fmt: skip
    return {t: float(p) for t, p in lignes if p is not None}


@dataclass(frozen=True)
class SiteParc:
    pk: int
    nom: str
    effectif: int | None


def sites() -> dict[int, SiteParc]:
    return {pk: SiteParc(pk, nom, effectif) for pk, nom, effectif in
            Site.objects.filter(demonstration=False).values_list("pk", "nom", "effectif")}  # fmt: skip


def demonstration_exclue() -> int:
    """Demonstration items (or items of a demonstration site) left out of every figure."""
    return Equipement.objects.filter(Q(demonstration=True) | Q(site__demonstration=True)).count()


def date_des_donnees():
    """When the fleet was last written (the date of the figures), or None without items."""
    quand = equipements_comptes().aggregate(d=Max("date_maj"))["d"]
    return quand.date() if quand else None
