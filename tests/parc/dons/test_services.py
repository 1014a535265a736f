"""A donation from the retired laptop to its handing over and proof, through the services;
every refusal with its French message and nothing written."""

import re
from datetime import date
from decimal import Decimal

import pytest

from sun.parc.cycle_vie import RefusCycleVie, compte_pour_le_reemploi
from sun.parc.dons import lignes, queries, services
from sun.parc.dons.identifiants import nettoyer_rna, nettoyer_siret, siret_valide
from sun.parc.models import Don, Equipement, EvenementCycleVie, Sortie
from sun.parc.referentiel import BaseLegaleDon, Destination, Etat, TypeEquipement, Voie
from tests.parc.dons.outils import (
    CONVENTION,
    PREUVE,
    REMISE,
    SIRET,
    don_a_l_etape,
    lieu_avec_structure,
    portable_reforme,
    remise,
)
from tests.parc.factories import EquipementFactory

pytestmark = pytest.mark.django_db


def _instantane():
    """What the refusals must leave untouched."""
    return (
        list(Don.objects.order_by("pk").values_list("pk", "statut", "date_remise", "date_preuve")),
        Sortie.objects.count(), EvenementCycleVie.objects.count(),
        list(Equipement.objects.order_by("pk").values_list("pk", "etat")),
    )  # fmt: skip


def test_du_portable_reforme_au_don_remis_et_prouve():
    portable = portable_reforme()
    ecran = portable_reforme("ECR-001", TypeEquipement.ECRAN)
    lieu = lieu_avec_structure()
    don = services.proposer_don({"contact": "Mme Martin"}, lieu=lieu, jour=date(2025, 2, 1))
    assert don.numero == "DON-2025-0001" and don.statut == Don.Statut.PROPOSE
    assert don.beneficiaire == lieu.nom and lieu.commune in don.adresse
    assert don.siret == SIRET and don.base_legale == BaseLegaleDon.L3212_2_11
    assert services.ajouter_equipements(don, [portable, ecran]) == 2
    assert services.ajouter_equipements(don, [portable]) == 0  # already in: nothing twice
    assert {e.pk for e in queries.equipements(don)} == {portable.pk, ecran.pk}
    assert services.retirer_equipements(don, [ecran]) == 1
    assert [e.pk for e in queries.equipements(don)] == [portable.pk]
    services.accepter(don, CONVENTION, True)
    sorties = services.remettre(don, remise())
    assert len(sorties) == 1
    sortie = Sortie.objects.get(equipement=portable)
    assert (sortie.voie, sortie.destination, sortie.date, sortie.don) == (
        Voie.DON,
        Destination.DON_ASSOCIATION,
        REMISE,
        don,
    )
    assert sortie.date_engagement == CONVENTION and sortie.valeur_unitaire == Decimal("40")
    assert sortie.destinataire == lieu.nom and sortie.destinataire_siret == SIRET
    portable.refresh_from_db()
    ecran.refresh_from_db()
    assert portable.etat == Etat.SORTI and ecran.etat == Etat.REFORME
    don.refresh_from_db()
    assert don.statut == Don.Statut.REMIS and don.effacement_date is not None
    assert not compte_pour_le_reemploi(sortie.voie, sortie.date, sortie.date_engagement,
                                       sortie.date_preuve)  # fmt: skip
    services.enregistrer_preuve(don, PREUVE, "Attestation du lieu")
    sortie.refresh_from_db()
    assert sortie.date_preuve == PREUVE and sortie.reference_preuve == "Attestation du lieu"
    assert compte_pour_le_reemploi(sortie.voie, sortie.date, sortie.date_engagement,
                                   sortie.date_preuve)  # fmt: skip
    # The item's history tells the whole story.
    commentaires = list(portable.evenements.values_list("commentaire", flat=True))
    assert "Proposé au don DON-2025-0001" in commentaires


