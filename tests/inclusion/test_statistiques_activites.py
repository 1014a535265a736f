"""Statistics of activities: La Coop's counting rule, filters, and masking of small counts."""

from datetime import date

import pytest

from sun.comptes.roles import Role
from sun.inclusion.activites import regles as activites
from sun.inclusion.activites import statistiques as stats
from sun.inclusion.activites.services import enregistrer_activite
from sun.inclusion.models import Activite
from tests.outils import texte

pytestmark = pytest.mark.django_db


def _activite(n: int, **valeurs):
    donnees = {"type": "individuel", "date": "2025-03-10", "duree": 45, "type_lieu": "domicile",
               "lieu_code_insee": "11069", "thematiques": ["email"], **valeurs}  # fmt: skip
    verification = activites.valider(donnees)
    assert not verification.problemes, verification.problemes
    enregistrer_activite(verification.valeurs, Activite.Source.CSV, f"t-{n}")


def test_masquage_primaire_et_secondaire():
    lignes = [
        stats.Ligne("a", "A", 40),
        stats.Ligne("b", "B", 3),
        stats.Ligne("c", "C", 9),
        stats.Ligne("d", "D", 0),
    ]
    stats.masquer(lignes)
    # 3 is masked; 9 too, or 40 + 9 + 3 = 52 would give it away; 0 reveals no one.
    assert [ligne.affichee for ligne in lignes] == [40, "< 5", "< 5", 0]
    lignes = [stats.Ligne("a", "A", 40), stats.Ligne("b", "B", 3), stats.Ligne("c", "C", 2)]
    assert [ligne.affichee for ligne in stats.masquer(lignes)] == [40, "< 5", "< 5"]
    multiples = [stats.Ligne("a", "A", 40), stats.Ligne("b", "B", 3), stats.Ligne("c", "C", 9)]
    assert [ligne.affichee for ligne in stats.masquer(multiples, additive=False)] == [40, "< 5", 9]


def test_regle_de_comptage_et_repartitions():
    for n in range(6):
        _activite(n, genre_feminin=1, age_70_plus=1)
    _activite(10, type="collectif", accompagnements=12, duree=120, lieu_code_insee="11206",
              thematiques=["email", "bureautique"], genre_feminin=7, genre_masculin=5, deja_accompagnes=2)  # fmt: skip
    s = stats.calculer(Activite.objects.all())
    assert (s.activites, s.individuels, s.collectifs) == (7, 6, 1)
    assert s.accompagnements == 18 and s.participants_ateliers == 12 and s.personnes_nouvelles == 16
    genres = {ligne.cle: ligne.affichee for ligne in s.repartitions["genre"].lignes}
    assert genres == {"feminin": 13, "masculin": 5, "non_communique": 0}
    thematiques = {ligne.cle: ligne.affichee for ligne in s.repartitions["thematique"].lignes}
    assert thematiques == {"email": 18, "bureautique": 12}
    communes = {ligne.libelle: ligne.affichee for ligne in s.repartitions["commune"].lignes}
    assert communes == {"Limoux": 12, "Carcassonne": 6}
    durees = {ligne.libelle: ligne.valeur for ligne in s.repartitions["duree"].lignes}
    assert durees["30 min à 1 h"] == 6 and durees["2 h et plus"] == 12
    ages = {ligne.cle: ligne.affichee for ligne in s.repartitions["age"].lignes}
    assert ages["soixante_dix_plus"] == 6 and ages["non_communique"] == 12


def test_selection_trop_petite_masquee(client, utilisateur_avec_role):
    for n in range(3):
        _activite(n)
    _activite(9, lieu_code_insee="11206", date="2024-01-05")
    filtres = stats.Filtres.depuis({"commune": "11069"})
    assert stats.calculer(stats.selection(filtres)).trop_peu
    client.force_login(utilisateur_avec_role(Role.PILOTE))
    page = texte(client.get("/espace/activites/statistiques/?commune=11069"))
    assert "Moins de 5 accompagnements" in page and "Chiffres clés" not in page
    csv = client.get("/espace/activites/statistiques/?commune=11069&format=csv").content.decode(
        "utf-8-sig"
    )
    assert "accompagnements;< 5" in csv and "Carcassonne" not in csv


def test_filtres_de_periode_et_de_thematique(client, utilisateur_avec_role):
    for n in range(6):
        _activite(n, date=f"2025-0{n + 1}-15", thematiques=["sante"] if n % 2 else ["email"])
    assert (
        stats.calculer(
            stats.selection(stats.Filtres.depuis({"du": "2025-03-01", "au": "2025-04-30"}))
        ).activites
        == 2
    )
    assert stats.selection(stats.Filtres.depuis({"thematique": "sante"})).count() == 3
    assert stats.selection(stats.Filtres(thematique="email")).count() == 3
    client.force_login(utilisateur_avec_role(Role.AGENT))
    page = texte(client.get("/espace/activites/statistiques/?du=15/03/2025&au=2025-02-01"))
    assert "non reconnue" in page
    page = texte(client.get("/espace/activites/statistiques/?du=2025-06-01&au=2025-02-01"))
    assert "précède son début" in page and "<strong>6</strong> activités" in page
    page = texte(client.get("/espace/activites/statistiques/"))
    assert "<svg" in client.get("/espace/activites/statistiques/").content.decode()
    assert "Accompagnements par mois" in page and "Source : activités enregistrées" in page


def test_donnees_de_demonstration_signalees(client, utilisateur_avec_role):
    for n in range(5):
        _activite(n)
    Activite.objects.update(demonstration=True)
    client.force_login(utilisateur_avec_role(Role.AGENT))
    assert "5 activités de DÉMONSTRATION" in texte(client.get("/espace/activites/statistiques/"))
    assert "Aucune activité" in texte(client.get("/espace/activites/statistiques/?demonstration=0"))
    assert date.today() >= date(2025, 1, 1)
