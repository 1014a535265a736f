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


# Rough boxes around the overseas départements: enough to tell their time zone from a point.
BOITES_OUTRE_MER = {
    "971": (15.8, 16.6, -61.9, -60.9),
    "972": (14.3, 14.95, -61.3, -60.7),
    "973": (2.0, 5.9, -54.7, -51.5),
    "974": (-21.45, -20.85, 55.2, 55.9),
    "976": (-13.1, -12.6, 44.9, 45.35),
}


def departement_outre_mer_au_point(latitude: float, longitude: float) -> str:
    """« 974 » for a point in La Réunion…, « » elsewhere (Paris time)."""
    for code, (sud, nord, ouest, est) in BOITES_OUTRE_MER.items():
        if sud <= latitude <= nord and ouest <= longitude <= est:
            return code
    return ""


def fuseau(code_departement: str) -> ZoneInfo:
    return ZoneInfo(FUSEAUX.get(code_departement, "Europe/Paris"))


def heure_locale(code_departement: str, instant: datetime | None = None) -> datetime:
    """Naive local wall-clock time in the département, as opening hours are written."""
    instant = instant or timezone.now()
    return instant.astimezone(fuseau(code_departement)).replace(tzinfo=None)
