"""The `sun` command: French help, reliable exit codes, clear messages on bad input."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sun.cli import main
from sun.cli.sortie import BASE, DONNEES, OK, USAGE

SUN = str(Path(sys.executable).parent / "sun")


def test_aide_en_francais(capsys):
    with pytest.raises(SystemExit) as sortie:
        main(["--help"])
    assert sortie.value.code == 0
    aide = capsys.readouterr().out
    assert aide.startswith("utilisation : sun")
    assert "affiche cette aide et quitte" in aide
    assert "territoire" in aide and "serve" in aide
    assert "4 base de données injoignable" in aide


def test_mauvaise_utilisation_code_2_en_francais(capsys):
    with pytest.raises(SystemExit) as sortie:
        main(["territoire"])
    assert sortie.value.code == USAGE
    assert "arguments obligatoires manquants" in capsys.readouterr().err


@pytest.mark.django_db
def test_code_departement_inconnu_code_3(capsys):
    assert main(["territoire", "charger", "99"]) == DONNEES
    erreur = capsys.readouterr().err
    assert "Code de département inconnu : « 99 »" in erreur
    assert "2A, 2B" in erreur


@pytest.mark.django_db
def test_charger_sans_code(capsys):
    assert main(["territoire", "charger"]) == USAGE


@pytest.mark.django_db
def test_recharger_et_statistiques(capsys):
    assert main(["territoire", "charger", "11"]) == OK
    assert "Aucune modification." in capsys.readouterr().out
    assert main(["territoire", "stats"]) == OK
    sortie = capsys.readouterr().out
    assert "Aude" in sortie and "433" in sortie and "370 260" in sortie
    assert main(["territoire", "stats", "90"]) == DONNEES


def test_liste_des_codes(capsys):
    assert main(["territoire", "codes"]) == OK
    sortie = capsys.readouterr().out
    assert "2A\tCorse-du-Sud" in sortie
    assert "976\tMayotte" in sortie


@pytest.mark.django_db
def test_creer_un_compte(capsys):
    assert main(["comptes", "creer", "marie", "--role", "pilote", "--role", "agent"]) == OK
    assert "Mot de passe" in capsys.readouterr().out
    assert main(["comptes", "creer", "marie", "--role", "agent"]) == DONNEES
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
    assert resultat.returncode == BASE
    assert "Base de données injoignable" in resultat.stderr
    assert "DATABASE_URL" in resultat.stderr


@pytest.mark.django_db
def test_importer_un_plan(capsys, tmp_path):
    from sun.pilotage.models import Plan

    assert (
        main(["pilotage", "importer", str(Path(__file__).parents[1] / "plans" / "aude.yaml")]) == 0
    )
    assert "107 élément(s) créé(s)" in capsys.readouterr().out
    casse = tmp_path / "plan.yaml"
    casse.write_text("plan:\n  code: x\naxes: []\n", encoding="utf-8")
    assert main(["pilotage", "importer", str(casse)]) == 3
    erreurs = capsys.readouterr().err
    assert (
        "Plan refusé, rien n'a été enregistré" in erreurs
        and "plan.titre : paramètre obligatoire" in erreurs
    )
    assert Plan.objects.count() == 1


@pytest.mark.django_db
def test_preparer_charge_ce_qui_manque_une_seule_fois(monkeypatch, settings):
    from sun.core import installation
    from sun.inclusion.models import BilanCraV1
    from sun.pilotage.models import Plan

    settings.SUN_DEPARTEMENT = "11"
    commandes = []
    monkeypatch.setattr(installation, "call_command", lambda nom, **_: commandes.append(nom))
    lignes = []
    installation.preparer(demo=False, ecrire=lignes.append)
    assert commandes == ["migrate", "collectstatic"]
    assert lignes[:3] == [
        "Base de données : application des migrations…",
        "Fichiers statiques : collecte…",
        "Territoire du département 11 déjà chargé (--recharger pour le mettre à jour).",
    ]
    assert "107 élément(s) créé(s)" in lignes[3]
    assert lignes[4] == "Catalogue chargé : 20 élément(s) créé(s), 0 modifié(s), 0 inchangé(s)."
    assert lignes[5].startswith("Chaque démarche est « à vérifier par le service »")
    assert lignes[6] == "Engagements Services Publics+ : 8 créé(s), 0 mis à jour, 0 inchangé(s)."
    assert lignes[7].startswith("Comptes rendus d'activité v1 : 101 département(s) lu(s)")
    assert Plan.objects.count() == 1 and BilanCraV1.objects.count() == 101
    lignes.clear()
    installation.preparer(demo=False, ecrire=lignes.append)
    assert lignes[2:-4] == [
        "Territoire du département 11 déjà chargé (--recharger pour le mettre à jour).",
        "Plan du schéma déjà chargé (sun pilotage importer plans/aude.yaml pour le mettre à jour).",
        "Catalogue des démarches déjà chargé (sun relation demarches importer "
        "catalogues/aude.yaml pour le mettre à jour).",
        "Engagements Services Publics+ : 0 créé(s), 0 mis à jour, 8 inchangé(s).",
        "Bilans CRA v1 des conseillers numériques déjà chargés.",
        "Indice de fragilité numérique déjà chargé (fichiers livrés, version a15f920).",
        "Tableau de gestion : 0 règle(s) livrée(s) ajoutée(s), 9 déjà là.",
        "Traitements de SUN : 0 créé(s), 0 mis à jour, 0 supprimé(s), 16 inchangé(s).",
    ]
    # Nothing changed since the first run: no new version of SUN's own datasets; without a
    # contact setting they wait, in draft, for an agent to give one.
    catalogue, inventaire, indicateurs, valeurs = lignes[-4:]
    assert catalogue.startswith("Catalogue des données : 9 ressource(s) : 0 nouvelle(s)")
    assert "point de contact à renseigner" in catalogue
    assert inventaire == ("Inventaire, jeux produits par SUN : 0 ajouté(s), 0 mis à jour, "
                          "0 retiré(s), 7 inchangé(s).")  # fmt: skip
    assert indicateurs.startswith("Indicateurs calculés : ") and "sur 53" in indicateurs
    assert valeurs.startswith("Catalogue des données, valeurs des indicateurs : 1 ressource(s) : "
                              "0 nouvelle(s)")  # fmt: skip


@pytest.mark.django_db
def test_commande_preparer_transmet_ses_options(monkeypatch):
    from sun.core import installation

    appels = []
    monkeypatch.setattr(installation, "preparer", lambda **options: appels.append(options))
    assert main(["preparer", "--recharger", "--sans-demo"]) == OK
    assert appels[0]["recharger"] is True and appels[0]["demo"] is False
    assert main(["preparer"]) == OK
    assert appels[1]["recharger"] is False and appels[1]["demo"] is True
