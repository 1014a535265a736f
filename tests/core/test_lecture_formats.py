"""The pipeline's reader: XLSX and JSON lines beside CSV and JSON, and the header check."""

import json

import pytest
from openpyxl import Workbook

from sun.core.imports import ColonnesManquantes, FichierIllisible, Importeur, executer, ouvrir

pytestmark = pytest.mark.django_db


def test_xlsx_premiere_feuille_en_flux(tmp_path):
    classeur = Workbook()
    feuille = classeur.active
    feuille.title = "Lieux"
    feuille.append(["nom", "code_insee", "date_maj"])
    feuille.append(["Médiathèque", 11203, None])
    feuille.append([None, None, None])  # empty rows are skipped
    feuille.append(["EPN", "01001", "2024-05-02"])
    classeur.save(tmp_path / "l.xlsx")
    lecture = ouvrir(tmp_path / "l.xlsx")
    assert lecture.format == "XLSX (feuille « Lieux »)"
    assert lecture.colonnes == ["nom", "code_insee", "date_maj"]
    assert list(lecture.lignes) == [
        (2, {"nom": "Médiathèque", "code_insee": "11203", "date_maj": ""}),
        (4, {"nom": "EPN", "code_insee": "01001", "date_maj": "2024-05-02"}),
    ]


def test_xlsx_abime(tmp_path):
    (tmp_path / "x.xlsx").write_bytes(b"PK\x03\x04pas un classeur")
    with pytest.raises(FichierIllisible, match="XLSX illisible"):
        ouvrir(tmp_path / "x.xlsx")


def test_json_lines(tmp_path):
    chemin = tmp_path / "l.jsonl"
    chemin.write_text(
        "\n".join(json.dumps({"nom": n}) for n in ["A", "B"]) + "\n", encoding="utf-8"
    )
    lecture = ouvrir(chemin)
    assert lecture.format == "JSON lines" and lecture.colonnes is None
    assert [ligne["nom"] for _, ligne in lecture.lignes] == ["A", "B"]


def test_csv_cp1252_point_virgule(tmp_path):
    chemin = tmp_path / "l.csv"
    chemin.write_bytes("nom;commune\nMédiathèque;Lézignan\n".encode("cp1252"))
    lecture = ouvrir(chemin)
    assert lecture.format == "CSV (point-virgule, cp1252)" and lecture.colonnes == [
        "nom",
        "commune",
    ]
    assert list(lecture.lignes) == [(2, {"nom": "Médiathèque", "commune": "Lézignan"})]


class Compte(Importeur):
    genre, libelle = "essai", "Essai"
    colonnes_obligatoires = ("nom", "code")

    def ecrire(self, valeurs, rapport):
        rapport.nouveaux = len(valeurs)


def test_colonnes_manquantes_refusent_le_fichier_avant_lecture(tmp_path):
    chemin = tmp_path / "l.csv"
    chemin.write_text("nom,autre\nA,1\n", encoding="utf-8")
    with pytest.raises(ColonnesManquantes, match="Colonnes absentes du fichier : code"):
        executer(Compte(), chemin)
    chemin.write_text("nom,code\nA,1\n[1],2\n", encoding="utf-8")
    rapport = executer(Compte(), chemin, essai=True)
    assert (rapport.lues, rapport.nouveaux, rapport.refusees) == (2, 2, 0)


def test_json_qui_n_est_pas_un_objet_par_ligne(tmp_path):
    chemin = tmp_path / "l.json"
    chemin.write_text(json.dumps([{"nom": "A", "code": 1}, 3, "texte"]), encoding="utf-8")
    rapport = executer(Compte(), chemin)
    assert (rapport.lues, rapport.nouveaux, rapport.refusees) == (3, 1, 2)
    assert {r.raison for r in rapport.lignes_rejetees} == {"objet attendu"}


def test_lieux_et_indice_de_fragilite_depuis_un_classeur(tmp_path):
    from sun.inclusion.analyses.ifn import COLONNES
    from sun.inclusion.analyses.ifn import importer as importer_ifn
    from sun.inclusion.lieux.services import importer_lieux
    from sun.inclusion.lieux.standard import CHAMPS_V1
    from sun.inclusion.models import IndiceFragilite, Lieu
    from tests.inclusion.outils import lieu_v1

    classeur = Workbook()
    classeur.active.append(CHAMPS_V1)
    classeur.active.append([lieu_v1(id="x1").get(c, "") for c in CHAMPS_V1])
    classeur.save(tmp_path / "lieux.xlsx")
    rapport = importer_lieux(tmp_path / "lieux.xlsx", "Classeur")
    assert rapport.nouveaux == 1 and "XLSX" in rapport.format
    assert Lieu.objects.get(sources__identifiant="x1").code_insee == "11203"

    classeur = Workbook()
    classeur.active.append(COLONNES)
    classeur.active.append(["Limoux", "city", 11206, 2, 3, 8, 7, 6, 5.2])  # numbers as cells
    classeur.save(tmp_path / "ifn.xlsx")
    assert importer_ifn(tmp_path / "ifn.xlsx").nouveaux == 1
    assert IndiceFragilite.objects.get(code="11206").total == 5.2


def _zip() -> bytes:
    import io
    import zipfile

    tampon = io.BytesIO()
    with zipfile.ZipFile(tampon, "w") as archive:
        archive.writestr("lieux.csv", "nom,commune\n")
    return tampon.getvalue()


@pytest.mark.parametrize(
    ("contenu", "genre"),
    [(b"\x1f\x8b\x08\x00" + bytes(200), "gzip"), (_zip(), "ZIP"),
     (b"%PDF-1.7\n" + bytes(50), "PDF"), (b"nom,commune\n\x00\x01\x02\x03", "binaire")],
)  # fmt: skip
def test_fichier_binaire_renomme_en_csv(tmp_path, contenu, genre, capsys):
    """A compressed or binary file renamed .csv: a French message and exit 3, no traceback."""
    from sun.cli import main

    fichier = tmp_path / "lieux.csv"
    fichier.write_bytes(contenu)
    with pytest.raises(FichierIllisible, match=genre):
        ouvrir(fichier)
    assert main(["lieux", "importer", str(fichier), "--source", "Hub"]) == 3
    assert "n'est pas un fichier de données lisible" in capsys.readouterr().err
