"""The typology and GLPI import pages: roles on every view (staff read, IT service and
administrators edit and import), bad input shown in French with status 400."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sun.comptes.roles import ESPACE, Role
from sun.projets.models import Demande, TypeDemande
from tests.projets.factories import DemandeFactory, TypeDemandeFactory

pytestmark = pytest.mark.django_db
FIXTURE = Path(__file__).parent / "fichiers" / "tickets-glpi-synthetique.csv"
EDITEURS = (Role.INFORMATIQUE, Role.ADMINISTRATEUR)
AUTRES = [r for r in ESPACE if r not in EDITEURS]


@pytest.fixture
def editeur(client, utilisateur_avec_role):
    client.force_login(utilisateur_avec_role(Role.INFORMATIQUE))
    return client


@pytest.mark.parametrize("role", ESPACE)
def test_la_typologie_se_lit_par_tout_le_personnel(client, utilisateur_avec_role, role):
    TypeDemandeFactory(libelle="Logiciel > Messagerie")
    client.force_login(utilisateur_avec_role(role))
    reponse = client.get(reverse("espace:projets_typologie"))
    assert reponse.status_code == 200
    assert "Messagerie" in reponse.content.decode()
    assert ("Ajouter un type" in reponse.content.decode()) == (role in EDITEURS)


def test_anonyme_vers_la_connexion(client):
    t = TypeDemandeFactory()
    for url in (reverse("espace:projets_typologie"), reverse("espace:projets_tickets_importer"),
                reverse("espace:projets_typologie_modifier", args=[t.pk]),
                reverse("espace:projets_statistiques")):  # fmt: skip
        reponse = client.get(url)
        assert reponse.status_code == 302 and "se-connecter" in reponse.url
    reponse = client.post(reverse("espace:projets_typologie_ajouter"), {"libelle": "X"})
    assert reponse.status_code == 302 and not TypeDemande.objects.filter(libelle="X").exists()


@pytest.mark.parametrize("role", AUTRES)
def test_les_autres_roles_ne_modifient_pas(client, utilisateur_avec_role, role):
    t = TypeDemandeFactory(libelle="Fax")
    autre = TypeDemandeFactory(libelle="Télécopie")
    client.force_login(utilisateur_avec_role(role))
    assert client.post(reverse("espace:projets_typologie_ajouter"),
                       {"libelle": "Nouveau"}).status_code == 403  # fmt: skip
    assert client.get(reverse("espace:projets_typologie_modifier", args=[t.pk])).status_code == 403
    assert client.post(reverse("espace:projets_typologie_activite", args=[t.pk]),
                       {"actif": "0"}).status_code == 403  # fmt: skip
    assert client.post(reverse("espace:projets_typologie_fusionner"),
                       {"absorbe": t.pk, "cible": autre.pk}).status_code == 403  # fmt: skip
    assert client.get(reverse("espace:projets_tickets_importer")).status_code == 403
    assert TypeDemande.objects.count() == 2 and TypeDemande.objects.get(pk=t.pk).actif


@pytest.mark.parametrize("role", EDITEURS)
def test_ajout_par_les_editeurs(client, utilisateur_avec_role, role):
    client.force_login(utilisateur_avec_role(role))
    reponse = client.post(reverse("espace:projets_typologie_ajouter"),
                          {"libelle": "Réseau > Wi-Fi", "nature": "incident"})  # fmt: skip
    assert reponse.status_code == 302
    assert TypeDemande.objects.get(libelle="Réseau > Wi-Fi").nature == "incident"


def test_ajout_en_double_refuse_et_saisie_gardee(editeur):
    TypeDemandeFactory(libelle="Réseau > Wi-Fi")
    reponse = editeur.post(reverse("espace:projets_typologie_ajouter"),
                           {"libelle": "réseau > wi-fi"})  # fmt: skip
    texte = reponse.content.decode()
    assert reponse.status_code == 400 and "existe déjà" in texte
    assert 'value="réseau &gt; wi-fi"' in texte
    assert TypeDemande.objects.count() == 1


def test_ajout_vide_refuse(editeur):
    reponse = editeur.post(reverse("espace:projets_typologie_ajouter"), {"libelle": ""})
    assert reponse.status_code == 400 and "Indiquez le libellé" in reponse.content.decode()


def test_renommer_desactiver_fusionner(editeur):
    a, b = TypeDemandeFactory(libelle="Courriel"), TypeDemandeFactory(libelle="Messagerie")
    DemandeFactory(type=a)
    url = reverse("espace:projets_typologie_modifier", args=[a.pk])
    assert editeur.get(url).status_code == 200
    reponse = editeur.post(url, {"libelle": "Messagerie"})
    assert reponse.status_code == 400 and "existe déjà" in reponse.content.decode()
    assert editeur.post(url, {"libelle": "Logiciel > Courriel"}).status_code == 302
    assert TypeDemande.objects.get(pk=a.pk).libelle == "Logiciel > Courriel"
    editeur.post(reverse("espace:projets_typologie_activite", args=[b.pk]), {"actif": "0"})
    assert not TypeDemande.objects.get(pk=b.pk).actif
    reponse = editeur.post(reverse("espace:projets_typologie_fusionner"),
                           {"absorbe": a.pk, "cible": a.pk})  # fmt: skip
    assert reponse.status_code == 400 and "deux types différents" in reponse.content.decode()
    reponse = editeur.post(reverse("espace:projets_typologie_fusionner"),
                           {"absorbe": a.pk, "cible": b.pk})  # fmt: skip
    assert reponse.status_code == 302
    assert Demande.objects.get().type_id == b.pk


def test_action_en_get_refusee(editeur):
    t = TypeDemandeFactory()
    assert editeur.get(reverse("espace:projets_typologie_activite", args=[t.pk])).status_code == 405


@pytest.mark.parametrize("role", EDITEURS)
def test_import_par_la_page(client, utilisateur_avec_role, role):
    client.force_login(utilisateur_avec_role(role))
    url = reverse("espace:projets_tickets_importer")
    page = client.get(url)
    assert page.status_code == 200 and "ne sont pas enregistrés" in page.content.decode()
    envoi = SimpleUploadedFile("tickets.csv", FIXTURE.read_bytes(), content_type="text/csv")
    reponse = client.post(url, {"fichier": envoi, "essai": "on"})
    texte = reponse.content.decode()
    assert reponse.status_code == 200 and "essai à blanc" in texte.lower()
    assert "ligne 24" in texte and "statut GLPI inconnu" in texte
    assert Demande.objects.count() == 0
    envoi = SimpleUploadedFile("tickets.csv", FIXTURE.read_bytes(), content_type="text/csv")
    assert client.post(url, {"fichier": envoi}).status_code == 200
    assert Demande.objects.filter(source="glpi").count() == 28


def test_import_d_un_fichier_qui_n_est_pas_un_export(editeur):
    envoi = SimpleUploadedFile("autre.csv", b"nom;prenom\nA;B\n", content_type="text/csv")
    reponse = editeur.post(reverse("espace:projets_tickets_importer"), {"fichier": envoi})
    assert reponse.status_code == 400 and "colonnes absentes" in reponse.content.decode()
