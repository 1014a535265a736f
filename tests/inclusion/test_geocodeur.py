"""The optional geocoder, tested against a local BAN-compatible server (no network)."""

import pytest

from sun.inclusion.lieux.services import importer_lieux
from sun.inclusion.models import Lieu
from tests.inclusion.outils import ecrire_csv, lieu_v1

pytestmark = pytest.mark.django_db


def test_lieu_sans_coordonnees_geocode_a_l_adresse(tmp_path, geocodeur):
    lignes = [
        lieu_v1(latitude="", longitude=""),
        lieu_v1(id="2", nom="Autre", adresse="lieu-dit inconnu", latitude="", longitude=""),
    ]
    importer_lieux(ecrire_csv(tmp_path / "g.csv", lignes), "Hub")
    sur = Lieu.objects.get(nom="Médiathèque de Lézignan")
    assert (sur.latitude, sur.longitude, sur.precision_localisation) == (43.2012, 2.7601, "adresse")
    assert geocodeur[0]["citycode"] == "11203" and "2 rue de la Poste" in geocodeur[0]["q"]
    douteux = Lieu.objects.get(nom="Autre")  # low score: placed at the town hall instead
    assert douteux.precision_localisation == "commune"


def test_geocodeur_injoignable_sans_effet(tmp_path, settings):
    settings.SUN_GEOCODEUR_URL = "http://127.0.0.1:9/search/"
    rapport = importer_lieux(
        ecrire_csv(tmp_path / "g.csv", [lieu_v1(latitude="", longitude="")]), "Hub"
    )
    assert rapport.compteurs["nouveaux"] == 1
    assert Lieu.objects.get().precision_localisation == "commune"
    assert any("géocodeur injoignable" in r.raison for r in rapport.rejets)
