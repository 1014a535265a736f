"""Real-looking files against the shipped national schemas: the official valid example of the
archives register, subsidies and deliberations of the Aude, the apostrophe trap of
scdl/equipements, encodings and separators, header mismatches, the error limit, the report's
template."""

import codecs
import shutil
import zipfile
from pathlib import Path

import pytest
from django.template.loader import render_to_string

from sun.donnees.validation import valider
from sun.donnees.validation.rapport import RapportValidation

ICI = Path(__file__).parent / "fichiers_validation"
SUBVENTIONS = ("scdl/subventions", "2.1.1")
DELIBERATIONS = ("scdl/deliberations", "2.1.5")


def _types(rapport):
    return {g.type: g.nombre for g in rapport.groupes}


def test_exemple_officiel_du_registre_des_archives():
    # The first validator failed it: frictionless refuses an absolute path as « not safe »;
    # SUN gives frictionless the file's folder as basepath. No final newline: fine.
    chemin = ICI / "archivistes75-registre-entrees_exemple-valide.csv"
    assert not chemin.read_bytes().endswith(b"\n")
    rapport = valider(chemin, ("Archivistes75/registre_entrees", "0.4.1"))
    assert rapport.statut == "valide", rapport.en_dict()
    assert rapport.lignes == 1 and len(rapport.colonnes) == 20
    assert rapport.encodage == "UTF-8" and rapport.separateur == "virgule"


def test_subventions_valides_point_virgule_et_bom():
    rapport = valider(ICI / "subventions_aude_valide.csv", SUBVENTIONS)
    assert rapport.statut == "valide", rapport.en_dict()
    assert (rapport.lignes, rapport.encodage, rapport.separateur) == (
        3,
        "UTF-8 avec BOM",
        "point-virgule",
    )
    assert rapport.schema_url == "https://schema.data.gouv.fr/scdl/subventions/2.1.1/"


def test_subventions_en_windows_1252(tmp_path):
    chemin = tmp_path / "subventions.csv"
    texte = (ICI / "subventions_aude_valide.csv").read_text(encoding="utf-8-sig")
    chemin.write_bytes(texte.encode("cp1252"))
    rapport = valider(chemin, SUBVENTIONS)
    assert rapport.statut == "valide" and rapport.encodage == "Windows-1252"


def test_subventions_erreurs_groupees():
    rapport = valider(ICI / "subventions_aude_erreurs.csv", SUBVENTIONS)
    assert rapport.statut == "invalide"
    types = _types(rapport)
    assert types["french-siret-value"] == 1 and types["one-of-required"] == 1
    assert types["type-error"] >= 3  # date, amount, boolean
    assert types["constraint-error/enum"] == 1 and types["constraint-error/maximum"] == 1
    assert types["constraint-error/pattern"] == 2  # rnaBeneficiaire, datesPeriodeVersement
    groupe = next(g for g in rapport.groupes if g.type == "type-error")
    assert groupe.libelle == "Valeur au mauvais format"
    assert {"ligne", "colonne", "valeur", "message"} <= set(groupe.exemples[0])
    assert any("date au format AAAA-MM-JJ" in e["message"] for e in groupe.exemples)


def test_deliberations():
    assert valider(ICI / "deliberations_aude_valide.csv", DELIBERATIONS).statut == "valide"
    rapport = valider(ICI / "deliberations_aude_erreurs.csv", DELIBERATIONS)
    types = _types(rapport)
    assert types["sum-columns-value"] == 1  # 30 + 4 + 1 ≠ 36 (an empty term: not checked)
    assert types["compare-columns-value"] >= 2  # PREF_DATE < DELIB_DATE ; VOTE_REEL > EFFECTIF
    assert types["year-interval-value"] == 1 and types["cohesive-columns-value"] >= 2
    assert types["nomenclature-actes-value"] == 3


def test_piege_de_l_apostrophe_des_equipements():
    rapport = valider(ICI / "equipements_aude_apostrophe.csv", ("scdl/equipements", "0.1.5"))
    assert _types(rapport) == {"limite-schema": 1}
    groupe = rapport.groupes[0]
    assert groupe.exemples[0]["valeur"] == "Fontiès-d'Aude"
    assert "Limite du schéma" in groupe.note and "administrateur" in groupe.note


