"""The open-data exports against the schemas in force, on places covering every value.

The standard's CSV is written by the `sun lieux exporter` command (the function the web page
serves too) and validated by frictionless against the schema published on schema.data.gouv.fr
(v1.0.1, the latest tag) and the branch's v1.0.2: zero errors. The data·inclusion services
never call « gratuit » a place whose cost is unknown, paying or free only under conditions.
"""

import csv
import io
import json
import re
from datetime import UTC, datetime

import pytest
from frictionless import Resource, Schema, validate

from sun import cli
from sun.inclusion.lieux import exports
from sun.inclusion.lieux.services import fusionner
from sun.inclusion.lieux.standard import ENUMERATIONS, ETAPES_NUMERIQUES
from sun.inclusion.models import Lieu, SourceLieu
from tests.inclusion.factories import LieuFactory
from tests.inclusion.outils import DONNEES
from tests.territoire.factories import commune

pytestmark = pytest.mark.django_db

SCHEMA_EN_VIGUEUR = DONNEES / "standard-mediation-num_schema_v1.0.1.json"
SCHEMA_BRANCHE = DONNEES / "standard-mediation-num_schema_v1.0.2_main.json"
ORGANISATION = "Conseil départemental de l'Aude"
# 280 characters exactly, with what a CSV must quote: commas, quotes, a line break, accents.
RESUME_280 = ('Accueil « numérique », aides "pas à pas" ;\nateliers é' * 6)[:280]
VARIANTES = {
    "modalites_acces": ["Ce lieu n’accueille pas de public", "se présenter"],
    "dispositif_programmes_nationaux": ["Point d’accès numérique CAF"],
    "modalites_accompagnement": [
        "Dans un atelier collectif : j'apprends collectivement à utiliser le numérique",
        "À distance (par téléphone ou en visioconférence)",
    ],
    "services": ["Comprehension du monde numérique", "Service inventé"],
    "formations_labels": ["Étapes numériques(La Poste)", "Label inventé", "ordi 3.0"],
    "frais_a_charge": ["gratuit sous condition"],
}


def _descripteur(chemin) -> dict:
    return json.loads(chemin.read_text(encoding="utf-8"))


def _valeurs_du_schema(champ: dict) -> list[str]:
    """The values an enumerated field's pattern lists: `(?:(?:^|\\|)(A|B…))+$` → [A, B…]."""
    liste = re.fullmatch(r"\(\?:\(\?:\^\|\\\|\)\((.*)\)\)\+\$", champ["constraints"]["pattern"])
    return [re.sub(r"\\(.)", r"\1", v) for v in liste.group(1).split("|")]


def _source(lieu: Lieu, nom: str, rang: int) -> None:
    vu = datetime(2024, 1, 1 + rang, tzinfo=UTC)
    SourceLieu.objects.create(lieu=lieu, source=nom, identifiant=f"{nom}-{lieu.pk}", empreinte="e",
                              vu_la_premiere_fois=vu, vu_la_derniere_fois=vu)  # fmt: skip


@pytest.fixture
def registre(settings):
    settings.SUN_NOM_ORGANISATION = ORGANISATION
    tout = {champ: list(valeurs) for champ, valeurs in ENUMERATIONS.items()}
    lieux = {
        "tout": LieuFactory(nom="Toutes les valeurs", **tout, telephone="04 68 11 20 30",
                            autres_formations_labels=["APTIC"], pivot="W112003456"),
        "variantes": LieuFactory(nom="Variantes", **{c: list(v) for c, v in VARIANTES.items()}, telephone="+33 (0)4 68 11 20 30",
                                 presentation_resume=RESUME_280, pivot="12345678"),
        "sans_coordonnees": LieuFactory(nom="Sans coordonnées", latitude=None, longitude=None,
                                        precision_localisation=Lieu.Precision.AUCUNE,
                                        telephone="06 12", code_insee="1106", pivot=""),
        "outre_mer": LieuFactory(nom="Outre-mer", commune_ref=commune("97101"),
                                 telephone="0590 12 34 56", frais_a_charge=[], services=[]),
        "saisi": LieuFactory(nom="Saisi dans SUN", source="Saisie dans SUN"),
        "declare": LieuFactory(nom="Source déclarée", source="Hubik"),
        "incomplet": LieuFactory(nom="Code postal invalide", code_postal="1100"),
    }  # fmt: skip
    _source(lieux["declare"], "Hub test", 0)
    garde = LieuFactory(nom="Médiathèque fusionnée", source="")
    absorbe = LieuFactory(nom="Médiathèque fusionnée", source="", commune_ref=garde.commune_ref)
    _source(garde, "Hub test", 1)
    _source(absorbe, "Coop numérique", 2)
    _source(absorbe, "hub TEST", 3)  # the same source, spelt otherwise: named once
    lieux["fusionne"] = fusionner(garde, absorbe)
    return lieux


def _exporter(tmp_path, capsys):
    sortie = tmp_path / "lieux.csv"
    assert cli.main(["lieux", "exporter", "--sortie", str(sortie)]) == cli.OK
    assert "7 lieux publiés ; 1 lieux incomplets" in capsys.readouterr().out
    texte = sortie.read_text(encoding="utf-8")
    return sortie, {l["nom"]: l for l in csv.DictReader(io.StringIO(texte))}


@pytest.mark.parametrize("schema", [SCHEMA_EN_VIGUEUR, SCHEMA_BRANCHE], ids=["v1.0.1", "v1.0.2"])
def test_csv_sans_aucune_erreur(registre, tmp_path, capsys, schema):
    sortie, _ = _exporter(tmp_path, capsys)
    descripteur = _descripteur(schema)
    rapport = validate(Resource(path=sortie.name, basepath=str(tmp_path),
                                schema=Schema.from_descriptor(descripteur)))  # fmt: skip
    erreurs = [(e.type, e.field_name, e.note) for t in rapport.tasks for e in t.errors]
    assert erreurs == []
    assert rapport.valid and rapport.tasks[0].stats["rows"] == 7
    en_tete = sortie.read_text(encoding="utf-8").splitlines()[0]
    assert en_tete.split(",") == [champ["name"] for champ in descripteur["fields"]]


