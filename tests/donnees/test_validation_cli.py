"""`sun donnees valider` (exit 0 if conforming, 3 if not, 2 on a wrong schema) and
`sun donnees schemas`."""

import json
from pathlib import Path

import pytest

from sun.cli import main
from sun.cli.sortie import DONNEES, OK, USAGE

ICI = Path(__file__).parent / "fichiers_validation"


@pytest.fixture(autouse=True)
def var(settings, tmp_path):
    settings.VAR_DIR = tmp_path / "var"
    settings.SUN_DONNEES_SCHEMAS = ""


def test_conforme(capsys):
    code = main(["donnees", "valider", str(ICI / "subventions_aude_valide.csv"),
                 "--schema", "scdl/subventions@2.1.1"])  # fmt: skip
    sortie = capsys.readouterr().out
    assert code == OK and "Résultat : CONFORME" in sortie and "Lignes : 3" in sortie
    assert "point-virgule" in sortie and "--" not in sortie


def test_non_conforme(capsys):
    code = main(["donnees", "valider", str(ICI / "deliberations_aude_erreurs.csv"),
                 "--schema", "scdl/deliberations@2.1.5"])  # fmt: skip
    sortie = capsys.readouterr().out
    assert code == DONNEES and "NON CONFORME" in sortie
    assert "Total différent de la somme des colonnes : 1" in sortie


def test_illisible(tmp_path, capsys):
    chemin = tmp_path / "x.csv"
    chemin.write_bytes("a,b\n".encode("utf-16-le"))
    assert (
        main(["donnees", "valider", str(chemin), "--schema", "scdl/subventions@2.1.1"]) == DONNEES
    )
    assert "ILLISIBLE" in capsys.readouterr().out


def test_schema_fichier(tmp_path, capsys):
    schema = tmp_path / "s.json"
    schema.write_text(json.dumps({"fields": [{"name": "ID"}, {"name": "nomArch"}]}))
    fichier = tmp_path / "f.csv"
    fichier.write_text("ID,nomArch\n1,Archives\n", encoding="utf-8")
    assert main(["donnees", "valider", str(fichier), "--schema-fichier", str(schema)]) == OK
    schema.write_text('{"$schema": "http://json-schema.org/draft-07/schema#", "properties": {}}')
    assert main(["donnees", "valider", str(fichier), "--schema-fichier", str(schema)]) == USAGE
    assert "JSON Schema" in capsys.readouterr().err


def test_erreurs_d_usage(capsys):
    fichier = str(ICI / "subventions_aude_valide.csv")
    assert main(["donnees", "valider", fichier, "--schema", "inconnu@1"]) == USAGE
    assert "Schéma inconnu" in capsys.readouterr().err
    assert main(["donnees", "valider", fichier, "--schema", "sans-version"]) == USAGE
    assert main(["donnees", "valider", "/nulle/part.csv", "--schema", "a@1"]) == USAGE


def test_schemas(capsys):
    assert main(["donnees", "schemas"]) == OK
    sortie = capsys.readouterr().out
    assert "scdl/subventions@2.1.1 — Subventions (livré avec SUN)" in sortie
