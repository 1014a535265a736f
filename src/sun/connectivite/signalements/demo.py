"""Demonstration cases (generated, flagged `demonstration=True`, never counted as real) on a
few communes of the Aude, and the tie of the demonstration account `demo-commune` to Aragon.

Idempotent: run again, it adds nothing. Dates are fixed offsets from `maintenant`."""

from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from sun.connectivite.models import (
    CLOS,
    Categorie,
    EvenementSignalement,
    Fonction,
    Signalement,
    Statut,
)
from sun.connectivite.signalements.services import lier_compte_commune
from sun.territoire.models import Commune

COMPTE_DEMO = "demo-commune"
COMMUNE_DEMO = "11011"  # Aragon
AGENT_DEMO = "demo-agent"

# (INSEE code, category, address, description, premises, [(days later, status, comment)]).
CAS = [
    ("11011", Categorie.REFUS_TIERS_ADMINISTRATIF, "Chemin de la Garrigue (lieu-dit Les Bourrels)",
     "Le propriétaire du terrain où passe la ligne aérienne refuse la pose d'un poteau : "
     "quatre maisons restent sans fibre.", 4,
     [(3, Statut.TRANSMIS, "Transmis au gestionnaire du réseau d'initiative publique."),
      (20, Statut.EN_COURS, "Rendez-vous proposé au propriétaire avec la mairie.")]),
    ("11011", Categorie.ELAGAGE, "Route de Fraisse",
     "Les arbres touchent le câble sur 200 m ; l'opérateur refuse d'intervenir avant élagage.", 6,
     []),
    ("11069", Categorie.ADRESSE_MANQUANTE, "Lotissement Les Amandiers, rue des Cerisiers",
     "Les 12 maisons neuves n'apparaissent pas dans la base adresse : aucun opérateur ne peut "
     "prendre de commande.", 12,
     [(2, Statut.EN_COURS, "Adresses à créer dans la BAN par la commune ; aide du département."),
      (30, Statut.RESOLU, "Adresses publiées dans la BAN, éligibilité ouverte.")]),
    ("11262", Categorie.APPUI_ENDOMMAGE, "Avenue de la Mer, face au n° 40",
     "Poteau penché après l'orage, câble au sol.", 1,
     [(1, Statut.TRANSMIS, "Signalé à l'opérateur d'infrastructure (dommages réseaux).")]),
    ("11203", Categorie.RACCORDEMENT_BLOQUE, "Hameau de Gaujac",
     "Trois rendez-vous de raccordement annulés : fourreau bouché entre la rue et la maison.", 1,
     [(5, Statut.SANS_SUITE, "Fourreau privé : travaux à la charge du propriétaire, "
      "information donnée à la commune.")]),
]  # fmt: skip


def lier_compte_demo() -> bool:
    """Tie `demo-commune` (if it exists) to Aragon as its secretary; True if it is tied."""
    compte = User.objects.filter(username=COMPTE_DEMO).first()
    commune = Commune.objects.filter(code_insee=COMMUNE_DEMO).first()
    if compte is None or commune is None:
        return False
    lier_compte_commune(compte, commune, Fonction.SECRETAIRE)
    return True


@transaction.atomic
def creer_demo(maintenant: datetime | None = None) -> int:
    """Create the demonstration cases once (on the communes above that belong to the served
    département); the number created (0 if they exist)."""
    lier_compte_demo()
    if Signalement.objects.filter(demonstration=True).exists():
        return 0
    communes = {
        c.code_insee: c
        for c in Commune.objects.du_departement(settings.SUN_DEPARTEMENT).filter(
            code_insee__in={cas[0] for cas in CAS}
        )
    }
    comptes = {u.username: u for u in User.objects.filter(username__in=[COMPTE_DEMO, AGENT_DEMO])}
    debut = (maintenant or timezone.now()) - timedelta(days=60)
    crees = 0
    for i, (code, categorie, adresse, description, locaux, etapes) in enumerate(CAS):
        if code not in communes:
            continue
        quand = debut + timedelta(days=3 * i)
        cas = Signalement.objects.create(
            commune=communes[code], categorie=categorie, adresse=adresse,
            description=description, nombre_locaux=locaux, cree_le=quand, modifie_le=quand,
            signale_par=comptes.get(COMPTE_DEMO) if code == COMMUNE_DEMO else None,
            demonstration=True,
        )  # fmt: skip
        etapes_ecrites = [EvenementSignalement(signalement=cas, auteur=cas.signale_par,
                                               quand=quand, statut=Statut.NOUVEAU,
                                               commentaire="Difficulté signalée.")]  # fmt: skip
        for jours, statut, commentaire in etapes:
            quand_etape = quand + timedelta(days=jours)
            cas.statut, cas.modifie_le = statut, quand_etape
            if statut == Statut.TRANSMIS:
                cas.transmis_le = quand_etape
            cas.clos_le = quand_etape if statut in CLOS else None
            etapes_ecrites.append(EvenementSignalement(
                signalement=cas, auteur=comptes.get(AGENT_DEMO), quand=quand_etape,
                statut=statut, commentaire=commentaire))  # fmt: skip
        cas.save()
        EvenementSignalement.objects.bulk_create(etapes_ecrites)
        crees += 1
    return crees