def test_numeros_et_don_aux_agents():
    premier = services.proposer_don({"beneficiaire": "Asso A", "rna": "w111000123 "},
                                    jour=date(2025, 5, 1))  # fmt: skip
    second = services.proposer_don({"beneficiaire": "Agents du Département",
                                    "base_legale": BaseLegaleDon.L3212_2_5},
                                   jour=date(2025, 5, 2))  # fmt: skip
    assert premier.rna == "W111000123"
    assert (premier.numero, second.numero) == ("DON-2025-0001", "DON-2025-0002")
    assert services.proposer_don({"beneficiaire": "B", "siret": SIRET},
                                 jour=date(2026, 1, 2)).numero == "DON-2026-0001"  # fmt: skip
    services.ajouter_equipements(second, [portable_reforme()])
    services.accepter(second, CONVENTION, False)
    services.remettre(second, remise(pour_le_reemploi=False))
    sortie = Sortie.objects.get(don=second)
    assert sortie.destination == Destination.DON_PERSONNEL and sortie.date_engagement is None


@pytest.mark.parametrize(("siret", "valide"), [
    ("73282932000074", True), ("732 829 320 00074", True), ("73282932000075", False),
    ("35600000000048", True), ("35600000000014", True), ("35600000000013", False),
])  # fmt: skip
def test_siret(siret, valide):
    if valide:
        assert siret_valide(nettoyer_siret(siret))
    else:
        with pytest.raises(RefusCycleVie, match="clé de contrôle"):
            nettoyer_siret(siret)


def test_rna():
    assert nettoyer_rna("W2A1000123") == "W2A1000123" and nettoyer_rna("") == ""
    with pytest.raises(RefusCycleVie, match="W suivi de 9 chiffres"):
        nettoyer_rna("W12345")


@pytest.mark.parametrize(("donnees", "message"), [
    ({"beneficiaire": "Asso sans identifiant"}, "SIRET ou le numéro RNA"),
    ({"beneficiaire": "Asso", "siret": "73282932000075"}, "clé de contrôle"),
    ({"beneficiaire": "Asso", "siret": "1234"}, "14 chiffres"),
    ({"beneficiaire": "Asso", "rna": "X111000123"}, "W suivi de 9 chiffres"),
    ({"beneficiaire": "", "rna": "W111000123"}, "Indiquez le bénéficiaire"),
    ({"beneficiaire": "Asso", "rna": "W111000123", "base_legale": "L9999"}, "base légale"),
])  # fmt: skip
def test_proposer_refuse(donnees, message):
    avant = _instantane()
    with pytest.raises(RefusCycleVie, match=message):
        services.proposer_don(donnees)
    assert _instantane() == avant


def test_ajouter_refuse_un_equipement_non_reforme_ou_deja_propose():
    don = don_a_l_etape(Don.Statut.PROPOSE)
    en_service = EquipementFactory(nom="PC-EN-SERVICE")
    avant = _instantane()
    with pytest.raises(RefusCycleVie, match="« PC-EN-SERVICE » est « En service » : seul un "
                       "équipement réformé peut être donné"):  # fmt: skip
        services.ajouter_equipements(don, [portable_reforme("LIBRE-1"), en_service])
    # The free item of the same request was not added either: all or none.
    assert _instantane()[1:3] == (avant[1], avant[2] + 2)  # only LIBRE-1's own entry events
    assert len(queries.equipements(don)) == 1
    autre = services.proposer_don({"beneficiaire": "Autre asso", "rna": "W111000999"})
    deja = queries.equipements(don)[0]
    avant = _instantane()
    with pytest.raises(RefusCycleVie, match=f"déjà proposé dans le don {don.numero}"):
        services.ajouter_equipements(autre, [deja])
    assert _instantane() == avant
    services.annuler(don, "Le lieu ferme")
    assert services.ajouter_equipements(autre, [deja]) == 1  # a cancelled donation frees it


def test_materiel_de_demonstration_seulement_dans_un_don_de_demonstration():
    don = don_a_l_etape(Don.Statut.PROPOSE)
    demo = portable_reforme("DEMO-1")
    Equipement.objects.filter(pk=demo.pk).update(demonstration=True)
    demo.refresh_from_db()
    with pytest.raises(RefusCycleVie, match="démonstration"):
        services.ajouter_equipements(don, [demo])


