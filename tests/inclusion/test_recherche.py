"""Searching places around a point: the KD-tree index, filters, opening hours, sync."""

import math
import random
from datetime import datetime
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from sun.inclusion.lieux import recherche
from sun.inclusion.lieux.recherche import CritereInvalide, Criteres, lire_filtres, rechercher
from sun.inclusion.lieux.services import fermer_lieu, importer_lieux
from sun.inclusion.models import Lieu
from tests.inclusion.outils import ecrire_csv, lieu_v1

pytestmark = pytest.mark.django_db

CARCASSONNE = (43.2130, 2.3491)
PARIS = ZoneInfo("Europe/Paris")
# A Tuesday at 15:00, Christmas day (a public holiday) at 15:00, a Saturday at 10:00.
MARDI = datetime(2026, 12, 1, 15, 0, tzinfo=PARIS)
NOEL = datetime(2026, 12, 25, 15, 0, tzinfo=PARIS)
SAMEDI = datetime(2026, 12, 5, 10, 0, tzinfo=PARIS)


@pytest.fixture
def lieux(tmp_path):
    lignes = [
        lieu_v1(id="carca", nom="Médiathèque Grain d'Aile", commune="Carcassonne", code_postal="11000",
                code_insee="11069", latitude="43.2130", longitude="2.3491", horaires="Tu-Fr 14:00-18:00; PH off",
                services="Aide aux démarches administratives"),
        lieu_v1(id="limoux", nom="France services de Limoux", commune="Limoux", code_postal="11300",
                code_insee="11206", latitude="43.0546", longitude="2.2187", horaires="Mo-Sa 09:00-12:00",
                services="Maîtrise des outils numériques du quotidien", frais_a_charge="Payant"),
        lieu_v1(id="lezignan", latitude="43.2009", longitude="2.7575",
                services="Accès internet et matériel informatique", horaires=""),
        lieu_v1(id="narbonne", nom="Espace numérique de Narbonne", commune="Narbonne", code_postal="11100",
                code_insee="11262", latitude="43.1839", longitude="3.0042", horaires="Mo-Fr 09:00-17:00"),
    ]  # fmt: skip
    importer_lieux(ecrire_csv(tmp_path / "lieux.csv", lignes), "Source test")
    return {lieu.nom: lieu for lieu in Lieu.objects.all()}


def _noms(resultats) -> list[str]:
    return [t.lieu.nom for t in resultats.trouves]


def test_rayon_et_tri_par_distance(lieux):
    resultats = rechercher(Criteres(*CARCASSONNE, rayon_km=40), maintenant=MARDI)
    assert _noms(resultats) == ["Médiathèque Grain d'Aile", "France services de Limoux",
                                "Médiathèque de Lézignan"]  # fmt: skip
    distances = [t.distance_km for t in resultats.trouves]
    assert distances[0] < 0.1 and 20 < distances[1] < 21 and 32 < distances[2] < 35
    assert rechercher(Criteres(*CARCASSONNE, rayon_km=100), maintenant=MARDI).total == 4


def test_filtres_une_valeur_suffit_et_les_filtres_se_cumulent(lieux):
    services = {
        "services": [
            "Aide aux démarches administratives",
            "Maîtrise des outils numériques du quotidien",
        ]
    }
    assert set(_noms(rechercher(Criteres(*CARCASSONNE, 40, services)))) == {
        "Médiathèque Grain d'Aile", "France services de Limoux"}  # fmt: skip
    cumul = {**services, "frais_a_charge": ["Payant"]}
    assert _noms(rechercher(Criteres(*CARCASSONNE, 40, cumul))) == ["France services de Limoux"]


def test_valeurs_de_filtre_pardonnees_ou_signalees():
    filtres, inconnues = lire_filtres({"services": ["aide aux demarches administratives", "Cuisine"],
                                       "frais_a_charge": ["GRATUIT"]})  # fmt: skip
    assert filtres == {
        "services": ["Aide aux démarches administratives"],
        "frais_a_charge": ["Gratuit"],
    }
    assert inconnues == [("services", "Cuisine")]


