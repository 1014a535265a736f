"""Agent space › Importer un relevé d'appels: rights per role, a dry run then the import
through the worker, the shared report, an uploaded mapping, a refused file."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sun.comptes.roles import Role
from sun.qualite.models import Appel

pytestmark = pytest.mark.django_db
ASTERISK = Path(__file__).parent / "donnees" / "asterisk-Master.csv"
URL = "/espace/qualite/telephone/importer/"


def _envoi(**autres):
    return {"fichier": SimpleUploadedFile("Master.csv", ASTERISK.read_bytes(), "text/csv"),
            "disposition": "asterisk-cdr", "source": "", **autres}  # fmt: skip


def test_adresse():
    assert reverse("espace:qualite_telephone_importer") == URL


@pytest.mark.parametrize(("role", "attendu"), [
    (Role.AGENT, 200), (Role.INSTRUCTEUR, 200), (Role.ADMINISTRATEUR, 200),
    (Role.PILOTE, 403), (Role.MEDIATEUR, 403),
])  # fmt: skip
def test_droits(client, utilisateur_avec_role, role, attendu):
    client.force_login(utilisateur_avec_role(role))
    assert client.get(URL).status_code == attendu
    assert client.post(URL, _envoi(essai="on")).status_code in (attendu, 302)
    assert Appel.objects.exists() is False


def test_anonyme_renvoye_a_la_connexion(client):
    reponse = client.get(URL)
    assert reponse.status_code == 302 and "se-connecter" in reponse["Location"]


def test_essai_puis_import(client, utilisateur_avec_role):
    client.force_login(utilisateur_avec_role(Role.AGENT))
    page = client.get(URL).content.decode()
    assert "asterisk-cdr" in page and "webex-calling" in page and "csrfmiddlewaretoken" in page
    essai = client.post(URL, _envoi(essai="on"), follow=True).content.decode()
    assert "Résultat de l'essai à blanc" in essai and "Nouveaux : 5" in essai
    assert not Appel.objects.exists()
    fait = client.post(URL, _envoi(), follow=True).content.decode()
    assert "Import enregistré" in fait and "nouvelle file d&#x27;attente « mdph »" in fait
    assert Appel.objects.count() == 5


def test_correspondance_jointe(client, utilisateur_avec_role, tmp_path):
    client.force_login(utilisateur_avec_role(Role.INSTRUCTEUR))
    yaml = ("source: PABX\ncolonnes:\n  identifiant: Id\n  debut: Début\n  file: Ligne\n"
            "champs:\n  issue: {colonne: Statut, valeurs: {répondu: decroche, perdu: abandon_attente}}\n")  # fmt: skip
    csv = "Id;Début;Ligne;Statut\n1;05/02/2024 09:00;accueil;Répondu\n2;05/02/2024 09:05;accueil;perdu\n"
    envoi = {"fichier": SimpleUploadedFile("pabx.csv", csv.encode(), "text/csv"),
             "disposition": "jointe", "essai": "",
             "correspondance": SimpleUploadedFile("pabx.yaml", yaml.encode(), "application/yaml")}  # fmt: skip
    page = client.post(URL, envoi, follow=True).content.decode()
    assert "Import enregistré" in page
    assert sorted(Appel.objects.values_list("issue", flat=True)) == ["abandon_attente", "decroche"]


def test_correspondance_invalide_et_fichier_refuse(client, utilisateur_avec_role):
    client.force_login(utilisateur_avec_role(Role.AGENT))
    envoi = _envoi(disposition="jointe",
                   correspondance=SimpleUploadedFile("m.yaml", b"colonnes:\n  duree: x\n"))  # fmt: skip
    reponse = client.post(URL, envoi)
    assert (
        reponse.status_code == 422
        and "champ « duree » inconnu des appels" in reponse.content.decode()
    )
    pdf = {"fichier": SimpleUploadedFile("a.csv", b"%PDF-1.4 binaire"), "disposition": ""}
    reponse = client.post(URL, pdf)
    assert reponse.status_code == 422 and "document PDF" in reponse.content.decode()
    autre = {
        "fichier": SimpleUploadedFile("a.csv", b"Date;Service\n05/02/2024;MDPH\n"),
        "disposition": "",
    }
    page = client.post(URL, autre, follow=True).content.decode()
    assert "Colonnes non reconnues" in page and "Rien n&#x27;a été enregistré" in page
    assert not Appel.objects.exists()
