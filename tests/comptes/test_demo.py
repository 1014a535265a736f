"""Demonstration accounts: refused when the site answers a public host (unless
SUN_DEMO_FORCEE), their passwords shown once by the command that creates them and stored
nowhere (an older version's file is deleted)."""

import pytest
from django.contrib.auth.models import User

from sun.cli import main
from sun.cli.sortie import OK, USAGE
from sun.comptes.roles import Role
from sun.comptes.services import fichier_comptes_demo
from sun.core import installation

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("hotes", "publics"),
    [
        (["127.0.0.1", "localhost", "::1", "[::1]", "testserver"], []),
        (["sun.localhost", ".localhost", "10.1.2.3", "192.168.0.10", "172.16.4.4"], []),
        (["localhost", "sun.aude.fr"], ["sun.aude.fr"]),
        (["*"], ["*"]),
        ([".aude.fr", "93.184.216.34"], [".aude.fr", "93.184.216.34"]),
    ],
)
def test_hotes_publics(settings, hotes, publics):
    settings.ALLOWED_HOSTS = hotes
    assert installation.hotes_publics() == publics


@pytest.fixture
def demo_legere(monkeypatch):
    """The demonstration content without places, network and plan (their own tests cover
    them): only the accounts are created for real."""
    monkeypatch.setattr(installation, "creer_lieux_demo", lambda code: 0)
    monkeypatch.setattr(installation, "creer_pilotage_demo", lambda: 0)
    monkeypatch.setattr(installation, "creer_reseau_demo", lambda code: (0, 0))
    monkeypatch.setattr(installation, "charger_qualite_demo", lambda **k: None)
    monkeypatch.setattr(installation, "charger_connectivite_demo", lambda **k: None)
    monkeypatch.setattr(installation, "charger_parc_demo", lambda **k: None)


def test_demo_refusee_sur_un_hote_public(settings, demo_legere):
    settings.ALLOWED_HOSTS = ["localhost", "sun.aude.fr"]
    settings.SUN_DEMO_FORCEE = False
    with pytest.raises(installation.DemoRefusee, match=r"hôte public \(sun\.aude\.fr\)"):
        installation.charger_demo(ecrire=lambda ligne: None)
    assert not User.objects.filter(username__startswith="demo-").exists()


def test_sun_demo_charger_refuse_en_francais(settings, demo_legere, capsys):
    settings.ALLOWED_HOSTS = ["sun.aude.fr"]
    settings.SUN_DEMO_FORCEE = False
    assert main(["demo", "charger"]) == USAGE
    erreur = capsys.readouterr().err
    assert "Contenu de démonstration NON chargé" in erreur and "SUN_DEMO_FORCEE=1" in erreur
    assert not User.objects.filter(username__startswith="demo-").exists()


def test_preparer_continue_sans_la_demo_sur_un_hote_public(settings, monkeypatch):
    settings.ALLOWED_HOSTS = ["sun.aude.fr"]
    settings.SUN_DEMO_FORCEE = False
    for etape in ("call_command", "charger_plan_par_defaut", "charger_cra_v1",
                  "charger_territoire", "calculer_indicateurs_du_plan"):  # fmt: skip
        monkeypatch.setattr(installation, etape, lambda *a, **k: None)
    monkeypatch.setattr(installation.ifn_livre, "charger", lambda *a, **k: None)
    lignes, erreurs = [], []
    installation.preparer(ecrire=lignes.append, erreur=erreurs.append)
    assert any("NON chargé" in e for e in erreurs)
    assert not User.objects.filter(username__startswith="demo-").exists()


def test_demo_forcee_affiche_les_mots_de_passe_une_fois(settings, tmp_path, demo_legere):
    settings.VAR_DIR = tmp_path
    settings.ALLOWED_HOSTS = ["demo.sun.example.org"]
    settings.SUN_DEMO_FORCEE = True
    ancien = fichier_comptes_demo()
    ancien.write_text("demo-agent\tancien-secret\n")
    lignes = []
    installation.charger_demo(ecrire=lignes.append)
    assert not ancien.exists() and not list(tmp_path.iterdir())  # nothing left in var/
    assert any("Ancien fichier des mots de passe" in ligne for ligne in lignes)
    assert any("ne sont affichés qu'une fois" in ligne for ligne in lignes)
    for role in Role:
        ligne = next(ligne for ligne in lignes if ligne.strip().startswith(f"demo-{role.value}\t"))
        mot_de_passe = ligne.split("\t")[1]
        assert User.objects.get(username=f"demo-{role.value}").check_password(mot_de_passe)
    encore = []
    installation.charger_demo(ecrire=encore.append)
    assert not any("\t" in ligne for ligne in encore)  # shown once only
    assert any("déjà présents" in ligne for ligne in encore)


def test_demo_en_local_sans_forcer(settings, demo_legere, capsys):
    settings.ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
    settings.SUN_DEMO_FORCEE = False
    assert main(["demo", "charger"]) == OK
    assert "demo-administrateur\t" in capsys.readouterr().out
