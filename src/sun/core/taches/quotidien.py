"""The daily jobs: each domain declares its own in `tasks.py` (indicators, reminders to
pilots; later the legal deadlines and purges), the worker runs them all once a day at
SUN_TACHES_HEURE. See `services.planifier` for how a day is queued once only."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.conf import settings
from django.utils import timezone


@dataclass(frozen=True)
class TacheQuotidienne:
    code: str
    libelle: str
    fonction: Callable[[], str]  # returns a one-line summary, in French


_QUOTIDIENNES: dict[str, TacheQuotidienne] = {}


def declarer(code: str, libelle: str, fonction: Callable[[], str]) -> TacheQuotidienne:
    _QUOTIDIENNES[code] = TacheQuotidienne(code, libelle, fonction)
    return _QUOTIDIENNES[code]


def toutes() -> list[TacheQuotidienne]:
    return list(_QUOTIDIENNES.values())


def heure() -> time:
    """SUN_TACHES_HEURE (« HH:MM », local time), 03:30 if unreadable."""
    try:
        heures, minutes = (int(x) for x in settings.SUN_TACHES_HEURE.split(":"))
        return time(heures, minutes)
    except ValueError:
        return time(3, 30)


def prochaine_execution(maintenant: datetime | None = None) -> datetime:
    """The next SUN_TACHES_HEURE after `maintenant` (aware, in the site's time zone)."""
    maintenant = timezone.localtime(maintenant or timezone.now())
    prevue = timezone.make_aware(datetime.combine(maintenant.date(), heure()))
    if prevue <= maintenant:
        prevue = timezone.make_aware(
            datetime.combine(maintenant.date() + timedelta(days=1), heure())
        )
    return prevue
