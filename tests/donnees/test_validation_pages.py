"""The agent pages « Vérifier un fichier » and « Schémas de données » per role; the upload is
checked and not kept; adding a schema from a file; French refusals."""

import json
import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sun.comptes.roles import Role
from sun.donnees.validation import schemas

pytestmark = pytest.mark.django_db
ICI = Path(__file__).parent / "fichiers_validation"
PAGES = ["espace:donnees_valider", "espace:donnees_schemas"]


@pytest.fixture(autouse=True)
def var(settings, tmp_path):
    settings.VAR_DIR = tmp_path / "var"
    settings.SUN_DONNEES_SCHEMAS = ""


@pytest.mark.parametrize("roles, attendu", [
    (None, 302), ((), 403), ((Role.MEDIATEUR,), 403), ((Role.COMMUNE,), 403),
    ((Role.ARCHIVISTE,), 403), ((Role.AGENT,), 200), ((Role.PILOTE,), 200),
    ((Role.INSTRUCTEUR,), 200), ((Role.INFORMATIQUE,), 200), ((Role.ADMINISTRATEUR,), 200),
])  # fmt: skip
def test_qui_entre(client, utilisateur_avec_role, roles, attendu):
    if roles is not None:
        client.force_login(utilisateur_avec_role(*roles))
    for nom in PAGES:
        assert client.get(reverse(nom)).status_code == attendu, nom
        envoi = client.post(reverse(nom), {})
        assert envoi.status_code == (attendu if attendu != 200 else 400), nom


def _agent(client, utilisateur_avec_role):
    client.force_login(utilisateur_avec_role(Role.AGENT))
    return client


def test_verifier_un_fichier(client, utilisateur_avec_role, tmp_path, settings):
    c = _agent(client, utilisateur_avec_role)
    contenu = (ICI / "subventions_aude_erreurs.csv").read_bytes()
    reponse = c.post(reverse("espace:donnees_valider"), {
        "schema": "scdl/subventions@2.1.1",
        "fichier": SimpleUploadedFile("subventions.csv", contenu, "text/csv")})  # fmt: skip
    html = reponse.content.decode()
    assert reponse.status_code == 200 and "Fichier non conforme" in html
    assert "Numéro SIRET invalide (1)" in html and "<caption>" in html
    assert not list(Path(settings.VAR_DIR).rglob("subventions.csv"))  # not kept
    rapport = html.split('class="rapport-validation"', 1)[1]
    assert not re.search(r"\s--[a-z]", rapport)  # no command line shown


def test_verifier_un_fichier_illisible(client, utilisateur_avec_role):
    c = _agent(client, utilisateur_avec_role)
    reponse = c.post(reverse("espace:donnees_valider"), {
        "schema": "scdl/subventions@2.1.1",
        "fichier": SimpleUploadedFile("s.csv", "a,b\n".encode("utf-16-le"))})  # fmt: skip
    assert "Fichier illisible" in reponse.content.decode()


def test_ajouter_un_schema(client, utilisateur_avec_role):
    c = _agent(client, utilisateur_avec_role)
    schema = {"title": "Budget (essai)", "version": "0.8.3", "fields": [{"name": "EXER"}]}
    reponse = c.post(reverse("espace:donnees_schemas"), {
        "fichier": SimpleUploadedFile("schema.json", json.dumps(schema).encode()),
        "schema_id": "scdl/budget"})  # fmt: skip
    assert reponse.status_code == 302
    assert "scdl/budget@0.8.3" in [s.reference for s in schemas.connus()]
    page = c.get(reverse("espace:donnees_schemas")).content.decode()
    assert "Budget (essai)" in page and "ajouté par un agent" in page.lower()
    assert "scdl/budget@0.8.3" in c.get(reverse("espace:donnees_valider")).content.decode()


def test_ajouter_un_json_schema_est_refuse(client, utilisateur_avec_role):
    c = _agent(client, utilisateur_avec_role)
    reponse = c.post(reverse("espace:donnees_schemas"), {
        "fichier": SimpleUploadedFile("decp.json", b'{"$schema": "http://json-schema.org/x",'
                                      b' "properties": {}}'), "schema_id": "x/decp",
        "version": "2.0.2"})  # fmt: skip
    html = reponse.content.decode()
    assert (
        reponse.status_code == 400
        and "JSON Schema" in html
        and "Rien n&#x27;a été enregistré" in html
    )
    assert not schemas.dossier().exists() or not any(schemas.dossier().glob("*.json"))
