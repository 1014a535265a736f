"""SUN's implementations of the schemas' custom checks (valid and invalid rows), run in
frictionless's pass through `valider_descripteur` on a small schema each."""

from pathlib import Path

import pytest

from sun.donnees.validation import controles, schemas
from sun.donnees.validation.validateur import valider_descripteur

CONNU = schemas.SchemaConnu("essai/controles", "1.0", "Essai", Path("essai.json"), "fichier")


def _valider(tmp_path, champs, verifications, texte):
    descripteur = {"fields": [{"name": n, "type": t} for n, t in champs],
                   "custom_checks": verifications}  # fmt: skip
    chemin = tmp_path / "essai.csv"
    chemin.write_text(texte, encoding="utf-8")
    return valider_descripteur(chemin, descripteur, CONNU)


def _types(rapport):
    return {g.type: g.nombre for g in rapport.groupes}


def _groupe(rapport, type_):
    return next(g for g in rapport.groupes if g.type == type_)


def test_siret_luhn(tmp_path):
    rapport = _valider(tmp_path, [("s", "string")],
                       [{"name": "french-siret-value", "params": {"column": "s"}}],
                       "s\n44306184100047\n44306184100048\n1234\n\n35600000000048\n")  # fmt: skip
    assert _types(rapport) == {"french-siret-value": 2, "blank-row": 1}
    exemples = _groupe(rapport, "french-siret-value").exemples
    assert [e["ligne"] for e in exemples] == [3, 4]
    assert "clé de contrôle" in exemples[0]["message"] and "14 chiffres" in exemples[1]["message"]


def test_un_des_deux(tmp_path):
    rapport = _valider(tmp_path, [("a", "string"), ("b", "string"), ("c", "string")],
                       [{"name": "one-of-required", "params": {"column1": "a", "column2": "b"}}],
                       "a,b,c\n1,,x\n,2,x\n,,x\n")  # fmt: skip
    assert _types(rapport) == {"one-of-required": 1}
    assert rapport.groupes[0].exemples[0]["ligne"] == 4


def test_colonnes_solidaires(tmp_path):
    rapport = _valider(tmp_path, [("a", "string"), ("b", "string"), ("c", "integer"),
                                  ("d", "string")],
                       [{"name": "cohesive-columns-value",
                         "params": {"column": "a", "othercolumns": ["b", "c"]}}],
                       "a,b,c,d\n1,2,3,x\n,,,x\n1,,3,x\n")  # fmt: skip
    assert _types(rapport) == {"cohesive-columns-value": 1}
    assert "vides : b" in rapport.groupes[0].exemples[0]["message"]


def test_comparaison_nombres_et_dates(tmp_path):
    rapport = _valider(tmp_path, [("d1", "date"), ("d2", "date"), ("n1", "integer"),
                                  ("n2", "integer")],
                       [{"name": "compare-columns-value",
                         "params": {"column": "d2", "op": ">=", "column2": "d1"}},
                        {"name": "compare-columns-value",
                         "params": {"column": "n1", "op": ">=", "column2": "n2"}}],
                       "d1,d2,n1,n2\n2024-01-02,2024-01-03,10,9\n2024-01-02,2024-01-01,9,10\n"
                       "2024-01-02,,,\n")  # fmt: skip
    assert _types(rapport) == {"compare-columns-value": 2}
    assert all(e["ligne"] == 3 for e in rapport.groupes[0].exemples)


def test_somme(tmp_path):
    rapport = _valider(tmp_path, [("t", "integer"), ("a", "integer"), ("b", "integer")],
                       [{"name": "sum-columns-value", "params": {"column": "t",
                                                                 "columns": ["a", "b"]}}],
                       "t,a,b\n5,2,3\n6,2,3\n,2,3\n5,,3\n")  # fmt: skip
    assert _types(rapport) == {"sum-columns-value": 1}
    assert "(5)" in rapport.groupes[0].exemples[0]["message"]


@pytest.mark.parametrize("seule, attendu", [("yes", 2), ("no", 3)])
def test_intervalle_annees(tmp_path, seule, attendu):
    rapport = _valider(tmp_path, [("y", "string")],
                       [{"name": "year-interval-value",
                         "params": {"column": "y", "allow-year-only": seule}}],
                       "y\n2017/2018\n2024\n2019/2018\n20-19\n")  # fmt: skip
    assert _types(rapport) == {"year-interval-value": attendu}


def test_nomenclature_actes(tmp_path):
    rapport = _valider(tmp_path, [("m", "string")],
                       [{"name": "nomenclature-actes-value", "params": {"column": "m"}}],
                       "m\nFinances locales/Subventions\n"
                       "domaines de competences par themes/Aménagement\n"
                       "Urbanisme\nSport/Clubs\nFinances locales / Subventions\n")  # fmt: skip
    assert _types(rapport) == {"nomenclature-actes-value": 3}


def test_controle_inconnu_est_un_avertissement(tmp_path):
    rapport = _valider(tmp_path, [("a", "string")],
                       [{"name": "french-gps-coordinates", "params": {}},
                        {"name": "sum-columns-value", "params": {"column": "a"}}], "a\n1\n")  # fmt: skip
    assert rapport.statut == "valide"
    assert "Contrôle non pris en charge : « french-gps-coordinates »" in rapport.avertissements[0]
    assert "paramètres illisibles" in rapport.avertissements[1]


def test_parametres_des_schemas_livres_tous_compris():
    for connu in schemas.connus():
        _, avertissements = controles.depuis_schema(connu.descripteur())
        assert avertissements == [], connu.reference
    deliberations = schemas.obtenir("scdl/deliberations", "2.1.5").descripteur()
    assert len(controles.depuis_schema(deliberations)[0]) == 11
