"""`parc.part_reconditionne_local` recomputed by hand on a small fleet, and
`parc.acteurs_reparation` (real published actors only; EPCI level; per activity); the
demonstration actors created by `creer_demo`, labelled and never counted."""

from datetime import date

import pytest

from sun.core.indicators import obtenir
from sun.parc.models import EvenementCycleVie, Reparateur, Sortie
from sun.parc.referentiel import Achat, Destination, Voie
from sun.parc.reparateurs.demo import ACTEURS, creer_demo
from sun.territoire.models import Commune
from tests.parc.factories import EquipementFactory, ReparateurFactory, equipement_reforme
from tests.parc.reparateurs.outils import acteur

pytestmark = pytest.mark.django_db


def _part():
    return obtenir("parc.part_reconditionne_local").calculer("departement", "11")


def test_part_reconditionnee_dans_le_departement():
    local = acteur(activites=["reconditionnement"])  # Carcassonne
    ailleurs = ReparateurFactory(nom="Reconditionneur de Lyon", code_postal="69007")  # no commune
    par_code_postal = ReparateurFactory(nom="Sans commune, 11200", code_postal="11200")
    # 1. bought refurbished from the local actor; 2. from Lyon; 3. bought refurbished, unknown.
    EquipementFactory(achat=Achat.RECONDITIONNE, reconditionneur=local)
    EquipementFactory(achat=Achat.RECONDITIONNE, reconditionneur=ailleurs)
    EquipementFactory(achat=Achat.RECONDITIONNE)
    # 4. bought from Lyon, then refurbished by the local actor: the latest act counts (local).
    quatre = EquipementFactory(achat=Achat.RECONDITIONNE, reconditionneur=ailleurs)
    EvenementCycleVie.objects.create(equipement=quatre, date=date(2025, 1, 1),
                                     genre="reconditionnement", prestataire=local)  # fmt: skip
    # 5. new, left for reuse through the actor known by its postcode only (local).
    cinq = equipement_reforme(date(2024, 6, 1))
    Sortie.objects.create(equipement=cinq, date=date(2025, 2, 1), voie=Voie.REEMPLOI,
                          destination=Destination.VENTE, destinataire="x", justification="x",
                          prestataire=par_code_postal)  # fmt: skip
    # Not refurbished: new, in service; recycled through a provider; demonstration.
    EquipementFactory()
    six = equipement_reforme(date(2024, 6, 1))
    Sortie.objects.create(equipement=six, date=date(2025, 2, 1), voie=Voie.RECYCLAGE,
                          destination=Destination.PRESTATAIRE, destinataire="x",
                          justification="x", prestataire=ailleurs)  # fmt: skip
    EquipementFactory(achat=Achat.RECONDITIONNE, reconditionneur=local, demonstration=True)
    valeur = _part()
    assert valeur.valeur == 75.0  # 3 local (1, 4, 5) of 4 with a known refurbisher
    assert "1 équipement reconditionné sans reconditionneur connu" in valeur.note


def test_part_sans_donnee():
    assert _part().valeur is None


def test_acteurs_reels_publies_par_territoire_et_activite():
    acteur()
    acteur(nom="Café", activites=["repair_cafe", "reparation"], commune="11262", code_postal="")
    acteur(nom="Démo", demonstration=True)
    retire = acteur(nom="Retiré")
    Reparateur.objects.filter(pk=retire.pk).update(publie=False)
    valeur = obtenir("parc.acteurs_reparation").calculer("departement", "11")
    assert (valeur.valeur, valeur.note) == (2, "1 acteur de démonstration non compté")
    epci = Commune.objects.get(code_insee="11262").epci.code_siren
    assert obtenir("parc.acteurs_reparation").calculer("epci", epci).valeur == 1
    reparation = obtenir("parc.acteurs_reparation_reparation")
    assert reparation.calculer("departement", "11").valeur == 2
    assert obtenir("parc.acteurs_reparation_repair_cafe").calculer("epci", epci).valeur == 1
    assert obtenir("parc.acteurs_reparation_vente").calculer("departement", "11").valeur == 0


def test_demonstration():
    assert creer_demo() == len(ACTEURS) == 8
    assert creer_demo() == 0  # already there
    acteurs = Reparateur.objects.all()
    assert all(a.demonstration and a.publie for a in acteurs)
    assert {a.commune.departement.code for a in acteurs} == {"11"}
    assert all(a.description.startswith("Acteur fictif de démonstration") for a in acteurs)
    assert obtenir("parc.acteurs_reparation").calculer("departement", "11").valeur == 0
