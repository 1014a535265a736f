"""Equipment, sites, exits, donations, purchases and repairers for tests, written straight to
the database (the importer and the services have their own tests). Figures are synthetic."""

from datetime import date
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from sun.parc.models import AchatLigne, Don, Equipement, Reparateur, Site, Sortie
from sun.parc.referentiel import (
    CATEGORIE_DU_TYPE,
    CategorieAchat,
    Destination,
    Etat,
    TypeEquipement,
    Voie,
)


class SiteFactory(DjangoModelFactory):
    class Meta:
        model = Site
        django_get_or_create = ("nom",)

    nom = factory.Sequence(lambda n: f"Direction n° {n}")
    genre = Site.Genre.SERVICE


class EquipementFactory(DjangoModelFactory):
    """`EquipementFactory(type=TypeEquipement.PORTABLE, date_acquisition=date(2020, 1, 1))`."""

    class Meta:
        model = Equipement

    source = "Test"
    numero_inventaire = factory.Sequence(lambda n: f"INV{n:06d}")
    numero_serie = factory.Sequence(lambda n: f"SN{n:08d}")
    cle = factory.LazyAttribute(lambda o: f"inv:{o.numero_inventaire}" if o.numero_inventaire
                                else f"ns:{o.numero_serie}")  # fmt: skip
    nom = factory.LazyAttribute(lambda o: f"PC-{o.numero_inventaire}")
    type = TypeEquipement.PORTABLE
    categorie_deee = factory.LazyAttribute(lambda o: CATEGORIE_DU_TYPE[o.type])
    fabricant = "LENOVO"
    modele = "ThinkPad T14"
    date_acquisition = date(2021, 3, 1)
    prix_acquisition = Decimal("900.00")
    etat = Etat.EN_SERVICE
    site = factory.SubFactory(SiteFactory)


def equipement_reforme(reforme: date, **champs) -> Equipement:
    return EquipementFactory(etat=Etat.REFORME, date_reforme=reforme, **champs)


def equipement_sorti(reforme: date, sortie: date, voie: str = Voie.DON,
                     engagement: date | None = None, preuve: date | None = None,
                     destination: str = Destination.DON_ASSOCIATION, don: Don | None = None,
                     **champs) -> Equipement:  # fmt: skip
    """A decommissioned item that left the fleet; it counts for décret 2023-266 when
    `engagement` ≤ `sortie` and `preuve` is set (and its route is reuse)."""
    equipement = EquipementFactory(etat=Etat.SORTI, date_reforme=reforme, **champs)
    Sortie.objects.create(equipement=equipement, date=sortie, voie=voie, destination=destination,
                          destinataire="Association test", justification="Test", don=don,
                          date_engagement=engagement, date_preuve=preuve)  # fmt: skip
    return equipement


class ReparateurFactory(DjangoModelFactory):
    class Meta:
        model = Reparateur

    nom = factory.Sequence(lambda n: f"Atelier de réparation n° {n}")
    activites = factory.LazyFunction(lambda: ["reparation", "reconditionnement"])
    adresse = "1 rue de la Gare"
    code_postal = "11000"


class DonFactory(DjangoModelFactory):
    class Meta:
        model = Don

    numero = factory.Sequence(lambda n: f"DON-2026-{n:04d}")
    beneficiaire = "Association Inclusion Aude"
    rna = "W111000000"


class AchatLigneFactory(DjangoModelFactory):
    class Meta:
        model = AchatLigne

    date = date(2025, 6, 1)
    categorie = CategorieAchat.INFORMATIQUE
    libelle = factory.Sequence(lambda n: f"Commande n° {n}")
    montant_ht = Decimal("1000.00")
