"""The feeds for harvesters: the DCAT-AP 3.0.1 graph (parsed back from Turtle and JSON-LD,
validated with pySHACL against the copied shapes), the data.json, and `sun donnees dcat`."""

import json
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, SH, SKOS

from sun.cli import main
from sun.donnees.flux import datajson, dcat
from sun.donnees.flux.adresses import Adresses
from tests.donnees.fabriques_flux import catalogue_de_test

pytestmark = pytest.mark.django_db

FORMES = Path(__file__).parent / "fichiers_flux"
BASE = "https://sun.exemple.fr"
SPDX = Namespace("http://spdx.org/rdf/terms#")


@pytest.fixture
def catalogue():
    return catalogue_de_test()


@pytest.fixture
def graphe(catalogue):
    return dcat.graphe(Adresses(BASE))


def _compter(g: Graph, classe) -> int:
    return len(set(g.subjects(RDF.type, classe)))


def _verifier_le_contenu(g: Graph, catalogue) -> None:
    assert _compter(g, DCAT.Catalog) == 1
    assert _compter(g, DCAT.Dataset) == 2  # the draft is left out
    assert _compter(g, DCAT.Distribution) == 3  # the resource without a published file too
    assert _compter(g, SPDX.Checksum) == 3
    r1 = catalogue["ressources"][0]
    distribution = URIRef(f"{BASE}/donnees/r/{r1.uuid}#distribution")
    assert g.value(distribution, DCAT.accessURL) == URIRef(f"{BASE}/donnees/r/{r1.uuid}")
    # The latest published version (2), not the unpublished 3.
    assert g.value(distribution, DCAT.downloadURL) == URIRef(f"{BASE}/donnees/r/{r1.uuid}/2")
    somme = g.value(distribution, SPDX.checksum)
    assert g.value(somme, SPDX.algorithm) == SPDX.checksumAlgorithm_sha1
    assert str(g.value(somme, SPDX.checksumValue)).lower() == \
        "da39a3ee5e6b4b0d3255bfef95601890afd80709"  # fmt: skip
    assert g.value(distribution, DCTERMS.conformsTo) == URIRef(
        "https://schema.data.gouv.fr/schemas/scdl/subventions/2.1.1/schema.json"
    )
    jeu = URIRef(f"{BASE}/donnees/subventions/#jeu")
    assert g.value(jeu, DCTERMS.title) == Literal("Subventions accordées", lang="fr")
    assert g.value(jeu, DCAT.landingPage) == URIRef(f"{BASE}/donnees/subventions/")
    assert g.value(jeu, DCTERMS.accrualPeriodicity) == URIRef(
        "http://publications.europa.eu/resource/authority/frequency/ANNUAL"
    )
    assert g.value(jeu, DCTERMS.spatial) == URIRef("http://id.insee.fr/geo/departement/11")
    periode = g.value(jeu, DCTERMS.temporal)
    assert str(g.value(periode, DCAT.startDate)) == "2024-01-01"
    assert set(g.objects(jeu, DCAT.keyword)) == {Literal("subventions", lang="fr"),
                                                  Literal("associations", lang="fr")}  # fmt: skip
    themes = set(g.objects(jeu, DCAT.theme))
    assert URIRef("http://publications.europa.eu/resource/authority/data-theme/ECON") in themes
    assert len(themes) == 4  # two portal themes and their EU data themes
    contact = g.value(jeu, DCAT.contactPoint)
    assert g.value(contact, URIRef("http://www.w3.org/2006/vcard/ns#hasEmail")) == \
        URIRef("mailto:donnees@example.org")  # fmt: skip
    lieux = URIRef(f"{BASE}/donnees/lieux/#jeu")
    assert set(g.objects(lieux, DCTERMS.spatial)) == {
        URIRef("http://id.insee.fr/geo/commune/11069"),
        URIRef("http://id.insee.fr/geo/commune/11262")}  # fmt: skip
    for theme in themes:
        assert g.value(theme, SKOS.prefLabel) is not None
        assert g.value(g.value(theme, SKOS.inScheme), DCTERMS.title) is not None


def test_le_turtle_et_le_json_ld_se_relisent(graphe, catalogue):
    _verifier_le_contenu(graphe, catalogue)
    turtle = Graph().parse(data=dcat.en_turtle(graphe), format="turtle")
    jsonld = Graph().parse(data=dcat.en_jsonld(graphe), format="json-ld")
    assert len(turtle) == len(jsonld) == len(graphe)
    _verifier_le_contenu(turtle, catalogue)
    _verifier_le_contenu(jsonld, catalogue)


