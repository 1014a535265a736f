"""Local time of a département: overseas départements do not live on Paris time."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

FUSEAUX = {
    "971": "America/Guadeloupe",
    "972": "America/Martinique",
    "973": "America/Cayenne",
    "974": "Indian/Reunion",
    "976": "Indian/Mayotte",
}


def fuseau(code_departement: str) -> ZoneInfo:
    return ZoneInfo(FUSEAUX.get(code_departement, "Europe/Paris"))


def heure_locale(code_departement: str, instant: datetime | None = None) -> datetime:
    """Naive local wall-clock time in the département, as opening hours are written."""
    instant = instant or timezone.now()
    return instant.astimezone(fuseau(code_departement)).replace(tzinfo=None)
