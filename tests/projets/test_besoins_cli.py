"""`sun projets besoins`: the needs grouped by status; an unknown status is refused."""

import pytest

from sun.cli import main
from sun.cli.sortie import DONNEES, OK
from tests.projets.fabriques_besoins import besoin_complet
from tests.projets.factories import BesoinFactory

pytestmark = pytest.mark.django_db


def test_liste_par_statut(capsys):
    assert main(["projets", "besoins"]) == OK
    assert "Aucune expression de besoin" in capsys.readouterr().out
    BesoinFactory(titre="Brouillon des routes")
    besoin_complet(titre="Besoin retenu", statut="retenu", demonstration=True)
    assert main(["projets", "besoins"]) == OK
    sortie = capsys.readouterr().out
    assert "Brouillon (1)" in sortie and "Brouillon des routes" in sortie
    assert "Retenu (1)" in sortie and "Besoin retenu [démonstration]" in sortie
    assert "9 sections sur 9 renseignées" in sortie
    assert main(["projets", "besoins", "--statut", "retenu"]) == OK
    assert "Brouillon des routes" not in capsys.readouterr().out


def test_statut_inconnu():
    assert main(["projets", "besoins", "--statut", "perdu"]) == DONNEES
