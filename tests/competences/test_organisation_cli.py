"""`sun competences directions` and `sun competences directions importer F.csv`; the demo."""

import pytest

from sun.cli import main
from sun.competences.models import Direction, Personne
from sun.competences.suivi.demo import creer_demo
from sun.core.indicators import Niveau, obtenir

pytestmark = pytest.mark.django_db


def test_import_refuse_une_mauvaise_ligne_puis_accepte(tmp_path, capsys):
    fichier = tmp_path / "d.csv"
    fichier.write_text("code;nom;sigle\nroutes;Routes;DR\nPas un code;X;\n", encoding="utf-8")
    assert main(["competences", "directions", "importer", str(fichier)]) == 3
    assert "Ligne 3" in capsys.readouterr().err
    assert not Direction.objects.exists()
    fichier.write_text("code;nom;sigle\nroutes;Routes;DR\n", encoding="utf-8")
    assert main(["competences", "directions", "importer", str(fichier)]) == 0
    assert main(["competences", "directions"]) == 0
    assert "routes" in capsys.readouterr().out


def test_demo_idempotente_et_jamais_comptee():
    creer_demo()
    lignes = creer_demo()
    assert any("DÉMONSTRATION" in ligne for ligne in lignes)
    assert Personne.objects.elus().count() == 6
    assert obtenir("competences.part_elus_formes").calculer(Niveau.DEPARTEMENT, "11").valeur is None
    assert Personne.objects.reels().count() == 0
