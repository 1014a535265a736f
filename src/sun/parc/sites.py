"""Writes of the fleet's sites (services, collèges, buildings): each checks first and writes
nothing when it refuses (RefusCycleVie, a French sentence naming the field at fault)."""

import re

from django.db import transaction

from sun.parc.cycle_vie import RefusCycleVie
from sun.parc.models import Site

CHAMPS = ("nom", "genre", "code_uai", "commune", "effectif")
UAI = re.compile(r"^[0-9]{7}[A-Z]$")


def _verifier(site: Site) -> None:
    site.nom = (site.nom or "").strip()
    site.code_uai = (site.code_uai or "").strip().upper()
    if not site.nom:
        raise RefusCycleVie("Donnez un nom au site.", "nom")
    if site.genre not in Site.Genre.values:
        raise RefusCycleVie(f"Genre de site inconnu : « {site.genre} ».", "genre")
    if site.code_uai and not UAI.match(site.code_uai):
        raise RefusCycleVie("Un code UAI a sept chiffres et une lettre (par exemple 0110001A).",
                            "code_uai")  # fmt: skip
    if site.effectif is not None and site.effectif < 0:
        raise RefusCycleVie("L'effectif ne peut pas être négatif.", "effectif")
    if Site.objects.filter(nom__iexact=site.nom).exclude(pk=site.pk).exists():
        raise RefusCycleVie(f"Un site s'appelle déjà « {site.nom} ».", "nom")


@transaction.atomic
def creer_site(donnees: dict) -> Site:
    site = Site(**{k: v for k, v in donnees.items() if k in CHAMPS})
    _verifier(site)
    site.save()
    return site


@transaction.atomic
def modifier_site(site: Site, donnees: dict) -> Site:
    for champ, valeur in donnees.items():
        if champ in CHAMPS:
            setattr(site, champ, valeur)
    _verifier(site)
    site.save()
    return site
