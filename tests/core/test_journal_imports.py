"""The record of every import: one line per import of any kind, dry runs and refused files
included; the full report by download; agents and administrators only."""

import pytest

from sun.comptes.roles import Role
from sun.core.imports import ImportImpossible
from sun.core.models import JournalImport
from sun.inclusion.analyses.ifn import importer as importer_ifn
from sun.inclusion.lieux.services import importer_lieux
from tests.inclusion.outils import ecrire_csv, lieu_v1
from tests.outils import texte

pytestmark = pytest.mark.django_db

ENTETE = "name;division;code;no_thd_coverage_rate;no_4g_coverage_rate;poverty_rate;older_65_rate;nscol15p_rate;total\n"


def _imports(tmp_path):
    ifn = tmp_path / "ifn.csv"  # separated by « ; » like the places files: read the same way
    ifn.write_text(ENTETE + "Limoux;city;11206;2;3;8;7;6;5,2\nFaux;city;ZZ;1;1;1;1;1;1\n")
    importer_ifn(ifn, essai=True)
    importer_ifn(ifn)
    importer_lieux(ecrire_csv(tmp_path / "l.csv", [lieu_v1()]), "Hub")
    casse = tmp_path / "casse.csv"
    casse.write_text("nom,code\nA,1\n")
    with pytest.raises(ImportImpossible):
        importer_ifn(casse)


def test_chaque_import_est_journalise(tmp_path):
    _imports(tmp_path)
    journal = list(
        JournalImport.objects.exclude(genre="territoire")
        .order_by("pk")
        .values_list("genre", "statut")
    )
    assert journal == [
        ("ifn", "essai"),
        ("ifn", "enregistre"),
        ("lieux", "enregistre"),
        ("ifn", "refuse"),
    ]
    enregistre = JournalImport.objects.get(genre="ifn", statut="enregistre")
    assert enregistre.compteurs["lues"] == 2 and enregistre.compteurs["nouveaux"] == 1
    assert enregistre.compteurs["refusees"] == 1 and enregistre.rapport
    refuse = JournalImport.objects.get(statut="refuse")
    assert "Colonnes absentes" in refuse.message and refuse.compteurs == {}


@pytest.mark.parametrize("role, attendu", [
    (Role.AGENT, 200), (Role.ADMINISTRATEUR, 200), (Role.MEDIATEUR, 403), (Role.PILOTE, 403),
])  # fmt: skip
def test_page_du_journal_par_role(client, utilisateur_avec_role, tmp_path, role, attendu):
    _imports(tmp_path)
    client.force_login(utilisateur_avec_role(role))
    reponse = client.get("/espace/imports/")
    assert reponse.status_code == attendu
    entree = JournalImport.objects.get(genre="ifn", statut="enregistre")
    assert client.get(f"/espace/imports/{entree.pk}/rapport.csv").status_code == attendu
    if attendu == 200:
        page = texte(reponse)
        assert "Indice de fragilité numérique" in page and "Lieux de médiation numérique" in page
        assert "Fichier refusé" in page and "Essai à blanc" in page
        filtre = texte(client.get("/espace/imports/?genre=lieux"))
        assert "Lieux de médiation numérique" in filtre and "ifn.csv" not in filtre
        csv = client.get(f"/espace/imports/{entree.pk}/rapport.csv").content
        assert csv.decode("utf-8-sig").startswith("ligne,champ,valeur,raison,gravite")
        assert csv.startswith(b"\xef\xbb\xbf") and b"ZZ" in csv  # a spreadsheet reads accents


def test_anonyme_renvoye_vers_la_connexion(client):
    assert client.get("/espace/imports/").status_code == 302


def test_rapport_hors_du_dossier_des_imports_refuse(client, utilisateur_avec_role):
    entree = JournalImport.objects.create(
        genre="x", libelle="x", statut="enregistre", rapport="/etc/passwd"
    )
    client.force_login(utilisateur_avec_role(Role.ADMINISTRATEUR))
    assert client.get(f"/espace/imports/{entree.pk}/rapport.csv").status_code == 404
