"""The CSV export of the filtered list (facts only: no name, no comment, no user; its source
and date on every row) and the commands `sun parc inventaire` and `sun parc demo`."""

import csv
import io
from datetime import date

import pytest
from django.urls import reverse

from sun.cli import main
from sun.cli.sortie import OK
from sun.parc.exports import ENTETE
from sun.parc.models import AchatLigne, Equipement
from sun.parc.referentiel import TypeEquipement
from tests.parc.factories import EquipementFactory, equipement_sorti

pytestmark = pytest.mark.django_db


@pytest.fixture
def parc():
    EquipementFactory(nom="PC-JDUPONT", type=TypeEquipement.POSTE_FIXE, commentaire="Jean Dupont",
                      numero_inventaire="INV-1")  # fmt: skip
    EquipementFactory(type=TypeEquipement.ECRAN, numero_inventaire="INV-2")
    equipement_sorti(date(2024, 1, 1), date(2024, 3, 1), numero_inventaire="INV-3",
                     date_acquisition=date(2019, 1, 1))  # fmt: skip


def _lignes(contenu: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(contenu.lstrip("\ufeff")), delimiter=";"))


def test_export_csv_de_la_liste_filtree(client, informatique, parc):
    reponse = client.get(reverse("espace:parc_export_csv"), {"type": "poste_fixe"})
    assert reponse.status_code == 200 and reponse["Content-Type"].startswith("text/csv")
    assert "attachment" in reponse["Content-Disposition"]
    contenu = reponse.content.decode("utf-8")
    assert contenu.startswith("\ufeff")
    lignes = _lignes(contenu)
    assert [ligne["numero_inventaire"] for ligne in lignes] == ["INV-1"]
    assert list(lignes[0]) == ENTETE
    assert lignes[0]["source"] == "Test" and lignes[0]["date_export"] == date.today().isoformat()
    assert "JDUPONT" not in contenu and "Dupont" not in contenu
    tout = _lignes(client.get(reverse("espace:parc_export_csv")).content.decode())
    sorti = next(ligne for ligne in tout if ligne["numero_inventaire"] == "INV-3")
    assert (sorti["etat"], sorti["date_sortie"], sorti["voie_sortie"]) == (
        "sorti",
        "2024-03-01",
        "don",
    )


def test_la_liste_montre_les_comptes_et_filtre(client, informatique, parc):
    page = client.get(reverse("espace:parc"), {"type": "ecran"}).content.decode()
    assert (
        "1 équipement correspondant aux filtres" in page and "INV-2" in page and "INV-1" not in page
    )
    page = client.get(reverse("espace:parc")).content.decode()
    assert "3 équipements, par type et par état" in page and "<caption>" in page
    assert 'scope="row"' in page and "Source : inventaire du parc" in page


def test_commande_inventaire(capsys, parc):
    assert main(["parc", "inventaire"]) == OK
    sortie = capsys.readouterr().out
    assert "Ordinateur fixe" in sortie and "Écran" in sortie
    ligne_total = next(ligne for ligne in sortie.splitlines() if ligne.startswith("Total"))
    assert ligne_total.split()[-1] == "3"
    assert main(["parc", "inventaire", "--etat", "sorti"]) == OK
    assert capsys.readouterr().out.splitlines()[-1].split()[-1] == "1"


def test_commande_inventaire_csv(capsys, parc, tmp_path):
    fichier = tmp_path / "parc.csv"
    assert main(["parc", "inventaire", "--type", "ecran", "--csv", str(fichier)]) == OK
    assert "(1 équipement)" in capsys.readouterr().out
    lignes = _lignes(fichier.read_text(encoding="utf-8-sig"))
    assert [ligne["numero_inventaire"] for ligne in lignes] == ["INV-2"]


def test_commande_csv_chemin_impossible(capsys, parc, tmp_path):
    code = main(["parc", "inventaire", "--csv", str(tmp_path / "absent" / "parc.csv")])
    assert code == 2 and "Impossible d'écrire" in capsys.readouterr().err


def test_commande_demo(capsys):
    assert main(["parc", "demo"]) == OK
    sortie = capsys.readouterr().out
    assert "400 équipements du parc de DÉMONSTRATION (jamais comptés)." in sortie
    assert "16 lignes d'achat de DÉMONSTRATION" in sortie
    assert Equipement.objects.filter(demonstration=True, source="Démonstration SUN").count() == 400
    assert AchatLigne.objects.filter(demonstration=False).count() == 0
    assert main(["parc", "demo"]) == OK
    assert "déjà chargée : rien n'a été ajouté" in capsys.readouterr().out
    assert Equipement.objects.filter(source="Démonstration SUN").count() == 400


def test_un_nom_venu_d_un_import_ne_s_execute_pas_dans_un_tableur(client, informatique, parc):
    """A model name imported from a file (« =HYPERLINK(…) ») is text in the CSV export."""
    EquipementFactory(modele='=HYPERLINK("http://example.com","clic")', numero_inventaire="INV-F")
    tout = _lignes(client.get(reverse("espace:parc_export_csv")).content.decode())
    ligne = next(ligne for ligne in tout if ligne["numero_inventaire"] == "INV-F")
    assert ligne["modele"].startswith("'=HYPERLINK")
