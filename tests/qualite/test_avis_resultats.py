"""Results on the observatoire's formulas (§5.2), checked on answers with known scores: by
démarche, service, channel and month; thresholds read in words; under 5 answers not shown;
demonstration answers apart; the CSV; the indicators; the demonstration generator."""

import html
from datetime import UTC, datetime

import pytest
from django.urls import reverse

from sun.comptes.roles import Role
from sun.core.indicators import obtenir
from sun.qualite.models import Avis, Emplacement
from sun.qualite.satisfaction import resultats as res
from tests.relation.factories import DemarcheFactory, ServiceFactory

pytestmark = pytest.mark.django_db


def _avis(
    n=1, *, demarche=None, recu_le=datetime(2024, 3, 10, 9, tzinfo=UTC), canal="en_ligne", **valeurs
):
    valeurs.setdefault("satisfaction", "good")
    return [Avis.objects.create(recu_le=recu_le, emplacement=Emplacement.DEMARCHE, canal=canal,
                                demarche=demarche, service=demarche.service if demarche else None,
                                **valeurs) for _ in range(n)]  # fmt: skip


@pytest.fixture
def jeu():
    """Six answers on the APA with known scores, three on another démarche, ten demo ones."""
    apa = DemarcheFactory(
        slug="apa", titre="APA", service=ServiceFactory(code="autonomie", nom="Autonomie")
    )
    pch = DemarcheFactory(slug="pch", titre="PCH", service=apa.service)
    for satisfaction, note, joint, qualite, autonome in [
        ("good", 5, {"guichet": True}, {"guichet": 5}, False),
        ("good", 4, {"guichet": True, "telephone": False}, {"guichet": 5}, False),
        ("good", 3, {"telephone": True}, {"telephone": 5}, False),
        ("medium", 2, {"email": True}, {"email": 5}, True),
        ("medium", 1, {}, {"chat": 5}, True),
        ("bad", None, {}, {}, None),
    ]:
        _avis(demarche=apa, satisfaction=satisfaction, comprehension=note, contact_reached=joint,
              contact_satisfaction=qualite, autonome=autonome)  # fmt: skip
    _avis(3, demarche=pch, satisfaction="bad", canal="guichet",
          recu_le=datetime(2024, 4, 2, 8, tzinfo=UTC))  # fmt: skip
    _avis(10, demarche=apa, satisfaction="bad", demonstration=True)
    return apa, pch


def test_scores_de_l_observatoire(jeu):
    r = res.obtenir()
    e = r.ensemble
    assert e.n == 9 and r.demonstration == 10
    assert e.satisfaction == round((3 * 10 + 2 * 5) / 9, 1) == 4.4
    assert e.simplicite == 5.0  # 10, 7.5, 5, 2.5, 0
    assert e.joignable == 80.0  # 4 « Oui » out of 5
    assert e.efficace == 10.0
    assert e.autonomie == 40.0
    apa = res.obtenir(demarche=jeu[0]).ensemble
    assert apa.n == 6 and apa.satisfaction == 6.7
    cellules = [c.texte for c in res.cellules(apa)]
    assert cellules == ["6", "6,7 /10 — Moyen", "5,0 /10 — Moyen", "80,0 % — Moyen",
                        "10,0 /10 — Bien", "40,0 %"]  # fmt: skip
    pch = res.obtenir(demarche=jeu[1]).ensemble
    assert [c.texte for c in res.cellules(pch)][:2] == [res.NON_AFFICHE, res.NON_AFFICHE]


def test_regroupements_et_mois(jeu):
    r = res.obtenir()
    par_demarche = dict(r.tableaux["demarches"].lignes)
    assert par_demarche["APA"].n == 6 and par_demarche["PCH"].n == 3
    assert dict(r.tableaux["services"].lignes)["Autonomie"].n == 9
    assert {k: c.n for k, c in r.tableaux["canaux"].lignes} == {"En ligne": 6, "Guichet": 3}
    assert [(m, c.n) for m, c in r.mois] == [("mars 2024", 6), ("avril 2024", 3)]
    assert res.obtenir(canal="guichet").ensemble.n == 3
    assert res.obtenir(du=datetime(2024, 4, 1).date()).ensemble.n == 3


@pytest.mark.parametrize("score, joignable, attendu", [
    (4.9, False, "Pas bien"), (5.0, False, "Moyen"), (7.9, False, "Moyen"), (8.0, False, "Bien"),
    (69.9, True, "Faible"), (70.0, True, "Moyen"), (84.9, True, "Moyen"), (85.0, True, "Optimal"),
])  # fmt: skip
def test_seuils_de_couleur_avec_leurs_mots(score, joignable, attendu):
    from sun.qualite.satisfaction.questionnaire import appreciation

    assert appreciation(score, joignable=joignable).libelle == attendu


def test_page_des_resultats_et_csv(client, jeu, utilisateur_avec_role):
    url = reverse("espace:qualite_avis")
    assert client.get(url).status_code == 302
    client.force_login(utilisateur_avec_role(Role.MEDIATEUR))
    assert client.get(url).status_code == 403
    assert client.get(reverse("espace:qualite_avis_csv")).status_code == 403
    for role in (Role.AGENT, Role.INSTRUCTEUR, Role.PILOTE, Role.ADMINISTRATEUR):
        client.force_login(utilisateur_avec_role(role))
        assert client.get(url).status_code == 200
    contenu = html.unescape(client.get(url).content.decode())
    assert "6,7 /10 — Moyen" in contenu and "appreciation--moyen" in contenu
    assert "non affiché (moins de 5)" in contenu and "<svg" in contenu
    assert "10 avis de DÉMONSTRATION ne sont pas comptés" in contenu
    assert (
        "Source : Questionnaire de satisfaction" in contenu
        and "dernier avis reçu le 2 avril 2024" in contenu
    )
    csv = client.get(reverse("espace:qualite_avis_csv") + "?canal=en_ligne").content.decode()
    assert "Démarche;APA;6;6,7 /10 — Moyen" in csv and "PCH" not in csv
    assert "10 avis de démonstration non comptés" in csv


def test_indicateurs(jeu):
    dep = {code: obtenir(code).calculer("departement", "11") for code in (
        "qualite.satisfaction", "qualite.simplicite_langage", "qualite.aide_joignable", "qualite.autonomie")}  # fmt: skip
    assert [v.valeur for v in dep.values()] == [4.4, 5.0, 80.0, 40.0]
    assert "10 avis de démonstration" in dep["qualite.autonomie"].note
    assert dep["qualite.satisfaction"].date == datetime(2024, 4, 2).date()
    Avis.objects.exclude(demarche=jeu[1]).filter(demonstration=False).first().delete()
    assert obtenir("qualite.simplicite_langage").calculer("service", "autonomie").valeur is None


def test_demonstration_generee_une_fois(jeu):
    from sun.qualite.satisfaction.demo import creer_avis_demo

    Avis.objects.filter(demonstration=True).delete()
    assert creer_avis_demo(datetime(2024, 6, 1, tzinfo=UTC)) == 400
    assert creer_avis_demo() == 0
    demo = Avis.objects.demonstration()
    assert demo.count() == 400 and not demo.filter(demarche__isnull=True).exists()
    assert all(
        t.startswith("Texte de démonstration")
        for t in demo.avec_texte().values_list("verbatim", flat=True)
    )
    assert res.obtenir().ensemble.n == 9  # never counted
