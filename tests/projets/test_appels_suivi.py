"""Reminders once per threshold, indicators without demonstration, the funding on the steering
pages, and the demonstration content run twice."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from sun.comptes.roles import Role
from sun.core.indicators import Niveau, obtenir
from sun.pilotage.models import LigneBudget
from sun.projets.appels import rappels
from sun.projets.appels.demo import creer_demo
from sun.projets.models import AppelAProjets, Candidature
from tests.comptes.factories import UtilisateurFactory
from tests.projets.fabriques_appels import plan_avec_actions
from tests.projets.factories import AppelFactory, CandidatureFactory

pytestmark = pytest.mark.django_db
JOUR = date(2026, 3, 1)


def test_rappels_une_fois_par_seuil():
    suiveur = UtilisateurFactory(username="suiveur", email="suiveur@aude.fr")
    porteur = UtilisateurFactory(username="porteur", email="porteur@aude.fr")
    appel = AppelFactory(date_limite=JOUR + timedelta(days=30), suivi_par=suiveur)
    CandidatureFactory(appel=appel, porteur=porteur, statut="preparation")
    CandidatureFactory(appel=appel, porteur=UtilisateurFactory(username="x", email="x@a.fr"),
                       statut="deposee")  # fmt: skip
    AppelFactory(date_limite=JOUR + timedelta(days=3), suivi_par=suiveur, demonstration=True)
    envoyes = []
    for decalage in range(0, 31):  # every day until the deadline, some twice
        for _ in range(2):
            rappels.rappeler(JOUR + timedelta(days=decalage))
        envoyes.append(len(mail.outbox))
    # thresholds 30, 14 and 3 days before: two people each time, nothing more
    assert len(mail.outbox) == 6
    assert {m.to[0] for m in mail.outbox} == {"suiveur@aude.fr", "porteur@aude.fr"}
    assert envoyes[0] == 2 and envoyes[16] == 4 and envoyes[27] == 6
    assert all("x@a.fr" not in m.to for m in mail.outbox)


def test_rappel_jour_manque_et_essai():
    suiveur = UtilisateurFactory(username="suiveur", email="suiveur@aude.fr")
    appel = AppelFactory(date_limite=JOUR + timedelta(days=10), suivi_par=suiveur)
    essai = rappels.rappeler(JOUR, envoyer=False)
    assert [r.seuil for r in essai] == [14] and not mail.outbox
    appel.refresh_from_db()
    assert appel.rappel_envoye_le is None
    rappels.rappeler(JOUR)
    rappels.rappeler(JOUR + timedelta(days=1))
    assert len(mail.outbox) == 1 and "10 jours" in mail.outbox[0].subject


def _financement(action, montant, demonstration=False, appel_demo=False, **champs):
    appel = AppelFactory(financeur="Région Occitanie", programme="Occitanie numérique",
                         demonstration=appel_demo)  # fmt: skip
    return CandidatureFactory(appel=appel, action=action, statut="obtenue",
                              montant_demande=montant, montant_obtenu=montant,
                              deposee_le=timezone.localdate() - timedelta(days=9),
                              decision_le=timezone.localdate(), demonstration=demonstration,
                              **champs)  # fmt: skip


def test_indicateurs_sans_demonstration():
    _plan, (action, autre) = plan_avec_actions()
    _financement(action, 10000)
    _financement(action, 70000, demonstration=True)
    _financement(autre, 5000, appel_demo=True)
    valeur = obtenir("projets.financements_obtenus").calculer(Niveau.DEPARTEMENT, "11")
    assert valeur.valeur == 10000 and "démonstration" in valeur.note
    deposees = obtenir("projets.candidatures_deposees").calculer(Niveau.DEPARTEMENT, "11")
    assert deposees.valeur == 1
    taux = obtenir("projets.taux_succes_candidatures").calculer(Niveau.DEPARTEMENT, "11")
    assert taux.valeur is None  # fewer than 5 decisions
    for _ in range(4):
        CandidatureFactory(action=action, statut="refusee", decision_le=timezone.localdate())
    taux = obtenir("projets.taux_succes_candidatures").calculer(Niveau.DEPARTEMENT, "11")
    assert taux.valeur == 20.0


def test_pages_de_pilotage_montrent_les_financements(client, utilisateur_avec_role):
    _plan, (action, autre) = plan_avec_actions()
    ligne = LigneBudget.objects.create(action=action, annee=2026, type="fonctionnement")
    _financement(action, Decimal("12345"), ligne_budget=ligne)
    _financement(action, Decimal("77777"), demonstration=True)
    client.force_login(utilisateur_avec_role(Role.PILOTE))
    page = client.get(reverse("espace:pilotage_action", args=[action.pk])).content.decode()
    assert "Financements obtenus" in page and "Occitanie numérique" in page
    assert "2026 fonctionnement" in page and "démonstration" in page and "Source" in page
    debut = page.index("Financements obtenus")
    total = page[page.index("Total", debut) : page.index("</tfoot>", debut)]
    assert "12" in total and "77" not in total
    bord = client.get(reverse("espace:pilotage")).content.decode()
    assert "Financements obtenus" in bord and "Région Occitanie" in bord
    assert reverse("espace:projets_appels_financements") in bord
    autre_page = client.get(reverse("espace:pilotage_action", args=[autre.pk])).content.decode()
    assert "Aucun financement obtenu" in autre_page


def test_demo_deux_fois_sans_doublon():
    plan, _actions = plan_avec_actions(5)
    premier = creer_demo()
    appels, candidatures = AppelAProjets.objects.count(), Candidature.objects.count()
    deuxieme = creer_demo()
    assert premier == deuxieme and candidatures == 5 and appels == 6
    assert AppelAProjets.objects.count() == appels and Candidature.objects.count() == 5
    assert not AppelAProjets.objects.reels().exists() and not Candidature.objects.reels().exists()
    assert all(c.action.plan == plan for c in Candidature.objects.all())
    valeur = obtenir("projets.financements_obtenus").calculer(Niveau.DEPARTEMENT, "11")
    assert valeur.valeur == 0


def test_commandes(capsys):
    from sun.cli import main

    _plan, (action, _autre) = plan_avec_actions()
    suiveur = UtilisateurFactory(username="suiveur", email="suiveur@aude.fr")
    AppelFactory(titre="Appel proche", suivi_par=suiveur,
                 date_limite=timezone.localdate() + timedelta(days=2))  # fmt: skip
    _financement(action, Decimal("4200"))
    assert main(["projets", "appels"]) == 0
    assert "Appel proche" in capsys.readouterr().out
    assert main(["projets", "financements"]) == 0
    sortie = capsys.readouterr().out
    assert action.code in sortie and "4\u202f200,00 €" in sortie
    assert main(["projets", "rappels-appels", "--essai"]) == 0
    sortie = capsys.readouterr().out
    assert "serait envoyé" in sortie and "suiveur" in sortie and not mail.outbox
    assert main(["projets", "rappels-appels"]) == 0
    assert len(mail.outbox) == 1
    assert main(["projets", "rappels-appels"]) == 0
    assert len(mail.outbox) == 1 and "Aucun rappel" in capsys.readouterr().out
