"""`sun parc dons`, `sun parc don-convention` and the demonstration donations."""

import pytest

from sun.cli import main
from sun.comptes.roles import Role
from sun.inclusion.models import Lieu
from sun.parc.dons import demo, permissions, queries
from sun.parc.models import Don, Equipement
from tests.comptes.factories import UtilisateurFactory
from tests.inclusion.factories import LieuFactory
from tests.parc.dons.outils import don_a_l_etape, lieu_avec_structure

pytestmark = pytest.mark.django_db


def test_liste_et_convention(capsys, tmp_path):
    don = don_a_l_etape(Don.Statut.ACCEPTE, lieu=lieu_avec_structure())
    assert main(["parc", "dons"]) == 0
    sortie = capsys.readouterr().out
    assert don.numero in sortie and "Accepté" in sortie and "1 don(s)." in sortie
    assert main(["parc", "dons", "--statut", "remis"]) == 0
    assert "0 don(s)." in capsys.readouterr().out
    fichier = tmp_path / "c.pdf"
    assert main(["parc", "don-convention", don.numero.lower(), "--sortie", str(fichier)]) == 0
    assert fichier.read_bytes().startswith(b"%PDF")
    assert main(["parc", "don-convention", "DON-1999-0001", "--sortie", str(fichier)]) == 3
    assert "Don inconnu" in capsys.readouterr().err


def test_demo():
    assert demo.creer_demo() == 0  # no demonstration place: nothing
    assert not Don.objects.exists()
    LieuFactory(nom="Lieu démo A", demonstration=True)
    LieuFactory(nom="Lieu démo B", demonstration=True)
    mediateur = UtilisateurFactory(username="demo-mediateur", roles=[Role.MEDIATEUR])
    assert demo.creer_demo() == 3
    assert demo.creer_demo() == 0  # idempotent
    dons = Don.objects.all()
    assert dons.count() == 3 and all(d.demonstration for d in dons)
    assert all(d.lieu.demonstration for d in dons)
    assert not Equipement.objects.filter(demonstration=False).exists()
    remis = dons.get(statut=Don.Statut.REMIS)
    assert remis.visible_sur_lieu and remis.date_preuve
    # The demonstration médiateur follows the donations to its place, told in order.
    assert permissions.peut_changer_visibilite(mediateur, remis)
    assert remis.cree_le.date() < remis.date_convention < remis.date_remise
    assert sum(l["nombre"] for l in queries.materiel_recu(remis.lieu)) == 4
    assert not queries.sorties_donnees().exists()  # never counted
    assert Lieu.objects.filter(demonstration=True).count() == 2
