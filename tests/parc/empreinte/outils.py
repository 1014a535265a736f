"""Helpers of the footprint tests: groups built by hand (pure tests) and items in the base."""

from datetime import date

from sun.parc.empreinte.queries import Groupe
from sun.parc.referentiel import Achat, Etat, TypeEquipement
from tests.parc.factories import EquipementFactory, SiteFactory


def groupe(type_=TypeEquipement.PORTABLE, debut=2020, fin=None, duree=4, nombre=1,
           reconditionne=False, site=None) -> Groupe:  # fmt: skip
    return Groupe(type_, site, debut, fin, fin is not None, duree, reconditionne, nombre)


def equipements(nombre: int, annee: int, type_=TypeEquipement.PORTABLE, site=None, **champs):
    """`nombre` items acquired on 1 March of `annee`, in service."""
    site = site or SiteFactory(nom="Direction des systèmes d'information")
    champs.setdefault("etat", Etat.EN_SERVICE)
    champs.setdefault("achat", Achat.NEUF)
    return [EquipementFactory(type=type_, date_acquisition=date(annee, 3, 1), site=site, **champs)
            for _ in range(nombre)]  # fmt: skip
