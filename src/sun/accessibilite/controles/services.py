"""`controler`: the automated check of the registered addresses, recorded per run and per
address. Reads the register, runs the browser (no ORM meanwhile), then writes in one
transaction."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from sun.accessibilite.controles.navigateur import Analyse, analyser, verifier_outils
from sun.accessibilite.models import Controle, ResultatPage, ServiceNumerique, TypeService


class ControleImpossible(ValueError):
    """Nothing to check (unknown code, no address): the message says why."""


@dataclass
class Bilan:
    controle: Controle
    ecartes: list[tuple[ServiceNumerique, str]]  # services not checked, with the reason


def controler(
    slug: str | None = None, toutes: bool = False, *, chromium: str | None = None,
    delai_s: float | None = None, horloge: Callable[[], datetime] = timezone.now,
) -> Bilan:  # fmt: skip
    """Check one service (`slug`, demonstration entries included) or every real one; their
    main address, and with `toutes` their other pages to check too."""
    chromium = chromium or settings.SUN_CHROMIUM
    delai_s = delai_s or settings.SUN_ACCESSIBILITE_DELAI_S
    services = list(ServiceNumerique.objects.controlables(slug))
    if slug and not services:
        raise ControleImpossible(f"Aucun service numérique de code « {slug} » au registre.")
    ecartes = [(sn, "application mobile : sa fiche de boutique n'est pas l'application")
               for sn in services if sn.type == TypeService.APPLICATION]  # fmt: skip
    cibles = [(sn, url) for sn in services if sn.type != TypeService.APPLICATION
              for url in sn.urls_a_controler(toutes)]  # fmt: skip
    if not cibles:
        raise ControleImpossible("Aucune adresse à contrôler au registre des services numériques.")
    verifier_outils(chromium)
    debut = horloge()
    analyses, version_axe, navigateur = analyser([u for _, u in cibles], chromium=chromium,
                                                 delai_s=delai_s)  # fmt: skip
    controle = enregistrer_controle(debut, horloge(), cibles, analyses, version_axe, navigateur)
    return Bilan(controle, ecartes)


@transaction.atomic
def enregistrer_controle(
    debut: datetime, fin: datetime, cibles: list[tuple[ServiceNumerique, str]],
    analyses: list[Analyse], version_axe: str, navigateur: str,
) -> Controle:  # fmt: skip
    atteintes = sum(a.atteinte for a in analyses)
    controle = Controle.objects.create(
        debut=debut, fin=fin, version_axe=version_axe, navigateur=navigateur[:80],
        pages_atteintes=atteintes, pages_injoignables=len(analyses) - atteintes,
    )  # fmt: skip
    ResultatPage.objects.bulk_create([
        ResultatPage(
            controle=controle, service=sn, url=a.url, atteinte=a.atteinte, erreur=a.erreur,
            statut_http=a.statut_http, regles_verifiees=a.regles_verifiees,
            violations=len(a.violations), noeuds=a.noeuds, par_impact=a.par_impact(),
            detail=a.violations,
        )
        for (sn, _), a in zip(cibles, analyses, strict=True)
    ])  # fmt: skip
    return controle
