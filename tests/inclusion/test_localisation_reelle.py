"""Places located and attached to their commune as real files need: projected coordinates,
values out of range, points far from their commune, swapped values, no commune, homonyms."""

import pytest
from django.db.models import Count

from sun.inclusion.lieux.localisation import Referentiel, localiser
from sun.inclusion.lieux.normalisation import Signalements
from sun.inclusion.lieux.services import importer_lieux
from sun.inclusion.models import Lieu
from sun.territoire.models import Commune
from tests.inclusion.outils import ecrire_csv, lieu_v1

pytestmark = pytest.mark.django_db


def _localiser(**valeurs):
    lieu = {"code_insee": "", "code_postal": "", "commune": "", "adresse": "", "latitude": None,
            "longitude": None, **valeurs}  # fmt: skip
    signalements = Signalements()
    pk, precision = localiser(lieu, Referentiel(), signalements)
    return lieu, pk, precision, signalements


def _raisons(signalements) -> str:
    return " | ".join(s.raison for s in signalements.liste)


def test_lambert93_converti():
    # Carcassonne's town hall in Lambert-93 (x 647,300 m, y 6,233,800 m), stored the wrong way
    # round as in the real Maine-et-Loire file: latitude = y, longitude = x.
    lieu, _pk, precision, s = _localiser(code_insee="11069", latitude=6233800.0, longitude=647300.0)
    assert 43.15 < lieu["latitude"] < 43.25 and 2.3 < lieu["longitude"] < 2.4
    assert precision == "exacte" and "Lambert-93 converties" in _raisons(s)
    lieu, *_ = _localiser(code_insee="11069", latitude=647300.0, longitude=6233800.0)
    assert 43.15 < lieu["latitude"] < 43.25


def test_coordonnees_hors_limites_jamais_enregistrees():
    lieu, _pk, precision, s = _localiser(code_insee="11069", latitude=123456.0, longitude=999.0)
    assert precision == "commune" and abs(lieu["latitude"]) <= 90
    assert "hors limites" in _raisons(s)


def test_point_loin_de_sa_commune_replace_a_la_mairie_et_a_verifier(tmp_path):
    # A place of Limoux located in Provence (the Charente bus stop case).
    ligne = lieu_v1(commune="Limoux", code_postal="11300", code_insee="11206",
                    latitude="43.5297", longitude="5.4474")  # fmt: skip
    rapport = importer_lieux(ecrire_csv(tmp_path / "l.csv", [ligne]), "Hub test")
    lieu = Lieu.objects.get()
    assert lieu.statut == Lieu.Statut.A_VERIFIER and lieu.precision_localisation == "commune"
    assert 43.0 < lieu.latitude < 43.1 and 2.1 < lieu.longitude < 2.3
    assert any("km de la commune Limoux : à vérifier" in r.raison for r in rapport.rejets)


def test_une_place_correcte_n_est_jamais_inversee():
    # Without a commune to check against, correct coordinates stay as they are.
    lieu, _, precision, s = _localiser(latitude=43.2009, longitude=2.7575)
    assert (lieu["latitude"], lieu["longitude"]) == (43.2009, 2.7575) and precision == "exacte"
    assert "inversées" not in _raisons(s)
    # With its commune, only a swapped point that then falls inside it is swapped.
    lieu, _, _, s = _localiser(code_insee="11203", latitude=2.7575, longitude=43.2009)
    assert (lieu["latitude"], lieu["longitude"]) == (43.2009, 2.7575)
    assert "inversées" in _raisons(s)


def test_commune_trouvee_par_les_coordonnees():
    # All the Corsican places of their file had coordinates and no commune.
    ajaccio = Commune.objects.get(code_insee="2A004")
    lieu, pk, _, s = _localiser(latitude=41.9192, longitude=8.7386)
    assert pk == ajaccio.pk and lieu["code_insee"] == "2A004" and lieu["commune"] == ajaccio.nom
    assert "trouvée par les coordonnées" in _raisons(s)


def test_nom_officiel_de_la_commune_et_code_postal_complete():
    lieu, *_ = _localiser(code_insee="11206", commune="LIMOUX CEDEX")
    assert lieu["commune"] == "Limoux" and lieu["code_postal"] == "11300"


def test_homonymes_departages_par_le_code_postal_puis_les_coordonnees():
    nom, codes = _homonymes()
    a, b = (Commune.objects.get(code_insee=c) for c in codes[:2])
    # The name alone is ambiguous: the warning says so, with the candidates.
    _lieu, pk, _, s = _localiser(commune=nom)
    assert pk is None and "communes portent ce nom" in _raisons(s)
    assert "absente" not in _raisons(s)
    # The postcode's département tells them apart when they are in different ones.
    if a.code_insee[:2] != b.code_insee[:2]:
        _, pk, *_ = _localiser(commune=nom, code_postal=a.codes_postaux[0])
        assert pk == a.pk
    # The coordinates tell them apart too.
    _, pk, *_ = _localiser(commune=nom, latitude=b.latitude, longitude=b.longitude)
    assert pk == b.pk


def _homonymes() -> tuple[str, list[str]]:
    doubles = (
        Commune.objects.exclude(latitude=None).exclude(geometrie="").values("nom")
        .annotate(n=Count("pk")).filter(n__gt=1).order_by("nom")
    )  # fmt: skip
    nom = doubles[0]["nom"]
    codes = list(Commune.objects.filter(nom=nom).order_by("code_insee")
                 .values_list("code_insee", flat=True))  # fmt: skip
    return nom, codes
