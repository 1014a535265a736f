"""The statistics of requests: figures by type, tool, direction, nature, month; lead times
(a direction's hidden under 5 closed requests); demonstration and duplicates never counted;
the page for all staff, its filters, its CSV; the indicators; the commands."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from sun.cli import main
from sun.comptes.roles import ESPACE, Role
from sun.core.indicators import Niveau, obtenir
from sun.projets.statistiques import calcul
from tests.competences.factories import DirectionFactory
from tests.projets.factories import DemandeFactory, OutilFactory, TypeDemandeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def jeu():
    """6 closed requests of direction A (2 days each), 2 of direction B (10 days), an open
    incident, a duplicate and 3 demonstration requests."""
    maintenant = timezone.now()
    a, b = DirectionFactory(code="dir-a", nom="Direction A"), DirectionFactory(code="dir-b",
                                                                              nom="Direction B")  # fmt: skip
    outil = OutilFactory(nom="Messagerie")
    mess, poste = (
        TypeDemandeFactory(libelle="Logiciel > Messagerie"),
        TypeDemandeFactory(libelle="Matériel > Poste"),
    )
    debut = maintenant - timedelta(days=20)
    for _ in range(6):
        DemandeFactory(direction=a, type=mess, outil=outil, statut="realisee", creee_le=debut,
                       close_le=debut + timedelta(days=2))  # fmt: skip
    for _ in range(2):
        DemandeFactory(direction=b, type=poste, outil=outil, statut="realisee", creee_le=debut,
                       close_le=debut + timedelta(days=10), nature="incident")  # fmt: skip
    DemandeFactory(direction=b, type=None, nature="incident", statut="en_cours")
    DemandeFactory(direction=a, type=mess, statut="doublon")
    DemandeFactory.create_batch(3, direction=a, type=mess, demonstration=True, nature="incident")
    return a, b, outil


def _lignes(s, code):
    return {ligne[0]: ligne[1:] for ligne in s.tableaux[code].lignes}


def test_chiffres_et_exclusions(jeu):
    s = calcul.obtenir({})
    assert s.total == 9 and s.demonstration == 3
    assert _lignes(s, "type") == {"Logiciel > Messagerie": [6], "Matériel > Poste": [2],
                                  "(sans type)": [1]}  # fmt: skip
    assert _lignes(s, "direction") == {"Direction A": [6], "Direction B": [3]}
    assert _lignes(s, "nature") == {"Demande d'évolution": [6], "Incident": [3]}
    assert _lignes(s, "etat") == {"Ouvertes": [1], "Closes (réalisées ou rejetées)": [8]}
    assert sum(n for _, n in s.tableaux["mois"].lignes) == 9
    assert len(s.tableaux["mois"].lignes) == 12
    assert _lignes(s, "delai_type")["Logiciel > Messagerie"] == [6, 2.0]
    assert _lignes(s, "delai_outil")["Messagerie"] == [8, 2.0]


def test_delai_d_une_direction_sous_5_non_affiche(jeu):
    s = calcul.obtenir({})
    delais = _lignes(s, "delai_direction")
    assert delais["Direction A"] == [6, 2.0]
    assert delais["Direction B"] == [2, "non affiché"]
    barre = next(b for b in s.tableaux["delai_direction"].graphique if b.libelle == "Direction B")
    assert barre.masquee and barre.valeur == 0
    assert _lignes(s, "delai_type")["Matériel > Poste"] == [2, 10.0]  # types are not masked


def test_filtres(jeu):
    _, b, outil = jeu
    assert calcul.obtenir({"direction": b.pk}).total == 3
    assert calcul.obtenir({"nature": "incident"}).total == 3
    assert calcul.obtenir({"outil": outil.pk}).total == 8
    demain = timezone.localdate() + timedelta(days=1)
    assert calcul.obtenir({"du": demain}).total == 0


@pytest.mark.parametrize("role", ESPACE)
def test_page_pour_tout_le_personnel(client, utilisateur_avec_role, jeu, role):
    client.force_login(utilisateur_avec_role(role))
    reponse = client.get(reverse("espace:projets_statistiques"))
    texte = reponse.content.decode()
    assert reponse.status_code == 200
    assert "3 demandes de DÉMONSTRATION ne sont pas comptées" in texte
    assert "<svg" in texte and "<caption>Demandes par type</caption>" in texte
    assert "Demandes saisies dans SUN et tickets GLPI importés" in texte


def test_page_sans_role_ni_compte(client, utilisateur_avec_role):
    url = reverse("espace:projets_statistiques")
    assert client.get(url).status_code == 302
    client.force_login(utilisateur_avec_role(Role.COMMUNE))
    assert client.get(url).status_code == 403


def test_filtre_errone_signale(client, utilisateur_avec_role, jeu):
    client.force_login(utilisateur_avec_role(Role.AGENT))
    reponse = client.get(reverse("espace:projets_statistiques"), {"du": "hier", "outil": "999"})
    texte = reponse.content.decode()
    assert reponse.status_code == 400
    assert "illisible" in texte and "Outil inconnu" in texte and 'value="hier"' in texte


def test_export_csv(client, utilisateur_avec_role, jeu):
    client.force_login(utilisateur_avec_role(Role.AGENT))
    reponse = client.get(reverse("espace:projets_statistiques_csv", args=["direction"]))
    texte = reponse.content.decode("utf-8-sig")
    assert reponse.status_code == 200 and texte.startswith("Direction;Demandes")
    assert "Direction A;6" in texte and "3 demande(s) de démonstration" in texte
    assert client.get(reverse("espace:projets_statistiques_csv", args=["x"])).status_code == 404


def test_indicateurs(jeu):
    del jeu
    incidents = obtenir("projets.incidents_signales")
    annee = timezone.localdate().year
    attendus = 3 if (timezone.now() - timedelta(days=20)).year == annee else 1
    valeur = incidents.calculer(Niveau.DEPARTEMENT, "")
    assert valeur.valeur == attendus and "3 incidents de démonstration" in valeur.note
    assert incidents.calculer(Niveau.DIRECTION, "dir-a").valeur == 0
    assert obtenir("projets.types_demandes").calculer(Niveau.DEPARTEMENT, "").valeur == 2
    part = obtenir("projets.part_demandes_typees").calculer(Niveau.DEPARTEMENT, "")
    assert part.valeur == round(100 * 8 / 9, 1)


def test_types_desactives_non_comptes():
    TypeDemandeFactory(libelle="A")
    TypeDemandeFactory(libelle="B", actif=False)
    assert obtenir("projets.types_demandes").calculer(Niveau.DEPARTEMENT, "").valeur == 1
    assert obtenir("projets.part_demandes_typees").calculer(Niveau.DEPARTEMENT, "").valeur is None


def test_commandes(jeu, capsys):
    assert main(["projets", "statistiques"]) == 0
    sortie = capsys.readouterr().out
    assert "9 demandes comptées" in sortie and "Direction B : demandes closes 2" in sortie
    assert "non affiché" in sortie
    assert main(["projets", "statistiques", "--depuis", "demain"]) != 0
    assert main(["projets", "typologie"]) == 0
    sortie = capsys.readouterr().out
    assert "Logiciel (regroupement, 6 demandes)" in sortie and "  Messagerie" in sortie