def test_ouvert_maintenant_jour_donne_et_jours_feries(lieux):
    def ouverts(moment, **criteres):
        return set(_noms(rechercher(Criteres(*CARCASSONNE, 100, **criteres), maintenant=moment)))

    assert ouverts(MARDI, ouvert_maintenant=True) == {
        "Médiathèque Grain d'Aile",
        "Espace numérique de Narbonne",
    }
    # Christmas is a public holiday: « PH off » closes the médiathèque; a Friday otherwise.
    assert ouverts(NOEL, ouvert_maintenant=True) == {"Espace numérique de Narbonne"}
    assert ouverts(MARDI, jour=5) == {"France services de Limoux"}  # open on Saturdays
    instant = datetime(2026, 12, 5, 10, 0)  # a Saturday morning, local time
    assert ouverts(MARDI, ouvert_a=instant) == {"France services de Limoux"}


def test_etat_et_prochaine_ouverture(lieux):
    resultats = rechercher(Criteres(*CARCASSONNE, 1), maintenant=SAMEDI)
    assert resultats.trouves[0].etat.phrase == "Fermé, ouvre mardi à 14 h"
    sans_horaires = rechercher(Criteres(43.2009, 2.7575, 1), maintenant=SAMEDI)
    assert sans_horaires.trouves[0].etat is None


def test_index_suit_le_registre(lieux):
    assert rechercher(Criteres(*CARCASSONNE, 5)).total == 1
    fermer_lieu(Lieu.objects.get(nom="Médiathèque Grain d'Aile"), commentaire="test")
    assert rechercher(Criteres(*CARCASSONNE, 5)).total == 0


def test_recherche_sans_parcourir_la_table(lieux, django_assert_max_num_queries):
    rechercher(Criteres(*CARCASSONNE, 40))  # builds the index
    with django_assert_max_num_queries(1):  # the page's places only
        resultats = rechercher(Criteres(*CARCASSONNE, 40))
    assert resultats.total == 3


def test_sans_position_tous_les_lieux_par_nom(lieux):
    resultats = rechercher(Criteres(None, None))
    assert _noms(resultats) == sorted(_noms(resultats), key=str.lower) and resultats.total == 4
    assert all(t.distance_km is None for t in resultats.trouves)


def test_criteres_absurdes():
    with pytest.raises(CritereInvalide, match="latitude"):
        rechercher(Criteres(123, 2))
    with pytest.raises(CritereInvalide, match="rayon"):
        rechercher(Criteres(43, 2, rayon_km=0))
    with pytest.raises(CritereInvalide, match="Jour inconnu"):
        recherche.lire_jour("funday")


def test_arbre_egal_a_un_calcul_direct():
    """The KD-tree on unit vectors finds exactly the points a haversine scan finds."""
    alea = random.Random(4)
    points = [(alea.uniform(41, 51), alea.uniform(-5, 9)) for _ in range(3000)]
    vecteurs = recherche._vecteurs([p[0] for p in points], [p[1] for p in points])
    arbre = recherche.cKDTree(vecteurs)
    for _ in range(20):
        centre = (alea.uniform(42, 50), alea.uniform(-4, 8))
        rayon = alea.choice([5, 20, 60, 100])
        attendus = {
            i
            for i, (lat, lon) in enumerate(points)
            if _haversine(centre, (lat, lon)) <= rayon - 1e-6
        }
        trouves = set(arbre.query_ball_point(recherche._vecteurs([centre[0]], [centre[1]])[0],
                                             recherche._corde(rayon)))  # fmt: skip
        assert attendus <= trouves and all(
            _haversine(centre, points[i]) <= rayon + 1e-6 for i in trouves
        )
    assert np.isclose(recherche._corde(0), 0)


def _haversine(a, b) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * recherche.RAYON_TERRE_KM * math.asin(math.sqrt(h))
