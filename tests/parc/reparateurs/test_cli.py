"""`sun parc reparateurs modele | importer [--essai] | demo` and `sun parc ecoindex` (its
French usage error for an unknown page, nothing recorded)."""

import pytest

from sun.cli import main
from sun.cli.sortie import DONNEES, OK, USAGE
from sun.parc.models import MesureEcoindex, Reparateur

pytestmark = pytest.mark.django_db


def test_modele_essai_puis_import(tmp_path, capsys):
    chemin = tmp_path / "modele.csv"
    assert main(["parc", "reparateurs", "modele", str(chemin)]) == OK
    assert "code_postal" in capsys.readouterr().out
    assert main(["parc", "reparateurs", "importer", str(chemin), "--essai"]) == OK
    assert not Reparateur.objects.exists()
    assert main(["parc", "reparateurs", "importer", str(chemin)]) == OK
    assert Reparateur.objects.count() == 1
    assert main(["parc", "reparateurs", "importer", str(chemin)]) == OK  # idempotent
    assert Reparateur.objects.count() == 1


def test_fichier_sans_les_colonnes(tmp_path, capsys):
    chemin = tmp_path / "autre.csv"
    chemin.write_text("name;city\nX;Y\n", encoding="utf-8")
    assert main(["parc", "reparateurs", "importer", str(chemin)]) == DONNEES
    assert "activites" in capsys.readouterr().err


def test_demo(capsys):
    assert main(["parc", "reparateurs", "demo"]) == OK
    assert "8 acteurs de démonstration créés" in capsys.readouterr().out


def test_ecoindex_page_inconnue(capsys):
    code = main(["parc", "ecoindex", "--url", "http://127.0.0.1:9", "--pages", "accueil,ailleurs"])
    assert code == USAGE
    assert "Page inconnue : ailleurs" in capsys.readouterr().err
    assert not MesureEcoindex.objects.exists()
