"""Error messages of the web forms speak of the form's fields, never of command-line
options (« --source », « --correspondance »): the command line words its own."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from sun.comptes.roles import Role
from sun.core.imports import ImportImpossible
from sun.inclusion.lieux.importation.importeur import ImportDeLieux
from sun.web.forms.lieux import ImportForm
from tests.outils import texte

pytestmark = pytest.mark.django_db
OPTION = re.compile(r"(?<![\w-])--[a-z]")


def _formulaire(contenu: bytes, nom="x.csv", **donnees) -> ImportForm:
    return ImportForm(donnees, {"fichier": SimpleUploadedFile(nom, contenu)})


def test_colonnes_inconnues_le_formulaire_parle_de_son_champ():
    form = _formulaire(b"a;b\n1;2\n", source="X")
    assert not form.is_valid()
    message = " ".join(form.errors["fichier"])
    assert "Colonnes non reconnues" in message and "« Fichier de correspondance »" in message
    assert "Colonnes lues : a, b." in message and not OPTION.search(message)


def test_la_ligne_de_commande_garde_sa_formulation():
    # The same refusal, at the command line, names its option: two wordings, two places.
    with pytest.raises(ImportImpossible, match="--source"):
        ImportDeLieux("")


def test_colonnes_inconnues_en_json_lues_sur_le_premier_enregistrement():
    form = _formulaire(b'[{"intitule": "X", "ville": "Bram"}]', nom="x.json", source="X")
    assert not form.is_valid()
    assert "Colonnes lues : intitule, ville." in " ".join(form.errors["fichier"])


def test_fichier_du_standard_accepte_sans_correspondance():
    form = _formulaire(b"nom,commune,itinerance\nA,Bram,Fixe\n", source="X")
    assert form.is_valid(), form.errors


def test_source_manquante_sans_option(client, utilisateur_avec_role):
    client.force_login(utilisateur_avec_role(Role.AGENT))
    page = texte(client.post("/espace/lieux/importer/", {
        "fichier": SimpleUploadedFile("x.csv", b"a;b\n1;2\n")}))  # fmt: skip
    assert "Indiquez le nom de la source." in page
    assert not OPTION.search(re.sub(r"<style.*?</style>", "", page, flags=re.S))
