"""Demonstration donations (flagged `demonstration=True`, never counted) to demonstration
places of the register, with demonstration equipment retired for them: one handed over and
shown on the place's page (with its proof of reuse), one accepted, one proposed.

Idempotent: if demonstration donations exist, nothing is added. Without demonstration
places (`sun demo` not run), nothing is created. Dates are offsets from `jour`."""

from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from sun.inclusion.models import Lieu, Structure
from sun.parc import services as parc
from sun.parc.dons import services
from sun.parc.dons.regles import DemandeRemise
from sun.parc.models import Don, Equipement
from sun.parc.referentiel import Etat, TypeEquipement

SOURCE = "Démonstration SUN (dons)"
# (inventory number, type, make, model, acquisition year)
MATERIEL = [
    ("DEMO-DON-01", TypeEquipement.PORTABLE, "LENOVO", "ThinkPad T470", 2018),
    ("DEMO-DON-02", TypeEquipement.PORTABLE, "LENOVO", "ThinkPad T470", 2018),
    ("DEMO-DON-03", TypeEquipement.PORTABLE, "DELL", "Latitude 5490", 2019),
    ("DEMO-DON-04", TypeEquipement.ECRAN, "IIYAMA", "ProLite 24 pouces", 2017),
    ("DEMO-DON-05", TypeEquipement.POSTE_FIXE, "HP", "EliteDesk 800 G3", 2018),
    ("DEMO-DON-06", TypeEquipement.POSTE_FIXE, "HP", "EliteDesk 800 G3", 2018),
    ("DEMO-DON-07", TypeEquipement.TABLETTE, "SAMSUNG", "Galaxy Tab A", 2019),
]


def _materiel(jour: date) -> list[Equipement]:
    """The demonstration items, retired; created when missing."""
    equipements = []
    for inventaire, type_, fabricant, modele, annee in MATERIEL:
        e = Equipement.objects.filter(source=SOURCE, numero_inventaire=inventaire).first()
        if e is None:
            e = parc.creer_equipement({
                "nom": f"Démo {inventaire}", "type": type_, "fabricant": fabricant,
                "modele": modele, "numero_inventaire": inventaire,
                "numero_serie": f"SN-{inventaire}", "date_acquisition": date(annee, 3, 1),
                "prix_acquisition": Decimal("750.00"),
            }, source=SOURCE, jour=jour - timedelta(days=200), demonstration=True)  # fmt: skip
        if e.etat not in (Etat.REFORME, Etat.SORTI):
            parc.reformer(e, jour - timedelta(days=120), "Réformé pour la démonstration des dons")
        equipements.append(e)
    return equipements


@transaction.atomic
def creer_demo(jour: date | None = None) -> int:
    """Returns the number of demonstration donations created."""
    if Don.objects.filter(demonstration=True).exists():
        return 0
    lieux = list(Lieu.objects.filter(demonstration=True).order_by("nom")[:2])
    if not lieux:
        return 0
    jour = jour or date.today()
    materiel = [e for e in _materiel(jour) if e.etat == Etat.REFORME]
    if len(materiel) < len(MATERIEL):
        return 0
    premier, second = lieux[0], lieux[-1]
    _ouvrir_au_mediateur_de_demo(premier)
    remis = services.proposer_don({"contact": "Accueil du lieu (démonstration)"}, lieu=premier,
                                  demonstration=True, jour=jour - timedelta(days=70))  # fmt: skip
    services.ajouter_equipements(remis, materiel[:4], jour=jour - timedelta(days=70))
    services.accepter(remis, jour - timedelta(days=60), True)
    services.remettre(remis, DemandeRemise(
        date_remise=jour - timedelta(days=30), effacement=Don.Effacement.LOGICIEL,
        effacement_date=jour - timedelta(days=40), effacement_outil="ShredOS (nwipe), 1 passe",
        valeur_unitaire=Decimal("50.00"),
    ))  # fmt: skip
    services.enregistrer_preuve(remis, jour - timedelta(days=10), "Attestation de remise aux "
                                "personnes accompagnées (démonstration)")  # fmt: skip
    services.changer_visibilite(remis, True)
    accepte = services.proposer_don({}, lieu=second, demonstration=True,
                                    jour=jour - timedelta(days=20))  # fmt: skip
    services.ajouter_equipements(accepte, materiel[4:6], jour=jour - timedelta(days=20))
    services.accepter(accepte, jour - timedelta(days=5), True)
    propose = services.proposer_don({}, lieu=premier, demonstration=True, jour=jour)
    services.ajouter_equipements(propose, materiel[6:], jour=jour)
    # Each donation was proposed on the day its story starts, not on the day the demo loads.
    for don, jours in ((remis, 70), (accepte, 20), (propose, 0)):
        Don.objects.filter(pk=don.pk).update(cree_le=timezone.now() - timedelta(days=jours))
    return 3


def _ouvrir_au_mediateur_de_demo(lieu: Lieu) -> None:
    """The demonstration médiateur account (`demo-mediateur`) belongs to the structure of the
    place receiving the donations, so that it sees them and chooses what the place shows."""
    compte = get_user_model().objects.filter(username="demo-mediateur").first()
    if compte is None:
        return
    if lieu.structure is None:
        lieu.structure = Structure.objects.create(
            nom=f"Structure de {lieu.nom}", commune_ref=lieu.commune_ref, demonstration=True,
            pivot=f"WDON{str(lieu.pk).replace('-', '')[:6]}",
        )  # fmt: skip
        Lieu.objects.filter(pk=lieu.pk).update(structure=lieu.structure)
    lieu.structure.membres.add(compte)
