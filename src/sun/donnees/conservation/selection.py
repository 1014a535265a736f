"""Which records of a kind are past a period: the limit day of a period (years, months or
days before today), the starting point of the rule (creation, closing, end of the financial
year — the calendar year for a collectivité), the sampling of « trier » rules and the extreme
dates of a selection. Pure reads, no write."""

import calendar
from datetime import date, datetime, time, timedelta

from django.db import models
from django.db.models import Max, Min, QuerySet
from django.utils import timezone

from sun.donnees.conservation.types import TypeEnregistrement
from sun.donnees.models import PointDepart, Unite

# Starting points SUN can compute on its own records.
APPLICABLES = (PointDepart.CREATION, PointDepart.CLOTURE, PointDepart.FIN_EXERCICE,
               PointDepart.DERNIERE_ACTIVITE)  # fmt: skip
# « Trier » keeps a sample: the records of the years ending in 0 and 5 (a usual sampling of the
# Archives; the rule's « modalités de tri » say it), the others go on an elimination slip.
ANNEES_GARDEES = tuple(a for a in range(1900, 2201) if a % 5 == 0)


def retrancher(aujourd_hui: date, valeur: int, unite: str) -> date:
    """`aujourd_hui` minus a period, month ends clamped."""
    if unite == Unite.JOURS:
        return aujourd_hui - timedelta(days=valeur)
    mois = valeur * 12 if unite == Unite.ANNEES else valeur
    index = aujourd_hui.month - 1 - mois
    annee, mois_final = aujourd_hui.year + index // 12, index % 12 + 1
    return date(annee, mois_final, min(aujourd_hui.day, calendar.monthrange(annee, mois_final)[1]))


def borne(modele: type[models.Model], champ: str, jour: date):
    """`jour` as a lookup value for `champ`: the local midnight for a date-time field."""
    if isinstance(modele._meta.get_field(champ), models.DateTimeField):
        return timezone.make_aware(datetime.combine(jour, time.min))
    return jour


def champ_depart(t: TypeEnregistrement, point_depart: str) -> str:
    if point_depart == PointDepart.CREATION:
        return t.champ_date
    return t.champ_fin()


def echus(t: TypeEnregistrement, limite: date, point_depart: str) -> QuerySet:
    """Records of `t` whose period, started at `point_depart`, ended before `limite` (the day
    the period began counting back from today)."""
    if t.selection is not None:
        return t.selection(limite, point_depart)
    qs = t.tous()
    champ = champ_depart(t, point_depart)
    if champ == t.champ_cloture and t.champ_cloture:
        qs = qs.filter(**{f"{champ}__isnull": False})
        if t.clos is not None:
            qs = t.clos(qs)
    if point_depart == PointDepart.FIN_EXERCICE:
        # The year-end of the record's year must be before the limit: its year is before the
        # limit's year (31 December of the limit's year is never before the limit).
        limite = date(limite.year, 1, 1)
    return qs.filter(**{f"{champ}__lt": borne(t.model(), champ, limite)})


def a_garder(t: TypeEnregistrement, qs: QuerySet, point_depart: str) -> QuerySet:
    """The sample a « trier » rule keeps."""
    champ = champ_depart(t, point_depart)
    return qs.filter(**{f"{champ}__year__in": ANNEES_GARDEES})


def sans(qs: QuerySet, pks: set) -> QuerySet:
    return qs.exclude(pk__in=pks) if pks else qs


def _jour(valeur):
    if valeur is None:
        return None
    if isinstance(valeur, datetime):
        return timezone.localtime(valeur).date() if timezone.is_aware(valeur) else valeur.date()
    return valeur


def dates_extremes(t: TypeEnregistrement, pks: list) -> tuple[date | None, date | None]:
    """Earliest creation and latest closing (or creation) of these records."""
    if not pks:
        return None, None
    qs = t.model()._default_manager.filter(pk__in=pks)
    valeurs = qs.aggregate(debut=Min(t.champ_date), fin=Max(t.champ_fin()),
                           fin2=Max(t.champ_date))  # fmt: skip
    return _jour(valeurs["debut"]), _jour(valeurs["fin"] or valeurs["fin2"])


def lignes_bordereau(t: TypeEnregistrement, pks: list, limite: int | None = None) -> list[list]:
    """The identifier and date of each record listed (never personal content)."""
    champs = [c for c, _ in t.champs_bordereau]
    qs = t.model()._default_manager.filter(pk__in=pks).order_by("pk").values_list(*champs)
    if limite is not None:
        qs = qs[:limite]
    return [[_jour(v) if isinstance(v, date | datetime) else v for v in ligne] for ligne in qs]


def existants(t: TypeEnregistrement, pks: list) -> list:
    return list(t.model()._default_manager.filter(pk__in=pks).values_list("pk", flat=True))
