"""Writes of the calls wing: every bad input is refused with a French message and nothing is
written; budget lines created for year + type."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from sun.pilotage.models import LigneBudget
from sun.projets.appels import services
from sun.projets.erreurs import Refus
from sun.projets.models import AppelAProjets, Candidature
from tests.projets.fabriques_appels import plan_avec_actions
from tests.projets.factories import AppelFactory

pytestmark = pytest.mark.django_db
JOUR = date(2026, 6, 1)


def _appel(**champs):
    return {"titre": "Inclusion", "financeur": "ANCT", "date_limite": JOUR + timedelta(days=20),
            "beneficiaires": "Associations", "lien": "https://anct.gouv.fr/", **champs}  # fmt: skip


@pytest.mark.parametrize("champs, champ", [
    ({"date_limite": JOUR - timedelta(days=1)}, "date_limite"),
    ({"date_limite": None}, "date_limite"),
    ({"titre": "  "}, "titre"),
    ({"lien": "javascript:alert(1)"}, "lien"),
    ({"montant_max": "beaucoup"}, "montant_max"),
    ({"montant_max": "-5"}, "montant_max"),
])  # fmt: skip
def test_appel_refuse(champs, champ):
    with pytest.raises(Refus) as refus:
        services.creer_appel(_appel(**champs), aujourd_hui=JOUR)
    assert refus.value.champ == champ and "rien n'a été enregistré" in refus.value.message
    assert not AppelAProjets.objects.exists()


def test_appel_cree_puis_modifie():
    appel = services.creer_appel(_appel(montant_max="15 000,50"), aujourd_hui=JOUR)
    assert appel.montant_max == Decimal("15000.50")
    with pytest.raises(Refus):
        services.modifier_appel(appel, _appel(titre="Nouveau", date_limite=JOUR - timedelta(1)),
                                aujourd_hui=JOUR)  # fmt: skip
    appel.refresh_from_db()
    assert appel.titre == "Inclusion"
    # An expired call keeps its date when edited later.
    services.modifier_appel(appel, _appel(titre="Nouveau"), aujourd_hui=JOUR + timedelta(60))
    assert AppelAProjets.objects.get().titre == "Nouveau"


@pytest.fixture
def contexte():
    plan, actions = plan_avec_actions()
    appel = AppelFactory(montant_max=50000, date_limite=timezone.localdate() + timedelta(30))
    return plan, actions, appel


def _candidature(action_choisie, **champs):
    jour = timezone.localdate()
    return {"action": action_choisie, "statut": "obtenue", "montant_demande": "40000",
            "montant_obtenu": "30000", "deposee_le": jour - timedelta(days=3),
            "decision_le": jour, **champs}  # fmt: skip


def test_candidature_refusee_sans_rien_ecrire(contexte):
    plan, (action, autre), appel = contexte
    ligne_autre = LigneBudget.objects.create(action=autre, annee=2026, type="investissement")
    cas = [
        ({"montant_demande": "60000"}, "montant_demande"),  # above the call's ceiling
        ({"montant_obtenu": "45000", "montant_demande": "40000"}, "montant_obtenu"),
        ({"montant_obtenu": ""}, "montant_obtenu"),  # obtained without an amount
        ({"decision_le": None}, "decision_le"),
        ({"ligne_budget": ligne_autre}, "ligne_budget"),  # another action's line
        ({"deposee_le": appel.date_limite + timedelta(days=1)}, "deposee_le"),  # too late
        ({"statut": "deposee", "montant_obtenu": "", "deposee_le": None}, "deposee_le"),
        ({"statut": "deposee"}, "montant_obtenu"),
        ({"annee_budget": 2031, "type_budget": "investissement"}, "annee_budget"),
        ({"annee_budget": 2026}, "annee_budget"),
        ({"action": None}, "action"),
    ]
    for champs, champ in cas:
        with pytest.raises(Refus) as refus:
            services.creer_candidature(appel, _candidature(action, **champs), plan=plan)
        assert refus.value.champ == champ, champs
    assert not Candidature.objects.exists()
    assert LigneBudget.objects.count() == 1


def test_action_d_un_autre_plan(contexte):
    plan, _actions, appel = contexte
    _, (ailleurs, _b) = plan_avec_actions()
    with pytest.raises(Refus) as refus:
        services.creer_candidature(appel, _candidature(ailleurs), plan=plan)
    assert refus.value.champ == "action" and not Candidature.objects.exists()


def test_candidature_et_ligne_creee(contexte):
    plan, (action, autre), appel = contexte
    c = services.creer_candidature(appel, _candidature(
        action, annee_budget=2026, type_budget="fonctionnement"), plan=plan)  # fmt: skip
    assert c.montant_obtenu == Decimal(30000) and c.ligne_budget.action == action
    assert c.ligne_budget.annee == 2026 and c.ligne_budget.reel is None
    with pytest.raises(Refus):
        services.modifier_candidature(c, _candidature(autre, ligne_budget=c.ligne_budget),
                                      plan=plan)  # fmt: skip
    c.refresh_from_db()
    assert c.action == action
    services.modifier_candidature(c, _candidature(action, statut="refusee", montant_obtenu=""),
                                  plan=plan)  # fmt: skip
    c.refresh_from_db()
    assert c.statut == "refusee" and c.montant_obtenu is None
