"""SUN's CSV template (written by `sun parc importer --modele`, imported back), the command
line (`sun parc importer`, `generer-glpi`), and the number of queries of an import, which
does not grow with its rows."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sun.cli import main
from sun.cli.sortie import DONNEES, OK, USAGE
from sun.parc.importation.generation import ecrire_glpi as generer
from sun.parc.importation.services import importer_inventaire
from sun.parc.models import CorrespondanceStatut, CorrespondanceType, Equipement, Site, Sortie
from sun.parc.referentiel import Achat, Etat
from tests.parc.importation.outils import ENTETE_FR, ecrire_glpi, ligne_fr

pytestmark = pytest.mark.django_db


def test_modele_ecrit_puis_importe(tmp_path, capsys):
    chemin = tmp_path / "modele.csv"
    assert main(["parc", "importer", "--modele", str(chemin)]) == OK
    assert "numero_inventaire" in capsys.readouterr().out
    assert chemin.read_bytes().startswith(b"\xef\xbb\xbfnumero_inventaire;numero_serie;nom;type")
    # Sent back unchanged, the made-up example rows are refused: nothing becomes real.
    rapport = importer_inventaire(chemin)
    assert (rapport.nouveaux, rapport.refusees) == (0, 3) and not Equipement.objects.exists()
    assert "ligne d'exemple du modèle" in rapport.rejets[0].raison
    # The user's own rows, in the template's layout.
    texte = chemin.read_text(encoding="utf-8-sig")
    for n, numero in (("1", "DSI-2021-0001"), ("2", "DSI-2023-0042"), ("3", "DSI-2014-0107")):
        texte = texte.replace(f"EXEMPLE-000{n}", numero)
    chemin.write_text(texte, encoding="utf-8-sig")
    rapport = importer_inventaire(chemin)
    assert "modele-sun" in rapport.format and (rapport.nouveaux, rapport.refusees) == (3, 0)
    portable = Equipement.objects.get(numero_inventaire="DSI-2023-0042")
    assert portable.achat == Achat.RECONDITIONNE and portable.prix_acquisition == Decimal("420.00")
    fixe = Equipement.objects.select_related("commune").get(numero_inventaire="DSI-2021-0001")
    assert fixe.commune.code_insee == "11069" and fixe.date_fin_garantie == date(2026, 3, 15)
    ecran = Equipement.objects.get(numero_inventaire="DSI-2014-0107")
    assert (ecran.etat, ecran.date_reforme) == (Etat.SORTI, date(2025, 1, 10))
    assert Sortie.objects.get().date == date(2025, 2, 3)
    assert Site.objects.filter(nom="Hôtel du Département").exists()
    assert importer_inventaire(chemin).inchanges == 3


def test_commande_importer_essai_puis_reel(tmp_path, capsys):
    chemin = ecrire_glpi(tmp_path / "g.csv", [ligne_fr(n=1), ligne_fr(n=2, Statut="?")], ENTETE_FR)
    assert main(["parc", "importer", str(chemin), "--essai", "--source", "GLPI DSI"]) == OK
    sortie = capsys.readouterr().out
    assert "ESSAI À BLANC" in sortie and "statut inconnu" in sortie
    assert not Equipement.objects.exists()
    assert main(["parc", "importer", str(chemin), "--correspondance", "glpi-fr"]) == OK
    assert Equipement.objects.get().source == "GLPI"


def test_commande_fichier_refuse_code_3(tmp_path, capsys):
    chemin = tmp_path / "x.csv"
    chemin.write_text("a;b\n1;2\n", encoding="utf-8")
    assert main(["parc", "importer", str(chemin)]) == DONNEES
    assert "Colonnes non reconnues" in capsys.readouterr().err
    assert main(["parc", "importer"]) == USAGE


def test_generer_glpi_comme_glpi(tmp_path, capsys):
    chemin = tmp_path / "glpi.csv"
    assert main(["parc", "generer-glpi", "--lignes", "300", "--sortie", str(chemin)]) == OK
    assert "SYNTHÉTIQUE" in capsys.readouterr().out
    brut = chemin.read_bytes()
    assert brut.startswith(b'\xef\xbb\xbf"Nom";"Entit') and brut.endswith(b'";\n')
    assert brut.count(b"\n") > 301  # multi-line MAC cells
    rapport = importer_inventaire(chemin)
    assert rapport.lues == 300 and rapport.refusees == 0, rapport.lignes()
    assert Sortie.objects.exists() and Site.objects.filter(genre="college").exists()


def _requetes(chemin) -> int:
    with CaptureQueriesContext(connection) as requetes:
        importer_inventaire(chemin)
    return len(requetes)


def _vider():
    Equipement.objects.all().delete()
    Site.objects.all().delete()
    CorrespondanceStatut.objects.all().delete()
    CorrespondanceType.objects.all().delete()


def test_requetes_constantes(tmp_path):
    petit = _requetes(generer(tmp_path / "petit.csv", 300, graine=1))
    _vider()
    grand = _requetes(generer(tmp_path / "grand.csv", 1900, graine=1))
    assert grand == petit
    assert _requetes(tmp_path / "grand.csv") <= grand  # all unchanged
