"""Steering with figures in it: the plan's order in the annual report, targets with their unit,
one « En retard » column, why a value is missing, pilots chosen in the action form, and the
demonstration pilot's actions (labelled as demonstration)."""

import re
from datetime import date
from pathlib import Path

import pytest

from sun.comptes.roles import Role
from sun.comptes.services import creer_comptes_demo
from sun.core.installation import calculer_indicateurs_du_plan
from sun.pilotage import rapport
from sun.pilotage.demo import creer_pilotage_demo
from sun.pilotage.models import Action, Historique, Indicateur, NoteSuivi, ValeurIndicateur
from sun.pilotage.plan_fichier import charger
from sun.pilotage.services import calculer_indicateurs, en_retard
from tests.outils import texte

pytestmark = pytest.mark.django_db

AUDE = Path(__file__).resolve().parents[2] / "plans" / "aude.yaml"


@pytest.fixture
def plan():
    return charger(AUDE).plan


def _numero(code: str) -> int:
    return int(code.split(".")[0])


def test_rapport_dans_l_ordre_du_plan_avec_les_unites(plan, client, utilisateur_avec_role):
    contexte = rapport.contexte(plan, 2025, date(2025, 12, 1))
    codes = [o.code for o, _, _ in contexte["sections"]]
    assert codes == sorted(codes, key=_numero) and codes[:3] == ["1", "2", "3"]
    client.force_login(utilisateur_avec_role(Role.AGENT))
    page = texte(client.get("/espace/pilotage/rapport/", {"annee": "2025", "format": "html"}))
    positions = [page.index(f"Orientation {c} :") for c in codes]
    assert positions == sorted(positions)
    assert "85,0 % en 2025" in page  # the target with its unit
    assert "break-inside: avoid" in page
    # Actions without a note are listed in one sentence, not a table of dashes.
    assert "sans note de suivi en 2025 : 1.1 " in page and "<td>—</td>" not in page


def test_une_seule_colonne_en_retard(plan, client, utilisateur_avec_role):
    marquee = Action.objects.get(code="2.1")
    marquee.statut = Action.Statut.EN_RETARD
    marquee.save()
    depassee = Action.objects.get(code="1.2")
    depassee.date_fin_prevue = date(2020, 1, 1)
    depassee.save()
    assert en_retard(marquee) and en_retard(depassee)
    client.force_login(utilisateur_avec_role(Role.AGENT))
    page = client.get("/espace/pilotage/").content.decode()
    tableau = page[
        page.index("<caption>Actions par statut") : page.index(
            "</table>", page.index("<caption>Actions par statut")
        )
    ]
    assert len(re.findall(r'<th scope="col" class="nombre">En retard', tableau)) == 1
    assert "<strong>2 en retard</strong>" in page


def test_le_tableau_de_bord_dit_pourquoi_une_valeur_manque(plan, client, utilisateur_avec_role):
    client.force_login(utilisateur_avec_role(Role.AGENT))
    page = texte(client.get("/espace/pilotage/"))
    assert "Pas encore calculé : le calcul quotidien" in page
    assert "Pas encore mesuré : aucune valeur saisie" in page
    Indicateur.objects.filter(code="lieux-mediation").update(territoire="99")  # no such place
    calculer_indicateurs()
    page = texte(client.get("/espace/pilotage/"))
    assert re.search(r"Pas de valeur au calcul du \d\d/\d\d/\d{4} : calcul impossible", page)


def test_preparer_calcule_les_indicateurs_une_fois(plan):
    lignes = []
    calculer_indicateurs_du_plan(ecrire=lignes.append)
    assert lignes and lignes[0].startswith("Indicateurs calculés : ")
    calcule = Indicateur.objects.get(code="lieux-mediation")
    assert calcule.valeurs.exclude(resultat=None).exists() and calcule.calcule_le is not None


def _formulaire(action, **valeurs):
    return {"quoi": "action", "statut": action.statut, "priorite": action.priorite,
            "date_debut": "", "date_fin_prevue": "", "description": "", "objectifs": "",
            **valeurs}  # fmt: skip


def test_l_administrateur_choisit_les_pilotes_parmi_les_comptes_pilotes(
    plan, client, utilisateur_avec_role
):
    action = Action.objects.get(code="3.1")
    pilote = utilisateur_avec_role(Role.PILOTE, identifiant="pilote-choisi")
    agent = utilisateur_avec_role(Role.AGENT, identifiant="agent-sans-role-pilote")
    client.force_login(utilisateur_avec_role(Role.ADMINISTRATEUR))
    page = client.get(f"/espace/pilotage/actions/{action.pk}/").content.decode()
    assert "pilote-choisi" in page and "agent-sans-role-pilote" not in page
    refus = client.post(
        f"/espace/pilotage/actions/{action.pk}/", _formulaire(action, pilotes=[agent.pk])
    )
    assert refus.status_code == 200 and not action.pilotes.exists()
    client.post(f"/espace/pilotage/actions/{action.pk}/", _formulaire(action, pilotes=[pilote.pk]))
    assert list(action.pilotes.all()) == [pilote]
    assert Historique.objects.filter(code="3.1", changements__has_key="pilotes").exists()


def test_un_pilote_ne_change_pas_les_pilotes(plan, client, utilisateur_avec_role):
    action = Action.objects.get(code="3.1")
    pilote = utilisateur_avec_role(Role.PILOTE, identifiant="pilote-en-place")
    autre = utilisateur_avec_role(Role.PILOTE, identifiant="pilote-ajoute")
    action.pilotes.add(pilote)
    client.force_login(pilote)
    page = client.get(f"/espace/pilotage/actions/{action.pk}/").content.decode()
    assert "Seul un administrateur désigne les pilotes." in page
    client.post(f"/espace/pilotage/actions/{action.pk}/",
                _formulaire(action, statut="en_cours", pilotes=[autre.pk]))  # fmt: skip
    action.refresh_from_db()
    assert action.statut == "en_cours" and list(action.pilotes.all()) == [pilote]


def test_chaque_aria_describedby_du_formulaire_d_action_existe(plan, client, utilisateur_avec_role):
    action = Action.objects.get(code="1.1")
    client.force_login(utilisateur_avec_role(Role.ADMINISTRATEUR))
    for chemin in (f"/espace/pilotage/actions/{action.pk}/",
                   f"/espace/pilotage/indicateurs/{Indicateur.objects.first().pk}/"):  # fmt: skip
        page = client.get(chemin).content.decode()
        ids = set(re.findall(r'\sid="([^"]+)"', page))
        references = {i for v in re.findall(r'aria-describedby="([^"]+)"', page) for i in v.split()}
        assert references and references <= ids, references - ids


def test_le_pilote_de_demonstration_pilote_quelques_actions(plan, client):
    creer_comptes_demo()
    assert creer_pilotage_demo(date(2025, 6, 1)) == 4
    assert creer_pilotage_demo(date(2025, 6, 1)) == 0  # once
    pilotees = Action.objects.filter(pilotes__username="demo-pilote")
    assert pilotees.count() == 4
    assert NoteSuivi.objects.filter(demonstration=True).count() == 4
    assert ValeurIndicateur.objects.filter(demonstration=True, resultat__isnull=False).exists()
    page = rapport.html(plan, 2025, date(2025, 6, 1))
    assert "Contient des chiffres de démonstration" in page and 'class="demo"' in page
    assert "(note de démonstration)" in page