def _resultats(g: Graph, formes: str, severite) -> list[str]:
    _conforme, rapport, _texte = validate(
        g, shacl_graph=str(FORMES / formes), shacl_graph_format="turtle",
        inference="none", advanced=False, meta_shacl=False,
    )  # fmt: skip
    lignes = []
    for resultat in rapport.subjects(RDF.type, SH.ValidationResult):
        if rapport.value(resultat, SH.resultSeverity) == severite:
            lignes.append(f"{rapport.value(resultat, SH.focusNode)} "
                          f"{rapport.value(resultat, SH.resultPath)} "
                          f"{rapport.value(resultat, SH.resultMessage)}")  # fmt: skip
    return lignes


def test_conforme_aux_formes_obligatoires_et_recommandees_de_dcat_ap(catalogue):
    from tests.donnees.factories import JeuFactory

    # A dataset with the bare minimum (no contact, theme, keyword, coverage, licence, file).
    JeuFactory(slug="pauvre", statut="publie", themes=[], mots_cles=[], contact_nom="",
               contact_email="", couverture_spatiale=[], editeur="", licence="")  # fmt: skip
    g = dcat.graphe(Adresses(BASE))
    assert _compter(g, DCAT.Dataset) == 3
    assert _resultats(g, "dcat-ap-3.0.1_shacl_shapes.ttl", SH.Violation) == []
    # Every recommended property SUN holds is given: the only warnings are for what a dataset
    # lacks, nothing is invented for it.
    avertissements = _resultats(g, "dcat-ap-3.0.1_shacl_shapes_recommended.ttl", SH.Warning)
    lieux, pauvre = f"{BASE}/donnees/lieux/#jeu", f"{BASE}/donnees/pauvre/#jeu"
    assert sorted(tuple(a.split(" ")[:2]) for a in avertissements) == sorted([
        (lieux, str(DCTERMS.temporal)), (lieux, str(DCAT.keyword)),
        (pauvre, str(DCAT.contactPoint)), (pauvre, str(DCAT.distribution)),
        (pauvre, str(DCAT.keyword)), (pauvre, str(DCTERMS.spatial)),
        (pauvre, str(DCTERMS.temporal)), (pauvre, str(DCAT.theme)),
    ])  # fmt: skip


def test_data_json(catalogue):
    document = datajson.catalogue(Adresses(BASE))
    json.loads(datajson.en_texte(document))
    assert document["conformsTo"] == "https://project-open-data.cio.gov/v1.1/schema"
    assert [j["title"] for j in document["dataset"]] == ["Lieux de médiation numérique",
                                                         "Subventions accordées"]  # fmt: skip
    lieux, subventions = document["dataset"]
    for jeu in document["dataset"]:
        for champ in ("title", "description", "keyword", "modified", "publisher",
                      "contactPoint", "identifier", "accessLevel"):  # fmt: skip
            assert jeu[champ], champ
    assert lieux["keyword"] == ["Action sociale, solidarités"]  # none given: the themes
    assert "hasEmail" not in lieux["contactPoint"]
    assert len(lieux["distribution"]) == 2
    assert subventions["temporal"] == "2024-01-01/2024-12-31"
    assert subventions["accrualPeriodicity"] == "R/P1Y"
    assert subventions["license"] == "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"
    assert subventions["contactPoint"]["hasEmail"] == "mailto:donnees@example.org"
    (distribution,) = subventions["distribution"]
    r1 = catalogue["ressources"][0]
    assert distribution["accessURL"] == f"{BASE}/donnees/r/{r1.uuid}"
    assert distribution["downloadURL"] == f"{BASE}/donnees/r/{r1.uuid}/2"
    assert distribution["mediaType"] == "text/csv"


def test_cli_dcat(catalogue, tmp_path, capsys, settings):
    settings.SUN_ADRESSE_SITE = "https://sun.exemple.fr/"
    fichier = tmp_path / "catalogue.ttl"
    assert main(["donnees", "dcat", "--sortie", str(fichier)]) == 0
    assert _compter(Graph().parse(fichier, format="turtle"), DCAT.Dataset) == 2
    assert main(["donnees", "dcat", "--format", "jsonld"]) == 0
    sortie = capsys.readouterr().out
    assert _compter(Graph().parse(data=sortie.split("\n", 1)[1], format="json-ld"),
                    DCAT.Distribution) == 3  # fmt: skip
    assert main(["donnees", "dcat", "--format", "data.json", "--adresse", "https://a.fr"]) == 0
    assert json.loads(capsys.readouterr().out)["dataset"][0]["landingPage"] == \
        "https://a.fr/donnees/lieux/"  # fmt: skip
    settings.SUN_ADRESSE_SITE = ""
    assert main(["donnees", "dcat"]) == 2
    assert "adresse publique du site est inconnue" in capsys.readouterr().err