def test_entete_non_conforme(tmp_path):
    lignes = (ICI / "subventions_aude_valide.csv").read_text(encoding="utf-8-sig").splitlines()
    colonnes = lignes[0].split(";")
    colonnes[0], colonnes[1] = colonnes[1], colonnes[0]
    colonnes[7] = "objett"
    chemin = tmp_path / "entete.csv"
    chemin.write_text(";".join(colonnes) + "\n" + "\n".join(lignes[1:]) + "\n", encoding="utf-8")
    rapport = valider(chemin, SUBVENTIONS)
    assert rapport.statut == "invalide"
    assert rapport.groupes[0].type == "entete"
    assert "colonnes obligatoires absentes : objet" in rapport.message
    assert "colonnes inconnues du schéma : objett" in rapport.message
    assert "colonnes dans le désordre : idAttribuant, nomAttribuant" in rapport.message


def test_aucune_colonne_reconnue(tmp_path):
    chemin = tmp_path / "autre.csv"
    chemin.write_text("a;b\n1;2\n", encoding="utf-8")
    rapport = valider(chemin, SUBVENTIONS)
    assert rapport.statut == "invalide" and rapport.lignes is None
    assert rapport.message.startswith("Aucune colonne du fichier")


@pytest.mark.parametrize("contenu, attendu", [
    ("nomAttribuant,idAttribuant\nA,1\n".encode("utf-16-le"), "UTF-16 sans BOM"),
    (bytes(range(1, 32)) * 200, "n'est pas du texte"),
    (b"", "vide"),
    (b'{"a": 1}', "JSON"),
    (b"une seule colonne\nsans separateur\n", "aucun séparateur"),
])  # fmt: skip
def test_fichiers_illisibles(tmp_path, contenu, attendu):
    chemin = tmp_path / "f.csv"
    chemin.write_bytes(contenu)
    rapport = valider(chemin, SUBVENTIONS)
    assert rapport.statut == "illisible" and attendu in rapport.message
    assert rapport.groupes == [] and rapport.lignes is None


def test_zip_renomme_en_csv(tmp_path):
    chemin = tmp_path / "subventions.csv"
    with zipfile.ZipFile(chemin, "w") as archive:
        archive.write(ICI / "subventions_aude_valide.csv", "s.csv")
    rapport = valider(chemin, SUBVENTIONS)
    assert rapport.statut == "illisible" and "archive ZIP" in rapport.message


def test_utf16_avec_bom_est_lu(tmp_path):
    chemin = tmp_path / "s.csv"
    texte = (ICI / "subventions_aude_valide.csv").read_text(encoding="utf-8-sig")
    chemin.write_bytes(codecs.BOM_UTF16_LE + texte.encode("utf-16-le"))
    assert valider(chemin, SUBVENTIONS).statut == "valide"


def test_limite_d_erreurs(tmp_path):
    chemin = tmp_path / "beaucoup.csv"
    shutil.copy(ICI / "subventions_aude_erreurs.csv", chemin)
    with chemin.open("a", encoding="utf-8") as fichier:
        for _ in range(50):
            fichier.write((ICI / "subventions_aude_erreurs.csv").read_text().splitlines()[3] + "\n")
    from sun.donnees.validation.validateur import valider as v

    rapport = v(chemin, SUBVENTIONS, limite=20)
    assert rapport.tronque and rapport.nombre_erreurs == 20
    html = render_to_string("web/donnees/_rapport_validation.html", {"rapport": rapport})
    assert "Contrôle arrêté après 20 erreurs" in html


def test_gabarit_du_rapport():
    rapport = valider(ICI / "subventions_aude_erreurs.csv", SUBVENTIONS)
    rapport = RapportValidation.depuis_dict(rapport.en_dict())  # as stored with a version
    html = render_to_string("web/donnees/_rapport_validation.html", {"rapport": rapport})
    assert "Fichier non conforme" in html and "Numéro SIRET invalide (1)" in html
    assert "<caption>" in html and "https://schema.data.gouv.fr/scdl/subventions/2.1.1/" in html
    assert html.count("<table") == len(rapport.groupes)
    equip = valider(ICI / "equipements_aude_apostrophe.csv", ("scdl/equipements", "0.1.5"))
    assert "Limite du schéma" in render_to_string(
        "web/donnees/_rapport_validation.html", {"rapport": equip}
    )
