"""`sun parc taux`, `sun parc declaration`, `sun parc figer`, and the wing's indicators (value,
source, date, demonstration left out)."""

from datetime import date
from decimal import Decimal

import pytest
from django.utils import timezone

from sun.cli import main
from sun.cli.sortie import DONNEES, OK, USAGE
from sun.core.indicators import obtenir
from sun.parc.models import StockReforme
from tests.parc.factories import AchatLigneFactory
from tests.parc.taux.outils import exemple_des_notes, lot

pytestmark = pytest.mark.django_db


def test_sun_parc_taux_et_son_csv(capsys, tmp_path):
    exemple_des_notes()
    fichier = tmp_path / "taux.csv"
    assert main(["parc", "taux", "--annee", "2025", "--csv", str(fichier)]) == OK
    sortie = capsys.readouterr().out
    assert "2025 : A = 250, B = 400" in sortie and "taux 62.5 %" in sortie
    lignes = fichier.read_text(encoding="utf-8-sig").splitlines()
    assert len(lignes) == 2 and lignes[1].startswith("2025;250;400;62.5;50;12.5;non;40;")


def test_sun_parc_declaration(capsys, tmp_path, settings):
    AchatLigneFactory(montant_ht=Decimal("100"), issu_reemploi=True)
    fichier = tmp_path / "declaration.csv"
    settings.SUN_PARC_SIRET = ""
    assert main(["parc", "declaration", "--annee", "2025", "--sortie", str(fichier)]) == USAGE
    assert "SUN_PARC_SIRET" in capsys.readouterr().err and not fichier.exists()
    settings.SUN_PARC_SIRET, settings.SUN_PARC_RAISON_SOCIALE = "22110001700016", "Département"
    assert main(["parc", "declaration", "--annee", "2025", "--sortie", str(fichier)]) == OK
    assert "100.00,100.00,0.00,0.00" in fichier.read_text(encoding="utf-8")


def test_sun_parc_figer(capsys):
    lot(2, reforme=date(2024, 3, 1))
    assert main(["parc", "figer", "--annee", "2025"]) == OK
    assert "figé : 2 équipement(s)" in capsys.readouterr().out
    assert main(["parc", "figer", "--annee", "2025"]) == DONNEES
    assert "déjà figé" in capsys.readouterr().err
    assert StockReforme.objects.get().nombre == 2


def test_les_indicateurs_portent_source_date_et_note():
    annee = timezone.localdate().year - 1
    lot(4, reforme=date(annee - 1, 6, 1))
    lot(1, reforme=date(annee - 1, 6, 1), sortie=date(annee, 3, 1),
        engagement=date(annee, 2, 1), preuve=date(annee, 4, 1))  # fmt: skip
    lot(3, reforme=date(annee - 1, 6, 1), demonstration=True)
    AchatLigneFactory(date=date(annee, 5, 1), montant_ht=Decimal("300"), issu_reemploi=True)
    AchatLigneFactory(date=date(annee, 5, 1), montant_ht=Decimal("700"))
    taux = obtenir("parc.taux_reemploi").calculer("departement", "11")
    assert (taux.valeur, taux.date) == (20.0, date(annee, 12, 31))
    assert "Inventaire et sorties tenus dans SUN" in taux.source
    assert "3 équipements de démonstration non comptés" in taux.note
    achats = obtenir("parc.part_achats_reemploi").calculer("departement", "11")
    assert achats.valeur == 30.0 and achats.date == date(annee, 12, 31)
    duree = obtenir("parc.duree_vie_moyenne").calculer("departement", "11")
    assert duree.valeur == round((date(annee - 1, 6, 1) - date(2020, 1, 15)).days / 365.25, 1)
    renouvellement = obtenir("parc.taux_renouvellement").calculer("departement", "11")
    assert renouvellement.date == date(annee, 12, 31) and renouvellement.valeur is None
