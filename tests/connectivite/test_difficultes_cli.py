"""`sun connectivite compte-commune` and `compte-partenaire`: accounts created with their role
and tie, the password printed once; a bad commune is a French error, exit code 3, nothing
written."""

import pytest
from django.contrib.auth.models import User

from sun.cli import main
from sun.cli.sortie import DONNEES, OK
from sun.comptes.roles import Role, roles_de
from sun.connectivite.models import CompteCommune

pytestmark = pytest.mark.django_db


def test_compte_commune(capsys):
    code = main(["connectivite", "compte-commune", "maire-aragon", "--commune", "11011",
                 "--fonction", "maire", "--email", "mairie@aragon.fr", "--nom", "Jeanne Roux"])  # fmt: skip
    sortie = capsys.readouterr().out
    assert code == OK
    lien = CompteCommune.objects.select_related("compte", "commune").get()
    assert (lien.commune.code_insee, lien.fonction) == ("11011", "maire")
    assert roles_de(lien.compte) == {Role.COMMUNE}
    assert lien.compte.email == "mairie@aragon.fr" and lien.compte.first_name == "Jeanne Roux"
    assert "Aragon" in sortie and sortie.count("Mot de passe (affiché une seule fois") == 1
    mot_de_passe = sortie.split("à changer) : ")[1].split()[0]
    assert lien.compte.check_password(mot_de_passe)


@pytest.mark.parametrize(
    ("commune", "message"),
    [("99999", "Commune inconnue"), ("69123", "n'est pas une commune du département servi")],
)
def test_compte_commune_refuse_sans_rien_ecrire(capsys, commune, message):
    code = main(["connectivite", "compte-commune", "maire-x", "--commune", commune,
                 "--fonction", "secretaire"])  # fmt: skip
    assert code == DONNEES
    assert message in capsys.readouterr().err
    assert not User.objects.filter(username="maire-x").exists()
    assert not CompteCommune.objects.exists()


def test_compte_commune_identifiant_existant(capsys):
    User.objects.create(username="maire-x")
    code = main(["connectivite", "compte-commune", "maire-x", "--commune", "11011",
                 "--fonction", "maire"])  # fmt: skip
    assert code == DONNEES and "existe déjà" in capsys.readouterr().err
    assert not CompteCommune.objects.exists()


def test_fonction_inconnue_erreur_d_usage(capsys):
    with pytest.raises(SystemExit) as sortie:
        main(["connectivite", "compte-commune", "maire-x", "--commune", "11011",
              "--fonction", "roi"])  # fmt: skip
    assert sortie.value.code == 2


def test_compte_partenaire(capsys):
    code = main(["connectivite", "compte-partenaire", "syaden", "--organisme", "Syaden",
                 "--email", "fibre@syaden.fr"])  # fmt: skip
    assert code == OK
    utilisateur = User.objects.get(username="syaden")
    assert roles_de(utilisateur) == {Role.PARTENAIRE} and utilisateur.first_name == "Syaden"
    assert "rôle partenaire" in capsys.readouterr().out