@pytest.mark.parametrize(("champs", "message"), [
    ({"effacement": ""}, "doivent être effacées avant la remise"),
    ({"effacement": Don.Effacement.SANS_STOCKAGE}, "doivent être effacées avant la remise"),
    ({"effacement_date": None}, "date de l'effacement"),
    ({"effacement_date": date(2025, 4, 1)}, "daté après la remise"),
    ({"valeur_unitaire": Decimal("300.01")}, "au plus 300 €"),
    ({"engagement_reemploi": False}, "engagement de réemploi"),
    ({"date_remise": date(2025, 2, 1)}, "précède la signature de la convention"),
    ({"date_remise": None}, "date de la remise"),
])  # fmt: skip
def test_remettre_refuse_et_n_ecrit_rien(champs, message):
    don = don_a_l_etape(Don.Statut.ACCEPTE, equipements=[
        portable_reforme("A-1"), portable_reforme("A-2", TypeEquipement.SMARTPHONE)])  # fmt: skip
    avant = _instantane()
    with pytest.raises(RefusCycleVie, match=message):
        services.remettre(don, remise(**champs))
    assert _instantane() == avant


def test_une_sortie_refusee_annule_toute_la_remise():
    """The second item was retired after the handing-over date: its exit is refused by the
    life cycle, and the first item's exit, already written, is rolled back."""
    premier = portable_reforme("B-1")
    tardif = EquipementFactory(nom="TARDIF", etat=Etat.REFORME, date_reforme=date(2025, 4, 1),
                               date_acquisition=date(2020, 1, 1))  # fmt: skip
    don = don_a_l_etape(Don.Statut.ACCEPTE, equipements=[premier, tardif])
    avant = _instantane()
    with pytest.raises(RefusCycleVie, match="précède la date de réforme"):
        services.remettre(don, remise())
    assert _instantane() == avant


def test_etapes_dans_l_ordre():
    don = don_a_l_etape(Don.Statut.PROPOSE)
    with pytest.raises(RefusCycleVie, match="accepté"):
        services.remettre(don, remise())
    with pytest.raises(RefusCycleVie, match="date de signature"):
        services.accepter(don, None, True)
    vide = services.proposer_don({"beneficiaire": "Vide", "rna": "W111000555"})
    with pytest.raises(RefusCycleVie, match="au moins un équipement"):
        services.accepter(vide, CONVENTION, True)
    remis = don_a_l_etape(Don.Statut.REMIS, equipements=[portable_reforme("C-1")])
    with pytest.raises(RefusCycleVie, match="ne s'annule pas"):
        services.annuler(remis, "Erreur")
    with pytest.raises(RefusCycleVie, match="après la remise"):
        services.enregistrer_preuve(remis, date(2025, 3, 1))
    with pytest.raises(RefusCycleVie, match="ne changent plus"):
        services.ajouter_equipements(remis, [portable_reforme("C-2")])
    with pytest.raises(RefusCycleVie, match="pourquoi"):
        services.annuler(don, " ")
    assert re.fullmatch(r"DON-\d{4}-\d{4}", vide.numero)


def test_visibilite_seulement_pour_un_lieu():
    don = don_a_l_etape(Don.Statut.PROPOSE)
    with pytest.raises(RefusCycleVie, match="pas de page publique"):
        services.changer_visibilite(don, True)


def test_le_registre_des_equipements_proposes():
    don = don_a_l_etape(Don.Statut.PROPOSE)
    e = queries.equipements(don)[0]
    assert lignes.ids_proposes_ouverts() == {e.pk}
    assert lignes.dons_ouverts_de([e.pk]) == {e.pk: don.numero}
    assert e not in queries.disponibles(don)
    libre = portable_reforme("LIBRE-2")
    assert list(queries.disponibles(don, TypeEquipement.PORTABLE)) == [libre]
    assert list(queries.disponibles(don, TypeEquipement.ECRAN)) == []
