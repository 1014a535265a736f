"""No text cell of a CSV or XLSX export runs as a formula in a spreadsheet (CSV injection)."""

import csv
import io
from datetime import date

import pytest
from openpyxl import load_workbook

from sun.core.tableur import neutraliser
from tests.inclusion.factories import ActiviteFactory, LieuFactory
from tests.pilotage.factories import ActionFactory

DANGEREUX = ['=HYPERLINK("http://x")', "+1+1", "@SUM(A1)", "-2+3", "\t=1", "\r=1"]


@pytest.mark.parametrize("valeur", DANGEREUX)
def test_texte_dangereux_prefixe(valeur):
    assert neutraliser(valeur) == "'" + valeur


@pytest.mark.parametrize("valeur", ["-2.5", "+33468000000", "-12", "1,5", "Carcassonne", "", None])
def test_nombres_et_textes_ordinaires_intacts(valeur):
    assert neutraliser(valeur) == valeur


def test_nombres_de_type_numerique_intacts():
    assert neutraliser(-3) == -3 and neutraliser(-2.5) == -2.5


def _cellules(contenu: str, delimiteur: str) -> list[str]:
    return [c for ligne in csv.reader(io.StringIO(contenu), delimiter=delimiteur) for c in ligne]


@pytest.mark.django_db
def test_export_ouvert_csv_des_lieux():
    from sun.inclusion.lieux.exports import csv_standard
    from sun.inclusion.models import Lieu

    lieu = LieuFactory(nom='=HYPERLINK("http://x")', adresse="@SUM(A1)", longitude=-1.5)
    contenu = "".join(csv_standard(Lieu.objects.filter(pk=lieu.pk)))
    cellules = _cellules(contenu, ",")
    assert '\'=HYPERLINK("http://x")' in cellules and "'@SUM(A1)" in cellules
    assert '=HYPERLINK("http://x")' not in cellules
    assert "-1.5" in cellules  # a negative longitude stays a number
    assert lieu.telephone in cellules  # « +33… » is a number, not a formula


@pytest.mark.django_db
def test_exports_csv_et_xlsx_des_actions():
    from sun.pilotage.exports import en_csv, en_xlsx
    from sun.pilotage.models import Action

    ActionFactory(titre="+1+1", partenaires=["-2+3"])
    actions = Action.objects.all()
    cellules = _cellules(en_csv(actions, date(2025, 6, 1)).lstrip("\ufeff"), ";")
    assert "'+1+1" in cellules and "'-2+3" in cellules and "+1+1" not in cellules
    ActionFactory(titre='=HYPERLINK("http://x")')
    feuille = load_workbook(io.BytesIO(en_xlsx(Action.objects.all(), date(2025, 6, 1)))).active
    titres = {c.value: c.data_type for c in feuille["B"]}
    # In XLSX the text is kept as it is, in a text cell: never a formula.
    assert titres['=HYPERLINK("http://x")'] == "s" and titres["+1+1"] == "s"


@pytest.mark.django_db
def test_export_csv_des_statistiques_d_activites(client, utilisateur_avec_role):
    from sun.comptes.roles import Role

    lieu = LieuFactory(nom="@SUM(A1)")
    ActiviteFactory(lieu=lieu, type="collectif", accompagnements=12)
    client.force_login(utilisateur_avec_role(Role.PILOTE))
    reponse = client.get("/espace/activites/statistiques/", {"format": "csv"})
    cellules = _cellules(reponse.content.decode("utf-8-sig"), ";")
    assert "'@SUM(A1)" in cellules and "@SUM(A1)" not in cellules


def test_export_csv_de_couverture():
    from sun.web.views.couverture import _reponse_csv

    reponse = _reponse_csv("couverture", ["commune", "distance"], [["=1+1", -3.5], ["Bram", 2]])
    cellules = _cellules(reponse.content.decode("utf-8-sig"), ";")
    assert cellules == ["commune", "distance", "'=1+1", "-3.5", "Bram", "2"]


def test_rapport_des_lignes_refusees_neutralise(tmp_path):
    """The CSV report of an import repeats the values read: none runs as a formula."""
    from sun.core.imports.rapport import Rapport, Rejet

    rapport = Rapport("lieux", "Lieux de médiation numérique")
    rapport.ouvrir_journal(tmp_path / "rapport.csv")
    rapport.signaler(Rejet(3, "nom", '=HYPERLINK("http://x")', "nom refusé", "rejet"))
    rapport.fermer_journal()
    contenu = (tmp_path / "rapport.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK" in contenu and "\n3,nom," in contenu
