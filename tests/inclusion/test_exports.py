"""Exports: the standard's CSV validated by frictionless, JSON, GeoJSON, data·inclusion."""

import csv
import io
import json

import pytest
from frictionless import Resource, Schema, validate

from sun.inclusion.lieux import exports
from sun.inclusion.lieux.services import importer_lieux
from sun.inclusion.lieux.standard import CHAMPS_V1
from sun.inclusion.models import Lieu
from tests.inclusion.outils import DONNEES, ecrire_csv, lieu_v1

pytestmark = pytest.mark.django_db


@pytest.fixture
def registre(tmp_path):
    lignes = [
        lieu_v1(),
        lieu_v1(id="2", nom="France services de Quillan", commune="Quillan", code_postal="11500", code_insee="11304",
                latitude="", longitude="", dispositif_programmes_nationaux="France Services|Conseillers numériques",
                publics_specifiquement_adresses="Seniors|Jeunes", itinerance="Fixe", typologie="RFS",
                presentation_resume="Aide, « démarches » ; accès, ordinateurs…", site_web="www.quillan.fr"),
        lieu_v1(id="3", nom="Bus numérique", adresse="", itinerance="Itinérant"),  # no address: not published
    ]  # fmt: skip
    importer_lieux(ecrire_csv(tmp_path / "r.csv", lignes), "Hub test")
    Lieu.objects.create(nom="Lieu de démonstration", commune="Carcassonne", code_postal="11000", adresse="1 rue",
                        date_maj="2024-01-01", demonstration=True, source="démonstration")  # fmt: skip
    ferme = Lieu.objects.get(nom="Médiathèque de Lézignan")
    return ferme


def _schema(version: str) -> Schema:
    chemin = DONNEES / f"standard-mediation-num_schema_v{version}.json"
    return Schema.from_descriptor(json.loads(chemin.read_text(encoding="utf-8")))


@pytest.mark.parametrize("version", ["1.0.1", "1.0.2_main"])
def test_csv_valide_par_frictionless(registre, tmp_path, version):
    chemin = tmp_path / "export.csv"
    chemin.write_text("".join(exports.csv_standard()), encoding="utf-8")
    rapport = validate(Resource(path="export.csv", basepath=str(tmp_path), schema=_schema(version)))
    erreurs = [e.message for t in rapport.tasks for e in t.errors]
    assert rapport.valid, erreurs
    lignes = list(csv.DictReader(io.StringIO(chemin.read_text(encoding="utf-8"))))
    assert list(lignes[0]) == CHAMPS_V1
    assert {l["nom"] for l in lignes} == {"Médiathèque de Lézignan", "France services de Quillan"}
    quillan = next(l for l in lignes if l["code_insee"] == "11304")
    assert quillan["dispositif_programmes_nationaux"] == "France Services|Conseillers numériques"
    assert quillan["site_web"] == "https://www.quillan.fr"


@pytest.mark.parametrize("version", ["1.0.1", "1.0.2_main"])
def test_etapes_numeriques_en_texte_libre(registre, tmp_path, version):
    """v1.0.1 lacks « Étapes numériques (La Poste) », v1.0.2 spells it without the space: the
    label goes to `autres_formations_labels`, which both versions accept (see the notes)."""
    Lieu.objects.filter(nom="Médiathèque de Lézignan").update(
        formations_labels=["Étapes numériques (La Poste)", "ORDI 3.0"]
    )
    (tmp_path / "e.csv").write_text("".join(exports.csv_standard()), encoding="utf-8")
    rapport = validate(Resource(path="e.csv", basepath=str(tmp_path), schema=_schema(version)))
    assert [(e.type, e.field_name) for t in rapport.tasks for e in t.errors] == []
    lignes = list(csv.DictReader(io.StringIO((tmp_path / "e.csv").read_text(encoding="utf-8"))))
    lezignan = next(l for l in lignes if l["nom"] == "Médiathèque de Lézignan")
    assert lezignan["formations_labels"] == "ORDI 3.0"
    assert lezignan["autres_formations_labels"] == "Étapes numériques (La Poste)"
    assert lezignan["source"] == "Hub test"


def test_ni_fermes_ni_demonstration(registre):
    from sun.inclusion.lieux.services import fermer_lieu

    fermer_lieu(registre)
    noms = {lieu["nom"] for lieu in json.loads("".join(exports.json_standard()))}
    assert noms == {"France services de Quillan"}
    assert exports.lieux_incomplets().count() == 1


def test_geojson_et_data_inclusion(registre, client):
    collection = json.loads(
        b"".join(client.get("/lieux/export/lieux-de-mediation-numerique.geojson").streaming_content)
    )
    assert collection["type"] == "FeatureCollection" and len(collection["features"]) == 2
    assert collection["features"][0]["geometry"]["type"] == "Point"
    structures = json.loads(
        b"".join(client.get("/lieux/export/data-inclusion/structures.json").streaming_content)
    )
    services = json.loads(
        b"".join(client.get("/lieux/export/data-inclusion/services.json").streaming_content)
    )
    quillan = next(s for s in structures if s["nom"] == "France services de Quillan")
    assert set(quillan["reseaux_porteurs"]) == {"france-service", "conseillers-numeriques"}
    assert 50 <= len(quillan["description"]) <= 2000
    service = next(s for s in services if s["structure_id"] == quillan["id"])
    assert (
        "numerique--realiser-des-demarches-administratives-avec-un-accompagnement"
        in service["thematiques"]
    )
    assert service["publics"] == ["jeunes", "seniors"]


def test_url_stable_et_nom_recommande(registre, client, settings):
    settings.SUN_SIRET_PRODUCTEUR = "22110001600017"
    reponse = client.get("/lieux/export/lieux-de-mediation-numerique.csv")
    assert reponse["Content-Type"].startswith("text/csv")
    nom = reponse["Content-Disposition"].split('filename="')[1].rstrip('"')
    assert nom.endswith("_22110001600017_lieux-de-mediation-numerique_Aude.csv")
    assert nom[:10].count("-") == 2


def test_commande_exporter(registre, tmp_path, capsys):
    from sun import cli

    sortie = tmp_path / "lieux.csv"
    assert cli.main(["lieux", "exporter", "--sortie", str(sortie)]) == cli.OK
    assert "2 lieux publiés ; 1 lieux incomplets" in capsys.readouterr().out
    assert sortie.read_text(encoding="utf-8").startswith("id,pivot,nom")


def test_indicateurs_du_registre(registre):
    from sun.core import indicators

    lieux = indicators.obtenir("inclusion.lieux").calculer("departement", "11")
    assert lieux.valeur == 3  # the demonstration place does not count
    densite = indicators.obtenir("inclusion.lieux_pour_10000").calculer("departement", "11")
    assert densite.valeur == round(3 * 10_000 / 370_260, 2)
    assert indicators.obtenir("inclusion.lieux").calculer("commune", "11304").valeur == 1
