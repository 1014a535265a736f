"""Helpers of the wing « taux » tests: many items at once (bulk rows, like an import), and the
worked example of NOTES-parc.md §3 rebuilt."""

from datetime import date
from decimal import Decimal
from itertools import count

from sun.core.versions import donnees_ecrites
from sun.parc.models import Equipement, Sortie
from sun.parc.referentiel import CATEGORIE_DU_TYPE, Destination, Etat, TypeEquipement, Voie

_numeros = count(1)


def lot(nombre: int, *, acquisition: date | None = date(2020, 1, 15),
        reforme: date | None = None, sortie: date | None = None, voie: str = Voie.DON,
        destination: str = Destination.DON_ASSOCIATION, engagement: date | None = None,
        preuve: date | None = None, type_: str = TypeEquipement.PORTABLE,
        demonstration: bool = False, **champs) -> list[Equipement]:  # fmt: skip
    """`nombre` items written in two bulk statements, with their exit when `sortie` is given
    (the fleet's data version moves, as after an import)."""
    etat = Etat.SORTI if sortie else (Etat.REFORME if reforme else Etat.EN_SERVICE)
    equipements = []
    for _ in range(nombre):
        n = next(_numeros)
        equipements.append(Equipement(
            source="Test taux", cle=f"inv:T{n:06d}", numero_inventaire=f"T{n:06d}",
            numero_serie=f"SERIE-SECRETE-{n:06d}", nom=f"PC-T{n:06d}", type=type_,
            categorie_deee=champs.pop("categorie_deee", None) or CATEGORIE_DU_TYPE[type_],
            date_acquisition=acquisition, prix_acquisition=Decimal("800.00"), etat=etat,
            date_reforme=reforme, demonstration=demonstration, **champs,
        ))  # fmt: skip
    equipements = Equipement.objects.bulk_create(equipements)
    if sortie:
        Sortie.objects.bulk_create([Sortie(
            equipement=e, date=sortie, voie=voie, destination=destination,
            destinataire="Association test", justification="Test", date_engagement=engagement,
            date_preuve=preuve,
        ) for e in equipements])  # fmt: skip
    donnees_ecrites(Equipement)  # bulk writes send no signal: say so, as the importer does
    return equipements


def exemple_des_notes() -> None:
    """NOTES-parc.md §3: on 1 January 2025, 400 in-scope items in stock (B); in 2025, 180 of
    them and 40 decommissioned during the year go to an association committed and proving,
    30 go to an eco-organisation for reuse with proof, 60 older than ten years are recycled
    (excluded). A = 250, rate 62.5 %."""
    engagement, preuve = date(2025, 2, 1), date(2025, 9, 1)
    lot(190, reforme=date(2024, 6, 1))  # still in stock at the end of 2025
    lot(180, reforme=date(2024, 6, 1), sortie=date(2025, 3, 1), engagement=engagement,
        preuve=preuve)  # fmt: skip
    lot(30, reforme=date(2024, 6, 1), sortie=date(2025, 4, 1), voie=Voie.REEMPLOI,
        destination=Destination.ECO_ORGANISME, engagement=engagement, preuve=preuve)  # fmt: skip
    lot(40, reforme=date(2025, 2, 1), sortie=date(2025, 6, 1), engagement=engagement,
        preuve=preuve)  # fmt: skip
    lot(60, acquisition=date(2012, 1, 10), reforme=date(2024, 3, 1), sortie=date(2025, 5, 1),
        voie=Voie.RECYCLAGE, destination=Destination.ECO_ORGANISME)  # fmt: skip
