"""The backlog per tool (order, filters, links, CSV, `sun projets carnet`), the indicators of
the wing (demonstration never counted, median hidden under 5) and the demonstration data."""

import csv
import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from sun.cli import main
from sun.comptes.roles import Role
from sun.core.indicators import Niveau, obtenir
from sun.projets.demandes.demo import creer_demo
from sun.projets.models import Demande
from tests.competences.factories import DirectionFactory
from tests.projets.factories import DemandeFactory, OutilFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def jeu():
    a, b = OutilFactory(nom="Agenda", slug="agenda"), OutilFactory(nom="Budget", slug="budget")
    direction = DirectionFactory(code="dir-a", nom="Direction A")
    il_y_a = timezone.now() - timedelta(days=10)
    return {
        "a_faible": DemandeFactory(titre="Agenda faible", outil=a, score=Decimal("2")),
        "a_estimer": DemandeFactory(titre="Agenda à estimer", outil=a, score=None),
        "a_fort": DemandeFactory(titre="Agenda fort", outil=a, score=Decimal("9"),
                                 direction=direction),
        "a_vieux": DemandeFactory(titre="Agenda ancien", outil=a, score=Decimal("2"),
                                  creee_le=il_y_a),
        "b": DemandeFactory(titre="Budget unique", outil=b, score=Decimal("1")),
        "sans": DemandeFactory(titre="Sans outil", outil=None, score=Decimal("50")),
        "incident": DemandeFactory(titre="Panne agenda", outil=a, nature="incident"),
        "close": DemandeFactory(titre="Agenda réalisé", outil=a, statut="realisee"),
    }  # fmt: skip


def test_ordre_du_carnet(jeu):
    titres = [d.titre for d in Demande.objects.carnet()]
    assert titres == ["Agenda fort", "Agenda ancien", "Agenda faible", "Agenda à estimer",
                      "Budget unique", "Sans outil"]  # fmt: skip


def test_page_du_carnet_filtres_et_liens(client, utilisateur_avec_role, jeu):
    agent = utilisateur_avec_role(Role.AGENT)
    Demande.objects.filter(pk=jeu["b"].pk).update(demandeur=agent)
    client.force_login(agent)
    texte = client.get(reverse("espace:projets_carnet")).content.decode()
    assert texte.index("Agenda fort") < texte.index("Agenda faible") < texte.index("Budget unique")
    assert "à estimer" in texte and "Panne agenda" not in texte and "Agenda réalisé" not in texte
    assert f'href="{reverse("espace:projets_demande", args=[jeu["b"].pk])}"' in texte
    assert f'href="{reverse("espace:projets_demande", args=[jeu["a_fort"].pk])}"' not in texte
    texte = client.get(reverse("espace:projets_carnet") + "?outil=budget").content.decode()
    assert "Budget unique" in texte and "Agenda fort" not in texte
    texte = client.get(reverse("espace:projets_carnet") + "?direction=dir-a").content.decode()
    assert "Agenda fort" in texte and "Budget unique" not in texte


def test_export_csv(client, utilisateur_avec_role, jeu):
    client.force_login(utilisateur_avec_role(Role.PILOTE))
    reponse = client.get(reverse("espace:projets_carnet_csv") + "?outil=agenda")
    assert reponse.status_code == 200 and reponse["Content-Type"].startswith("text/csv")
    lignes = list(csv.reader(io.StringIO(reponse.content.decode("utf-8-sig")), delimiter=";"))
    assert lignes[0][:3] == ["Outil", "N°", "Titre"]
    assert [ligne[2] for ligne in lignes[1:]] == ["Agenda fort", "Agenda ancien",
                                                  "Agenda faible", "Agenda à estimer"]  # fmt: skip
    assert lignes[1][9] == "9,00" and lignes[4][9] == "à estimer"


def test_commande_carnet(jeu, capsys):
    assert main(["projets", "carnet"]) == 0
    sortie = capsys.readouterr().out
    assert "6 demande(s) ouverte(s)" in sortie and "Agenda fort" in sortie
    assert sortie.index("Agenda fort") < sortie.index("Agenda faible")
    assert main(["projets", "carnet", "--outil", "budget"]) == 0
    sortie = capsys.readouterr().out
    assert "Budget unique" in sortie and "Agenda" not in sortie.split("\n", 1)[1]
    assert main(["projets", "carnet", "--outil", "inconnu"]) == 3
    assert "Outil inconnu" in capsys.readouterr().err


def _close(jours: int, **kw):
    fin = timezone.now()
    return DemandeFactory(statut="realisee", creee_le=fin - timedelta(days=jours), close_le=fin,
                          **kw)  # fmt: skip


def test_indicateurs_sans_la_demonstration():
    direction = DirectionFactory(code="dir-i")
    DemandeFactory(direction=direction)
    DemandeFactory(demonstration=True)
    for j in (2, 4, 6, 8):
        _close(j)
    _close(100, demonstration=True)
    ouvertes = obtenir("projets.demandes_ouvertes")
    assert ouvertes.calculer(Niveau.DEPARTEMENT, "").valeur == 1
    assert ouvertes.calculer(Niveau.DIRECTION, "dir-i").valeur == 1
    assert obtenir("projets.demandes_closes").calculer(Niveau.DEPARTEMENT, "").valeur == 4
    mediane = obtenir("projets.delai_median_jours")
    v = mediane.calculer(Niveau.DEPARTEMENT, "")
    assert v.valeur is None and "démonstration" in v.note
    _close(10)
    assert mediane.calculer(Niveau.DEPARTEMENT, "").valeur == pytest.approx(6.0, abs=0.1)


def test_demonstration_idempotente():
    lignes = creer_demo()
    assert "DÉMONSTRATION" in lignes[0]
    n = Demande.objects.count()
    assert 20 <= n <= 30 and Demande.objects.reels().count() == 0
    assert Demande.objects.filter(statut="doublon").count() == 1
    assert Demande.objects.exclude(score=None).exists()
    assert len({d.outil_id for d in Demande.objects.exclude(outil=None)}) == 3
    assert creer_demo() == lignes and Demande.objects.count() == n
    assert obtenir("projets.demandes_ouvertes").calculer(Niveau.DEPARTEMENT, "").valeur == 0


def test_demonstration_soutiens_par_des_comptes_de_demonstration(utilisateur_avec_role):
    from sun.competences.demo import directions_demo
    from sun.projets.models import Soutien
    from tests.competences.factories import PersonneFactory

    compte = utilisateur_avec_role(Role.AGENT)
    PersonneFactory(compte=compte, demonstration=True, direction=directions_demo()[0])
    creer_demo()
    soutiens = Soutien.objects.filter(compte=compte)
    assert soutiens.exists() and all(s.demande.demonstration for s in soutiens)
    assert all(s.demande.score is None or s.demande.effort for s in soutiens)
