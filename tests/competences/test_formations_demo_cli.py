"""`sun competences sessions` and `sun competences rappels`; the demonstration sessions."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from sun.cli import main
from sun.competences.demo import personnes_demo
from sun.competences.formations.demo import SESSIONS_DEMO, creer_demo
from sun.competences.models import Inscription, Session
from tests.competences.factories import InscriptionFactory, SessionFactory

pytestmark = pytest.mark.django_db


def test_demo_deux_fois_sans_doublon():
    personnes_demo()
    premiere = creer_demo()
    compte = (Session.objects.count(), Inscription.objects.count(),
              Inscription.objects.exclude(attestation="").count())  # fmt: skip
    seconde = creer_demo()
    assert compte == (Session.objects.count(), Inscription.objects.count(),
                      Inscription.objects.exclude(attestation="").count())  # fmt: skip
    assert compte[0] == len(SESSIONS_DEMO) and compte[1] > 0 and compte[2] > 0
    assert "DÉMONSTRATION" in premiere[0] and "(10 créée(s))" in premiere[0]
    assert "(0 créée(s))" in seconde[0]
    assert not Session.objects.filter(demonstration=False).exists()
    assert Inscription.objects.reels().count() == 0


def test_sessions_a_venir(capsys):
    SessionFactory(titre="Le tableur pour tous", places=3)
    SessionFactory(titre="Session passée", debut=timezone.now() - timedelta(days=3))
    SessionFactory(titre="Session annulée", annulee=True)
    assert main(["competences", "sessions"]) == 0
    sortie = capsys.readouterr().out
    assert "Le tableur pour tous" in sortie and "3 place(s) restante(s) sur 3" in sortie
    assert "Session passée" not in sortie and "Session annulée" not in sortie
    assert "1 session(s) à venir." in sortie
    assert main(["competences", "sessions", "--theme", "ia"]) == 0
    assert "0 session(s) à venir." in capsys.readouterr().out


def test_rappels_envoyes_une_fois(capsys):
    i = InscriptionFactory(session__debut=timezone.now() + timedelta(days=1),
                           session__titre="Mots de passe", personne__courriel="lou@example.org")  # fmt: skip
    InscriptionFactory(session__debut=timezone.now() + timedelta(days=20))  # too early
    InscriptionFactory(session__debut=timezone.now() + timedelta(days=1), statut="annule")
    assert main(["competences", "rappels", "--essai"]) == 0
    assert "1 rappel(s) à envoyer" in capsys.readouterr().out and not mail.outbox
    assert main(["competences", "rappels"]) == 0
    assert "1 rappel(s) de formation envoyé(s)" in capsys.readouterr().out
    assert main(["competences", "rappels"]) == 0
    assert "0 rappel(s) de formation envoyé(s)" in capsys.readouterr().out
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["lou@example.org"]
    assert "Mots de passe" in mail.outbox[0].subject
    i.refresh_from_db()
    assert i.rappel_envoye_le is not None
