"""`sun relation echeances`: each service is told of its requests reaching 15 and 7 days
before their implicit decision, each event once; the contacts past retention are erased."""

from datetime import date, timedelta

import pytest
from django.core import mail

from sun.relation.models import Demande, Statut, Usager
from sun.relation.registre.conservation import purger_contacts
from sun.relation.registre.echeances import relancer
from sun.relation.registre.services import changer_statut, demander_pieces, recevoir_pieces
from tests.comptes.factories import UtilisateurFactory
from tests.relation.factories import DemarcheFactory, ServiceFactory, demande

pytestmark = pytest.mark.django_db


def test_quinze_puis_sept_jours_une_fois_chacun(settings):
    service = ServiceFactory(courriel="autonomie@example.fr")
    service.instructeurs.add(UtilisateurFactory(email="instructrice@example.fr"))
    demarche = DemarcheFactory(service=service, regime="sva")
    d = demande(demarche, recue_le=date(2024, 1, 10))  # decision born 10 March 2024
    demande(demarche, recue_le=date(2024, 2, 20))  # 20 April: too far
    assert relancer(date(2024, 2, 25))[0].demandes[0][1] == 15
    assert len(mail.outbox) == 1
    assert d.code_suivi in mail.outbox[0].body and "10/03/2024" in mail.outbox[0].body
    assert set(mail.outbox[0].to) == {"autonomie@example.fr", "instructrice@example.fr"}
    assert relancer(date(2024, 2, 26))[0].deja == 1 and len(mail.outbox) == 1
    envoi = relancer(date(2024, 3, 4))[0]
    assert envoi.demandes[0][1] == 7 and len(mail.outbox) == 2
    relancer(date(2024, 3, 5))
    assert len(mail.outbox) == 2


def test_nouvelle_date_apres_pieces_nouvel_evenement():
    service = ServiceFactory(courriel="s@example.fr")
    d = demande(DemarcheFactory(service=service, regime="sva"), recue_le=date(2024, 1, 10))
    relancer(date(2024, 3, 1))
    d = changer_statut(d, Statut.EN_INSTRUCTION, le=date(2024, 1, 11), aujourd_hui=date(2024, 3, 1))
    d = demander_pieces(
        d,
        ["RIB"],
        le=date(2024, 3, 1),
        a_fournir_avant=date(2024, 3, 20),
        aujourd_hui=date(2024, 3, 1),
    )
    assert not relancer(date(2024, 3, 2))
    recevoir_pieces(d, le=date(2024, 3, 5), aujourd_hui=date(2024, 5, 1))  # → 5 May
    assert relancer(date(2024, 4, 25))[0].demandes
    assert len(mail.outbox) == 2


def test_demonstration_et_closes_ignorees():
    service = ServiceFactory(courriel="s@example.fr")
    demarche = DemarcheFactory(service=service)
    demande(demarche, recue_le=date(2024, 1, 10), demonstration=True)
    d = demande(demarche, recue_le=date(2024, 1, 10))
    d = changer_statut(d, Statut.EN_INSTRUCTION, le=date(2024, 1, 11), aujourd_hui=date(2024, 3, 1))
    changer_statut(d, Statut.ACCEPTE, le=date(2024, 2, 1), aujourd_hui=date(2024, 3, 1))
    assert relancer(date(2024, 3, 1)) == []


def test_sans_adresse_rien_n_est_marque():
    service = ServiceFactory(courriel="")
    demande(DemarcheFactory(service=service), recue_le=date(2024, 1, 10))
    envoi = relancer(date(2024, 3, 1))[0]
    assert not envoi.destinataires and "aucune adresse" in envoi.ligne()
    service.courriel = "s@example.fr"
    service.save()
    assert relancer(date(2024, 3, 2))[0].demandes  # still to tell


def test_conservation(settings):
    settings.SUN_RELATION_CONSERVATION_ANS = 5
    demarche = DemarcheFactory()
    ancienne = demande(demarche, recue_le=date(2018, 1, 10), aujourd_hui=date(2018, 2, 1))
    ancienne = changer_statut(
        ancienne, Statut.EN_INSTRUCTION, le=date(2018, 1, 11), aujourd_hui=date(2018, 2, 1)
    )
    changer_statut(ancienne, Statut.ACCEPTE, le=date(2018, 2, 1), aujourd_hui=date(2018, 2, 1))
    ouverte = demande(
        demarche, recue_le=date(2018, 1, 10), nom="Paul Ouvert", aujourd_hui=date(2018, 2, 1)
    )
    assert purger_contacts(date(2023, 1, 31)) == 0
    assert purger_contacts(date(2023, 2, 2), essai=True) == 1
    assert purger_contacts(date(2023, 2, 2)) == 1
    assert list(Usager.objects.values_list("nom", flat=True)) == ["Paul Ouvert"]
    assert Demande.objects.count() == 2 and Demande.objects.get(pk=ancienne.pk).usager is None
    assert ouverte.usager_id


def test_demo(settings):
    from sun.relation.demo import creer_demandes_demo
    from tests.relation.test_registre import _compteurs, _recompte

    DemarcheFactory(regime="svr")
    DemarcheFactory(regime="sva", reclamation=True, slug="reclamation")
    assert creer_demandes_demo(date(2024, 6, 1), nombre=60) == 60
    assert creer_demandes_demo(date(2024, 6, 1)) == 0
    assert not Demande.objects.filter(demonstration=False).exists()
    assert Demande.objects.exclude(statut="en_construction").exists()
    assert _compteurs() == _recompte()
    from sun.core.indicators import obtenir

    valeur = obtenir("relation.demandes").calculer("departement", "11")
    assert valeur.valeur == 0 and "60 demandes de démonstration" in valeur.note
    _ = timedelta
