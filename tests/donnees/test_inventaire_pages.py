"""The inventory's pages per role: readers read, writers write, anonymous go to the login
page (302), others get 403; SUN's own entries are only completed, never deleted."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from sun.comptes.roles import Role
from sun.donnees.inventaire.synchronisation import synchroniser_traitements_sun
from sun.donnees.models import EntreeInventaire
from tests.donnees.factories import EntreeInventaireFactory, RegleFactory

pytestmark = pytest.mark.django_db

LECTURE = ["donnees_inventaire", "donnees_inventaire_cnil", "donnees_inventaire_csv",
           "donnees_repertoire"]  # fmt: skip
POST_NOUVELLE = {"nom": "Base des routes", "nature": "jeu", "service": "Direction des routes",
                 "finalite": "Entretenir le réseau.", "frequence": "annual",
                 "ouverture": "a_ouvrir"}  # fmt: skip


def url(nom, *args):
    return reverse(f"espace:{nom}", args=args)


@pytest.mark.parametrize("nom", LECTURE)
def test_anonyme_redirige(client, nom):
    assert client.get(url(nom)).status_code == 302


@pytest.mark.parametrize("role", [Role.MEDIATEUR, Role.ARCHIVISTE, Role.COMMUNE])
@pytest.mark.parametrize("nom", LECTURE)
def test_roles_refuses(client, utilisateur_avec_role, role, nom):
    client.force_login(utilisateur_avec_role(role))
    assert client.get(url(nom)).status_code == 403


@pytest.mark.parametrize("role", [Role.AGENT, Role.INSTRUCTEUR, Role.PILOTE])
def test_lecteurs(client, utilisateur_avec_role, role):
    client.force_login(utilisateur_avec_role(role))
    synchroniser_traitements_sun()
    e = EntreeInventaire.objects.get(code="sun.demandes")
    page = client.get(url("donnees_inventaire"), {"personnelles": "oui"})
    assert page.status_code == 200 and "tenu à jour par SUN" in page.content.decode()
    fiche = client.get(url("donnees_inventaire_entree", e.pk)).content.decode()
    assert "Règle du tableau de gestion" in fiche and "5 ans" in fiche
    assert (client.get(url("donnees_inventaire_csv"))["Content-Type"]
            == "text/csv; charset=utf-8")  # fmt: skip
    xlsx = client.get(url("donnees_inventaire_cnil"))
    assert load_workbook(io.BytesIO(xlsx.content)).sheetnames[0] == "Registre"
    assert client.get(url("donnees_repertoire"), {"annee": "2025"}).status_code == 200


def test_agent_ne_peut_pas_ecrire(client, utilisateur_avec_role):
    client.force_login(utilisateur_avec_role(Role.AGENT))
    e = EntreeInventaireFactory()
    assert client.get(url("donnees_inventaire_nouvelle")).status_code == 403
    assert client.post(url("donnees_inventaire_nouvelle"), POST_NOUVELLE).status_code == 403
    assert client.post(url("donnees_inventaire_supprimer", e.pk)).status_code == 403
    assert client.get(url("donnees_inventaire_modifier", e.pk)).status_code == 403
    assert EntreeInventaire.objects.count() == 1


@pytest.mark.parametrize("role", [Role.PILOTE, Role.INFORMATIQUE, Role.ADMINISTRATEUR])
def test_redacteurs(client, utilisateur_avec_role, role):
    client.force_login(utilisateur_avec_role(role))
    assert client.get(url("donnees_inventaire_nouvelle")).status_code == 200
    reponse = client.post(url("donnees_inventaire_nouvelle"), POST_NOUVELLE)
    e = EntreeInventaire.objects.get(nom="Base des routes")
    assert reponse.status_code == 302
    refus = client.post(url("donnees_inventaire_modifier", e.pk),
                        {**POST_NOUVELLE, "ouverture": "ferme"})  # fmt: skip
    assert refus.status_code == 400 and "motif de non-ouverture" in refus.content.decode()
    assert client.post(url("donnees_inventaire_supprimer", e.pk)).status_code == 302
    assert not EntreeInventaire.objects.filter(pk=e.pk).exists()


def test_personnelles_sans_article_30_refuse(client, utilisateur_avec_role):
    client.force_login(utilisateur_avec_role(Role.PILOTE))
    reponse = client.post(url("donnees_inventaire_nouvelle"),
                          {**POST_NOUVELLE, "donnees_personnelles": "on"})  # fmt: skip
    assert reponse.status_code == 400 and "base légale" in reponse.content.decode()
    assert not EntreeInventaire.objects.exists()


def test_entree_de_sun_completee_mais_pas_supprimee(client, utilisateur_avec_role):
    client.force_login(utilisateur_avec_role(Role.ADMINISTRATEUR))
    synchroniser_traitements_sun()
    e = EntreeInventaire.objects.get(code="sun.appels")
    regle = RegleFactory()
    reponse = client.post(url("donnees_inventaire_modifier", e.pk), {
        "service": "Direction de l'accueil", "referent": "Chef de l'accueil",
        "application": "SUN", "regle": regle.pk, "mesures_complementaires": "Sauvegarde.",
        "nom": "Autre nom"})  # fmt: skip
    assert reponse.status_code == 302
    e.refresh_from_db()
    assert e.service == "Direction de l'accueil" and e.regle == regle
    assert e.nom != "Autre nom"
    client.post(url("donnees_inventaire_supprimer", e.pk))
    assert EntreeInventaire.objects.filter(pk=e.pk).exists()
    fiche = client.get(url("donnees_inventaire_entree", e.pk)).content.decode()
    assert regle.code in fiche and "Sauvegarde." in fiche and "Supprimer" not in fiche
