"""The `sun` command: French help, reliable exit codes, clear messages on bad input."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sun import cli

SUN = str(Path(sys.executable).parent / "sun")


def test_aide_en_francais(capsys):
    with pytest.raises(SystemExit) as sortie:
        cli.main(["--help"])
    assert sortie.value.code == 0
    aide = capsys.readouterr().out
    assert aide.startswith("utilisation : sun")
    assert "affiche cette aide et quitte" in aide
    assert "territoire" in aide and "serve" in aide
    assert "4 base de données injoignable" in aide


def test_mauvaise_utilisation_code_2_en_francais(capsys):
    with pytest.raises(SystemExit) as sortie:
        cli.main(["territoire"])
    assert sortie.value.code == cli.USAGE
    assert "arguments obligatoires manquants" in capsys.readouterr().err


@pytest.mark.django_db
def test_code_departement_inconnu_code_3(capsys):
    assert cli.main(["territoire", "charger", "99"]) == cli.DONNEES
    erreur = capsys.readouterr().err
    assert "Code de département inconnu : « 99 »" in erreur
    assert "2A, 2B" in erreur


@pytest.mark.django_db
def test_charger_sans_code(capsys):
    assert cli.main(["territoire", "charger"]) == cli.USAGE


@pytest.mark.django_db
def test_recharger_et_statistiques(capsys):
    assert cli.main(["territoire", "charger", "11"]) == cli.OK
    assert "Aucune modification." in capsys.readouterr().out
    assert cli.main(["territoire", "stats"]) == cli.OK
    sortie = capsys.readouterr().out
    assert "Aude" in sortie and "433" in sortie and "370 260" in sortie
    assert cli.main(["territoire", "stats", "90"]) == cli.DONNEES


def test_liste_des_codes(capsys):
    assert cli.main(["territoire", "codes"]) == cli.OK
    sortie = capsys.readouterr().out
    assert "2A\tCorse-du-Sud" in sortie
    assert "976\tMayotte" in sortie


@pytest.mark.django_db
def test_creer_un_compte(capsys):
    assert cli.main(["comptes", "creer", "marie", "--role", "pilote", "--role", "agent"]) == cli.OK
    assert "Mot de passe" in capsys.readouterr().out
    assert cli.main(["comptes", "creer", "marie", "--role", "agent"]) == cli.DONNEES
    assert "existe déjà" in capsys.readouterr().err


def test_base_injoignable_code_4(tmp_path):
    env = {
        **os.environ,
        "DATABASE_URL": "postgres://postgres@127.0.0.1:9/injoignable",
        "SUN_VAR_DIR": str(tmp_path),
    }
    resultat = subprocess.run(
        [SUN, "territoire", "stats"], env=env, capture_output=True, text=True, timeout=60
    )
    assert resultat.returncode == cli.BASE
    assert "Base de données injoignable" in resultat.stderr
    assert "DATABASE_URL" in resultat.stderr


@pytest.mark.django_db
def test_importer_un_plan(capsys, tmp_path):
    from sun.pilotage.models import Plan

    assert (
        cli.main(["pilotage", "importer", str(Path(__file__).parents[1] / "plans" / "aude.yaml")])
        == 0
    )
    assert "62 élément(s) créé(s)" in capsys.readouterr().out
    casse = tmp_path / "plan.yaml"
    casse.write_text("plan:\n  code: x\naxes: []\n", encoding="utf-8")
    assert cli.main(["pilotage", "importer", str(casse)]) == 3
    erreurs = capsys.readouterr().err
    assert (
        "Plan refusé, rien n'a été enregistré" in erreurs
        and "plan.titre : paramètre obligatoire" in erreurs
    )
    assert Plan.objects.count() == 1
