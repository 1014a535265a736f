"""Imports write in bulk: the number of queries of an import does not grow with its rows."""

import json
import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sun.inclusion.activites.importation import importer as importer_activites
from sun.inclusion.analyses.ifn import importer as importer_ifn
from sun.inclusion.lieux.services import importer_lieux
from sun.territoire.models import Commune
from tests.inclusion.outils import ecrire_csv, lieu_v1

pytestmark = pytest.mark.django_db

ESPACES = ["Médiathèque", "Espace numérique", "France services", "Tiers-lieu"]


def _requetes(fonction) -> int:
    with CaptureQueriesContext(connection) as requetes:
        fonction()
    return len(requetes)


def _mot(i: int) -> str:
    """A made-up word of its own for each place: names share nothing to compare."""
    alea = random.Random(i)
    return "".join(alea.choice("bcdfghjklmnpqrstvwxz") for _ in range(12))


def _lieux(tmp_path, nombre: int, nom: str, debut: int = 0):
    # One place per commune of the Aude, at its town hall: no pair of possible duplicates.
    communes = Commune.objects.filter(departement__code="11").order_by("code_insee")
    lignes = [
        lieu_v1(id=f"{nom}-{i}", nom=f"{ESPACES[i % 4]} {_mot(i)}", code_insee=c.code_insee,
                commune=c.nom, code_postal="", adresse="", pivot="", courriels="",
                telephone="", latitude="", longitude="")
        for i, c in enumerate(communes[debut : debut + nombre])
    ]  # fmt: skip
    return ecrire_csv(tmp_path / f"{nom}.csv", lignes)


def test_import_de_lieux_requetes_constantes(tmp_path):
    petit = _requetes(lambda: importer_lieux(_lieux(tmp_path, 5, "petit", debut=300), "Petit"))
    grand = _requetes(lambda: importer_lieux(_lieux(tmp_path, 150, "grand"), "Grand"))
    assert grand == petit
    # Re-importing (everything unchanged) and closing everything stay constant too.
    again = _requetes(lambda: importer_lieux(_lieux(tmp_path, 150, "grand"), "Grand"))
    assert again <= grand


def _ifn(tmp_path, nombre: int):
    entete = "name,division,code,no_thd_coverage_rate,no_4g_coverage_rate,poverty_rate,older_65_rate,nscol15p_rate,total\n"
    lignes = "".join(f"C{i},city,{11001 + i},1,2,3,4,5,3\n" for i in range(nombre))
    chemin = tmp_path / f"ifn-{nombre}.csv"
    chemin.write_text(entete + lignes, encoding="utf-8")
    return chemin


def test_import_ifn_requetes_constantes(tmp_path):
    assert _requetes(lambda: importer_ifn(_ifn(tmp_path, 3))) == _requetes(
        lambda: importer_ifn(_ifn(tmp_path, 90))
    )


def _activites(tmp_path, nombre: int, decalage: int):
    elements = [
        {"type": "activite", "id": f"00000000-0000-4000-8000-{decalage + i:012d}", "attributes": {
            "type": "individuel", "date": "2025-01-02", "duree": 30, "type_lieu": "domicile",
            "lieu_code_insee": "11069", "thematiques": ["email"]}}
        for i in range(nombre)
    ]  # fmt: skip
    chemin = tmp_path / f"activites-{nombre}.json"
    chemin.write_text(json.dumps({"data": elements}), encoding="utf-8")
    return chemin


def test_import_activites_requetes_constantes(tmp_path):
    petit = _requetes(lambda: importer_activites(_activites(tmp_path, 3, 0)))
    grand = _requetes(lambda: importer_activites(_activites(tmp_path, 80, 1000)))
    assert grand == petit
