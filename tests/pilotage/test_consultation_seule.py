"""A steering page that a role may read but not change says so, and whom to ask."""

from pathlib import Path

import pytest

from sun.comptes.roles import Role
from sun.pilotage.models import Action, Indicateur
from sun.pilotage.plan_fichier import charger
from tests.outils import texte

pytestmark = pytest.mark.django_db

AUDE = Path(__file__).resolve().parents[2] / "plans" / "aude.yaml"


def test_un_agent_lit_une_action_et_un_indicateur_en_consultation_seule(
    client, utilisateur_avec_role
):
    charger(AUDE)
    client.force_login(utilisateur_avec_role(Role.AGENT))
    action = Action.objects.first()
    page = texte(client.get(f"/espace/pilotage/actions/{action.pk}/"))
    assert "Consultation seule" in page and "Modifier l'action" not in page
    indicateur = Indicateur.objects.first()
    page = texte(client.get(f"/espace/pilotage/indicateurs/{indicateur.pk}/"))
    assert "Consultation seule" in page and "Saisir une valeur" not in page


def test_un_administrateur_modifie_sans_bandeau(client, utilisateur_avec_role):
    charger(AUDE)
    client.force_login(utilisateur_avec_role(Role.ADMINISTRATEUR))
    page = texte(client.get(f"/espace/pilotage/actions/{Action.objects.first().pk}/"))
    assert "Consultation seule" not in page and "Modifier l'action" in page


def test_un_indicateur_calcule_dit_ce_qu_il_laisse_de_cote(client, utilisateur_avec_role):
    """With demonstration places only, the count of real places is 0, and says why."""
    from sun.inclusion.demo.lieux import creer_lieux_demo
    from sun.pilotage.services import calculer_indicateurs

    charger(AUDE)
    creer_lieux_demo("11")
    calculs = {c.indicateur.calcul: c for c in calculer_indicateurs()}
    lieux = calculs["inclusion.lieux"].valeur
    assert lieux.resultat == 0 and "lieux de démonstration non comptés" in lieux.note
    client.force_login(utilisateur_avec_role(Role.AGENT))
    page = texte(client.get("/espace/pilotage/"))
    assert "lieux de démonstration non comptés" in page and "0,0 lieux" not in page
