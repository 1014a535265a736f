"""What the donation tests share: a retired laptop created through the services, a place of
the register with its structure, accounts of every role, and a donation brought to a step."""

from datetime import date
from decimal import Decimal

from sun.comptes.roles import Role
from sun.parc import services as parc
from sun.parc.dons import services
from sun.parc.dons.regles import DemandeRemise
from sun.parc.models import Don
from sun.parc.referentiel import TypeEquipement
from tests.comptes.factories import UtilisateurFactory
from tests.inclusion.factories import LieuFactory, StructureFactory

SIRET = "73282932000074"  # a well-formed SIRET (Luhn key right)
REFORME = date(2025, 1, 15)
CONVENTION = date(2025, 3, 1)
EFFACEMENT = date(2025, 3, 10)
REMISE = date(2025, 3, 15)
PREUVE = date(2025, 6, 1)


def portable_reforme(inventaire: str = "PORT-001", type_=TypeEquipement.PORTABLE,
                     **champs):  # fmt: skip
    """A laptop (by default) entered and retired through the fleet's services."""
    donnees = {"nom": f"PC {inventaire}", "type": type_, "fabricant": "LENOVO",
               "modele": "ThinkPad T480", "numero_inventaire": inventaire,
               "numero_serie": f"SN-{inventaire}", "date_acquisition": date(2019, 9, 1),
               "prix_acquisition": Decimal("950.00"), **champs}  # fmt: skip
    equipement = parc.creer_equipement(donnees, source="Test dons", jour=date(2019, 9, 1))
    return parc.reformer(equipement, REFORME, "Fin de vie")


def lieu_avec_structure(nom: str = "Espace numérique de la Cité", pivot: str = SIRET, **champs):
    structure = StructureFactory(pivot=pivot, nom=f"Association {nom}")
    return LieuFactory(nom=nom, structure=structure, pivot="", **champs)


def comptes(structure) -> dict:
    """Every identity of the permission tests; the médiateur belongs to `structure`."""

    def compte(nom, *roles):
        return UtilisateurFactory(username=f"dons-{nom}", roles=list(roles))

    mediateur = compte("mediateur", Role.MEDIATEUR)
    structure.membres.add(mediateur)
    autre = compte("autre-mediateur", Role.MEDIATEUR)
    StructureFactory(pivot="W111000001", nom="Autre structure").membres.add(autre)
    return {
        "sans_role": compte("sans-role"), "agent": compte("agent", Role.AGENT),
        "mediateur": mediateur, "autre_mediateur": autre,
        "pilote": compte("pilote", Role.PILOTE), "instructeur": compte("instructeur", Role.INSTRUCTEUR),
        "administrateur": compte("admin", Role.ADMINISTRATEUR),
        "informatique": compte("informatique", Role.INFORMATIQUE),
        "commune": compte("commune", Role.COMMUNE), "partenaire": compte("partenaire", Role.PARTENAIRE),
    }  # fmt: skip


def remise(**champs) -> DemandeRemise:
    valeurs = {"date_remise": REMISE, "effacement": Don.Effacement.LOGICIEL,
               "effacement_date": EFFACEMENT, "effacement_outil": "ShredOS (nwipe)",
               "valeur_unitaire": Decimal("40")}  # fmt: skip
    return DemandeRemise(**{**valeurs, **champs})


def don_a_l_etape(statut: str, lieu=None, equipements=None, **donnees) -> Don:
    """A donation brought to `statut` (propose, accepte, remis) through the services."""
    don = services.proposer_don({"beneficiaire": "Aude Solidaire", "rna": "W111000123", **donnees} if lieu is None else donnees,
                                lieu=lieu, jour=date(2025, 2, 1))  # fmt: skip
    services.ajouter_equipements(don, equipements or [portable_reforme()])
    if statut in (Don.Statut.ACCEPTE, Don.Statut.REMIS):
        services.accepter(don, CONVENTION, True)
    if statut == Don.Statut.REMIS:
        services.remettre(don, remise())
    return don
