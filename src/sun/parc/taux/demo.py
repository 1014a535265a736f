"""Demonstration purchase lines (décret n° 2024-134) for the last two complete years: a few
categories, some from reuse, some with recycled materials, one donation at its flat value.
Flagged `demonstration`; idempotent (nothing is added when demonstration lines exist)."""

from datetime import date
from decimal import Decimal

from django.db import transaction

from sun.parc.models import AchatLigne
from sun.parc.referentiel import CategorieAchat as C

# (category, label, € HT, from reuse, with recycled materials, from a donation: flat value)
LIGNES = (
    (C.INFORMATIQUE, "Stations d'accueil et claviers (marché CANUT)", "18400", False, False, None),
    (C.INFORMATIQUE, "Smartphones reconditionnés grade A", "9600", True, False, None),
    (C.INFORMATIQUE, "Câbles et petits accessoires", "2100", False, True, None),
    (C.REPROGRAPHIE, "Copieurs multifonctions (location-achat)", "31000", False, True, None),
    (C.PAPIER, "Papier recyclé 80 g", "12500", False, True, None),
    (C.MOBILIER, "Bureaux et sièges de réemploi", "7800", True, False, None),
    (C.MOBILIER, "Armoires données par un collège", "0", False, False, "1200"),
    (C.FOURNITURES, "Fournitures de bureau", "15300", False, False, None),
)  # fmt: skip


@transaction.atomic
def creer_demo(jour: date | None = None) -> int:
    if AchatLigne.objects.filter(demonstration=True).exists():
        return 0
    annee = (jour or date.today()).year
    lignes = [
        AchatLigne(date=date(a, 3 + i, 15), categorie=categorie, libelle=f"{libelle} (démonstration)",
                   montant_ht=Decimal(montant) * (Decimal("1.1") if a == annee - 1 else 1),
                   issu_reemploi=reemploi, avec_recycle=recycle, issu_don=don is not None,
                   valeur_forfaitaire_don=Decimal(don) if don else None, demonstration=True)
        for a in (annee - 2, annee - 1)
        for i, (categorie, libelle, montant, reemploi, recycle, don) in enumerate(LIGNES)
    ]  # fmt: skip
    AchatLigne.objects.bulk_create(lignes)
    from sun.core.versions import donnees_ecrites

    donnees_ecrites(AchatLigne)
    return len(lignes)