def test_chaque_valeur_du_schema_en_vigueur_est_exportee(registre, tmp_path, capsys):
    _, lignes = _exporter(tmp_path, capsys)
    exportees = {c: set() for c in ENUMERATIONS}
    for ligne in lignes.values():
        for champ in ENUMERATIONS:
            exportees[champ] |= set(filter(None, ligne[champ].split("|")))
    for champ in _descripteur(SCHEMA_EN_VIGUEUR)["fields"]:
        if champ["name"] in ENUMERATIONS:
            assert exportees[champ["name"]] == set(_valeurs_du_schema(champ)), champ["name"]
    tout = lignes["Toutes les valeurs"]
    assert tout["autres_formations_labels"] == f"APTIC|{ETAPES_NUMERIQUES}"
    assert tout["modalites_acces"].split("|") == ENUMERATIONS["modalites_acces"]


def test_variantes_ecrites_comme_le_schema(registre, tmp_path, capsys):
    _, lignes = _exporter(tmp_path, capsys)
    ligne = lignes["Variantes"]
    assert ligne["modalites_acces"] == "Ce lieu n'accueille pas de public|Se présenter"
    assert ligne["dispositif_programmes_nationaux"] == "Point d'accès numérique CAF"
    assert ligne["modalites_accompagnement"] == "Dans un atelier collectif|À distance"
    assert ligne["services"] == "Compréhension du monde numérique"
    assert ligne["formations_labels"] == "ORDI 3.0"
    assert ligne["autres_formations_labels"] == f"{ETAPES_NUMERIQUES}|Label inventé"
    assert ligne["frais_a_charge"] == "Gratuit sous condition"
    assert ligne["presentation_resume"] == RESUME_280
    assert ligne["pivot"] == exports.PIVOT_INCONNU


def test_telephone_coordonnees_codes(registre, tmp_path, capsys):
    _, lignes = _exporter(tmp_path, capsys)
    assert lignes["Toutes les valeurs"]["telephone"] == "+33468112030"
    assert lignes["Variantes"]["telephone"] == "+33468112030"
    assert lignes["Outre-mer"]["telephone"] == "+590590123456"
    sans = lignes["Sans coordonnées"]
    assert (sans["telephone"], sans["latitude"], sans["longitude"]) == ("", "", "")
    assert (sans["code_insee"], sans["pivot"]) == ("", exports.PIVOT_INCONNU)
    assert lignes["Toutes les valeurs"]["pivot"] == "W112003456"
    assert float(lignes["Outre-mer"]["latitude"]) == pytest.approx(registre["outre_mer"].latitude)
    assert lignes["Outre-mer"]["date_maj"] == "2024-05-02"
    assert "Code postal invalide" not in lignes


def test_source_remplie(registre, tmp_path, capsys):
    _, lignes = _exporter(tmp_path, capsys)
    assert lignes["Médiathèque fusionnée"]["source"] == "Hub test|Coop numérique"
    assert lignes["Source déclarée"]["source"] == "Hubik|Hub test"
    assert lignes["Saisi dans SUN"]["source"] == ORGANISATION
    assert lignes["Toutes les valeurs"]["source"] == "Hub test"
    assert all(ligne["source"] for ligne in lignes.values())


def test_resume_trop_long_raccourci():
    lieu = LieuFactory.build(presentation_resume="mot " * 100)
    resume = exports.valeurs_standard(lieu, ORGANISATION)["presentation_resume"]
    assert len(resume) <= 280 and resume.endswith("…")


FRAIS = [
    ([], None, None),
    (["Gratuit"], "gratuit", None),
    (["Payant"], "payant", None),
    (["Gratuit sous condition"], "payant", "Gratuit sous condition"),
    (["Gratuit", "Payant"], "payant", "Gratuit, Payant"),
    (["Gratuit", "Gratuit sous condition"], "payant", "Gratuit, Gratuit sous condition"),
    (["gratuit sous condition"], "payant", "Gratuit sous condition"),
    (["Valeur inconnue"], None, None),
]


@pytest.mark.parametrize(("frais_a_charge", "frais", "precisions"), FRAIS)
def test_frais_data_inclusion(client, frais_a_charge, frais, precisions):
    lieu = LieuFactory(frais_a_charge=frais_a_charge)
    services = json.loads(
        b"".join(client.get("/lieux/export/data-inclusion/services.json").streaming_content)
    )
    service = next(s for s in services if s["structure_id"] == str(lieu.pk))
    assert (service["frais"], service["frais_precisions"]) == (frais, precisions)


def test_jamais_gratuit_sans_le_dire(registre, client):
    """The 6,124 services of the tester's file: unknown, paying or conditional, never gratuit."""
    services = json.loads(
        b"".join(client.get("/lieux/export/data-inclusion/services.json").streaming_content)
    )
    assert len(services) == 7
    frais = {str(l.pk): l.frais_a_charge for l in Lieu.objects.all()}
    for service in services:
        assert service["frais"] in ("gratuit", "payant", None)
        gratuit = frais[service["structure_id"]] == ["Gratuit"]
        assert (service["frais"] == "gratuit") == gratuit, frais[service["structure_id"]]
    outre_mer = next(s for s in services if s["structure_id"] == str(registre["outre_mer"].pk))
    assert outre_mer["frais"] is None and outre_mer["frais_precisions"] is None
