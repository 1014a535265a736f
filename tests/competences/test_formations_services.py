"""Services of the training wing: every bad input refused, nothing written."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from sun.competences.erreurs import Refus
from sun.competences.formations import rappels, services
from sun.competences.models import Inscription
from tests.competences.factories import InscriptionFactory, PersonneFactory, SessionFactory

pytestmark = pytest.mark.django_db


def test_session_complete_refusee():
    s = SessionFactory(places=1)
    InscriptionFactory(session=s)
    with pytest.raises(Refus, match="La session est complète"):
        services.inscrire(s, PersonneFactory())
    assert Inscription.objects.filter(session=s).count() == 1


@pytest.mark.parametrize("reglage", ["passee", "annulee", "public"])
def test_inscriptions_refusees(reglage):
    s = SessionFactory()
    if reglage == "passee":
        s.debut = timezone.now() - timedelta(hours=1)
        s.save()
    elif reglage == "annulee":
        s.annulee = True
        s.save()
    else:
        s.publics = ["elus"]
        s.save()
    with pytest.raises(Refus):
        services.inscrire(s, PersonneFactory())
    assert not Inscription.objects.exists()


def test_deux_fois_refuse_et_annulation():
    s, p = SessionFactory(), PersonneFactory()
    i = services.inscrire(s, p)
    with pytest.raises(Refus, match="déjà inscrit"):
        services.inscrire(s, p)
    services.annuler_inscription(i)
    assert Inscription.objects.get().statut == "annule"


def test_attestation_refusee_a_un_absent_et_rappel_une_fois():
    i = InscriptionFactory(session__debut=timezone.now() - timedelta(days=1))
    services.noter_presence(i, "absent")
    with pytest.raises(Refus):
        services.delivrer_attestation(i)
    j = InscriptionFactory(session__debut=timezone.now() + timedelta(days=1))
    assert len(rappels.rappeler().envoyes) == 1
    assert len(rappels.rappeler().envoyes) == 0
    assert len(mail.outbox) == 1 and j.session.titre in mail.outbox[0].subject
