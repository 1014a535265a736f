"""The fleet in figures (schéma 5.4, « partager l'inventaire des équipements et du taux de
renouvellement »): equipment in service per type with its average age, the renewal rate of a
year and the average age at decommissioning. Aggregates only: no item is listed."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Avg, Count, F, FloatField, Max, Q, Value
from django.db.models.fields import DateField
from django.utils import timezone

from sun.parc.models import Equipement
from sun.parc.referentiel import Etat, TypeEquipement
from sun.parc.taux.queries import JoursEntre

EN_SERVICE = (Etat.EN_SERVICE, Etat.EN_REPARATION)
REGLE_RENOUVELLEMENT = (
    "Taux de renouvellement de l'année N : équipements acquis pendant N ÷ équipements du parc "
    "au 31 décembre N (acquis au plus tard ce jour-là et non réformés avant), × 100. Les "
    "équipements sans date d'acquisition ne sont pas comptés."
)  # fmt: skip


def _ans(jours: float | None) -> float | None:
    return None if jours is None else round(jours / 365.25, 1)


@dataclass(frozen=True)
class LigneType:
    type: str
    nombre: int
    age_moyen: float | None  # years, among items whose acquisition date is known
    sans_date: int

    @property
    def libelle(self) -> str:
        return TypeEquipement(self.type).label


def en_service_par_type(jour: date | None = None, demonstration: bool = False) -> list[LigneType]:
    """Items in service (or in repair) per type, most numerous first, with their average age."""
    jour = jour or timezone.localdate()
    age = JoursEntre(Value(jour, output_field=DateField()), F("date_acquisition"))
    rangs = (
        Equipement.objects.filter(demonstration=demonstration, etat__in=EN_SERVICE)
        .values("type")
        .annotate(
            n=Count("pk"),
            age=Avg(age, output_field=FloatField()),
            sans_date=Count("pk", filter=Q(date_acquisition__isnull=True)),
        )
        .order_by("-n", "type")
    )
    return [LigneType(r["type"], r["n"], _ans(r["age"]), r["sans_date"]) for r in rangs]


def age_moyen_en_service(lignes: list[LigneType]) -> float | None:
    """The average over every type, weighted by the items with a known date."""
    poids = [(ligne.nombre - ligne.sans_date, ligne.age_moyen) for ligne in lignes
             if ligne.age_moyen is not None]  # fmt: skip
    total = sum(n for n, _ in poids)
    return round(sum(n * a for n, a in poids) / total, 1) if total else None


@dataclass(frozen=True)
class Renouvellement:
    annee: int
    acquis: int
    parc: int

    @property
    def taux(self) -> float | None:
        return round(100 * self.acquis / self.parc, 1) if self.parc else None


def renouvellement(annee: int, demonstration: bool = False) -> Renouvellement:
    debut, fin = date(annee, 1, 1), date(annee, 12, 31)
    c = Equipement.objects.filter(demonstration=demonstration).aggregate(
        acquis=Count("pk", filter=Q(date_acquisition__range=(debut, fin))),
        parc=Count("pk", filter=Q(date_acquisition__lte=fin)
                   & (Q(date_reforme__isnull=True) | Q(date_reforme__gt=fin))),
    )  # fmt: skip
    return Renouvellement(annee, c["acquis"], c["parc"])


@dataclass(frozen=True)
class DureeDeVie:
    annees: float | None
    nombre: int
    derniere_reforme: date | None


def duree_vie_moyenne(demonstration: bool = False) -> DureeDeVie:
    """Average age at decommissioning of the items decommissioned with a known acquisition."""
    age = JoursEntre(F("date_reforme"), F("date_acquisition"))
    c = Equipement.objects.filter(
        demonstration=demonstration, date_reforme__isnull=False, date_acquisition__isnull=False
    ).aggregate(age=Avg(age, output_field=FloatField()), n=Count("pk"), fin=Max("date_reforme"))
    return DureeDeVie(_ans(c["age"]), c["n"], c["fin"])


def nombre_reels() -> int:
    return Equipement.objects.reels().count()


def seulement_demonstration() -> bool:
    """No real item but demonstration ones: the public page shows those, labelled."""
    return (
        not Equipement.objects.reels().exists()
        and Equipement.objects.filter(demonstration=True).exists()
    )
