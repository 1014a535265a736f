"""`sun relation demarches importer`, `sun relation echeances`, `sun relation purger`."""

from pathlib import Path

import pytest

from sun.cli import main
from sun.cli.sortie import DONNEES, OK

pytestmark = pytest.mark.django_db
AUDE = Path(__file__).resolve().parents[2] / "catalogues" / "aude.yaml"


def test_importer_le_catalogue(capsys, tmp_path):
    assert main(["relation", "demarches", "importer", str(AUDE)]) == OK
    assert "Catalogue chargé : 20 élément(s) créé(s)" in capsys.readouterr().out
    mauvais = tmp_path / "mauvais.yaml"
    mauvais.write_text("demarches:\n  - code: X\n", encoding="utf-8")
    assert main(["relation", "demarches", "importer", str(mauvais)]) == DONNEES
    erreur = capsys.readouterr().err
    assert "Catalogue refusé, rien n'a été enregistré" in erreur
    assert "demarches.0.code : format invalide" in erreur and "demarches.0.titre" in erreur


def test_echeances_et_purge(capsys):
    assert main(["relation", "echeances", "--essai"]) == OK
    assert "ESSAI, rien n'a été envoyé : 0 demande(s)" in capsys.readouterr().out
    assert main(["relation", "purger", "--essai"]) == OK
    assert "0 contact(s)" in capsys.readouterr().out
