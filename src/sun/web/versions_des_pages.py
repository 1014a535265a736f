"""What each costly public page shows, as the versions of its data (`sun.core.versions`):
the fingerprint under which `pages_versionnees` keeps the page rendered for anonymous
visitors. A page that shows « open now » also depends on the minute."""

from django.conf import settings
from django.utils import timezone

from sun.connectivite.versions import DONNEES as CONNECTIVITE  # connectivite
from sun.connectivite.versions import SIGNALEMENTS as SIGNALEMENTS_CONNECTIVITE  # connectivite
from sun.core.versions import empreinte
from sun.inclusion.versions import ACTIVITES, ANALYSES, REGISTRE, RESEAU
from sun.pilotage.versions import PLAN
from sun.relation.versions import CATALOGUE
from sun.territoire.version import VERSION as TERRITOIRE


def _minute() -> str:
    return timezone.now().strftime("%Y-%m-%dT%H:%M")


def carte_des_lieux() -> str:
    return empreinte([REGISTRE, TERRITOIRE], _minute(), settings.SUN_DEPARTEMENT)


def plan_du_site_xml(**_url) -> str:
    return empreinte(
        [REGISTRE, TERRITOIRE, PLAN, CATALOGUE], timezone.localdate(), settings.SUN_DEPARTEMENT
    )


def commune_ou_epci(**_url) -> str:
    # The town hall's « open now » on the commune page: by the minute.
    connectivite = [CONNECTIVITE, SIGNALEMENTS_CONNECTIVITE]  # connectivite
    return empreinte([REGISTRE, TERRITOIRE, ANALYSES, PLAN, RESEAU, *connectivite], _minute())


def carte_des_communes() -> str:
    return empreinte([TERRITOIRE], settings.SUN_DEPARTEMENT)


def avancement() -> str:
    # Its public indicators are computed from any of the data.
    return empreinte(
        [PLAN, REGISTRE, RESEAU, ACTIVITES, ANALYSES, TERRITOIRE], timezone.localdate()
    )


def portail_des_demarches() -> str:
    return empreinte([CATALOGUE])


def page_d_une_demarche(slug: str) -> str:
    # Its desks are places of the register; the observed processing time changes once a day.
    return empreinte([CATALOGUE, REGISTRE], timezone.localdate().isoformat())


def connectivite_departement() -> str:  # connectivite
    # The copper calendar says what has closed « today »: by the day.
    return empreinte([CONNECTIVITE, TERRITOIRE], timezone.localdate(), settings.SUN_DEPARTEMENT)
