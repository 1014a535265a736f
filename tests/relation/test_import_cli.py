"""`sun relation demandes importer|modele`: French report, exit codes (3: invalid data)."""

from pathlib import Path

import pytest

from sun.cli import main
from sun.relation.models import Demande
from tests.relation.factories import DemarcheFactory

pytestmark = pytest.mark.django_db
DONNEES = Path(__file__).parent / "donnees"


@pytest.fixture
def apa():
    return DemarcheFactory(slug="apa", titre="APA à domicile")


def test_modele_puis_import_csv(apa, tmp_path, capsys):
    modele = tmp_path / "modele.csv"
    assert main(["relation", "demandes", "modele", str(modele)]) == 0
    texte = modele.read_text(encoding="utf-8-sig").replace("apa-domicile", "apa")
    modele.write_text(texte, encoding="utf-8")
    assert (
        main(["relation", "demandes", "importer", "--source", "csv", str(modele), "--essai"]) == 0
    )
    sortie = capsys.readouterr().out
    assert "ESSAI À BLANC" in sortie and "Nouveaux : 1 ;" in sortie
    assert not Demande.objects.exists()
    assert main(["relation", "demandes", "importer", "--source", "csv", str(modele)]) == 0
    assert "Import enregistré" in capsys.readouterr().out
    assert Demande.objects.get().numero_externe == "2024-0001"


def test_refus_et_lignes_refusees_affichees(apa, capsys):
    fichier = str(DONNEES / "modele-demandes.csv")
    assert main(["relation", "demandes", "importer", "--source", "csv", fichier]) == 0
    sortie = capsys.readouterr().out
    assert "refusées : 5" in sortie and "démarche inconnue du catalogue" in sortie
    code = main(["relation", "demandes", "importer", "--source", "ds",
                 str(DONNEES / "ds-export-incomplet.csv"), "--demarche", "apa"])  # fmt: skip
    assert code == 3
    assert "Colonnes absentes du fichier : État du dossier" in capsys.readouterr().err
    assert main(["relation", "demandes", "importer", "--source", "ds", "--numero-ds", "1",
                 "--demarche", "inconnue"]) == 3  # fmt: skip
    assert "Démarche « inconnue » inconnue du catalogue" in capsys.readouterr().err
    assert (
        main(["relation", "demandes", "importer", "--source", "publik", "--demarche", "apa"]) == 3
    )
    assert "--formulaire" in capsys.readouterr().err


def test_ds_sans_jeton(apa, settings, capsys):
    settings.SUN_DS_JETON = ""
    code = main(["relation", "demandes", "importer", "--source", "ds", "--demarche", "apa",
                 "--numero-ds", "4242", "--depuis", "2024-01-01"])  # fmt: skip
    assert code == 3 and "SUN_DS_JETON" in capsys.readouterr().err
    assert main(["relation", "demandes", "importer", "--source", "ds", "--demarche", "apa",
                 "--numero-ds", "4242", "--depuis", "hier"]) == 3  # fmt: skip
