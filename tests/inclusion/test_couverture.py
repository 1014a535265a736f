"""Coverage of communes by mediation places, checked against a direct haversine computation."""

import math

import numpy as np
import pytest

from sun.inclusion.analyses.couverture import TOUS, couverture, distances_au_plus_proche
from sun.inclusion.lieux.recherche import _vecteurs
from sun.inclusion.lieux.services import importer_lieux
from sun.territoire.models import Commune
from tests.inclusion.outils import ecrire_csv, lieu_v1

pytestmark = pytest.mark.django_db
DEMARCHES = "Aide aux démarches administratives"


def _haversine(lat1, lon1, lat2, lon2) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


def test_plus_proche_egal_au_calcul_direct():
    alea = np.random.default_rng(3)
    communes = np.column_stack((alea.uniform(42.5, 43.5, 400), alea.uniform(1.7, 3.2, 400)))
    lieux = np.column_stack((alea.uniform(42.5, 43.5, 60), alea.uniform(1.7, 3.2, 60)))
    arbre = distances_au_plus_proche(
        _vecteurs(communes[:, 0], communes[:, 1]), _vecteurs(lieux[:, 0], lieux[:, 1])
    )
    direct = [min(_haversine(*c, *l) for l in lieux) for c in communes]
    assert np.allclose(arbre, direct, atol=1e-6)
    assert np.isinf(distances_au_plus_proche(_vecteurs([43.0], [2.0]), np.empty((0, 3)))).all()


def test_couverture_de_l_aude(tmp_path):
    lignes = [
        lieu_v1(id="limoux", nom="France services de Limoux", commune="Limoux", code_postal="11300",
                code_insee="11206", latitude="43.0546", longitude="2.2187", services=DEMARCHES),
        lieu_v1(id="lezignan", services="Accès internet et matériel informatique"),
    ]  # fmt: skip
    importer_lieux(ecrire_csv(tmp_path / "lieux.csv", lignes), "Source test")
    resultat = couverture("11")
    assert len(resultat.codes) == Commune.objects.filter(departement__code="11").count()
    i = resultat.codes.index("11206")
    limoux = Commune.objects.get(code_insee="11206")
    assert resultat.distances[DEMARCHES][i] == pytest.approx(
        _haversine(limoux.latitude, limoux.longitude, 43.0546, 2.2187), abs=1e-6
    )
    carcassonne = resultat.codes.index("11069")
    assert 18 < resultat.distances[DEMARCHES][carcassonne] < 22  # help is in Limoux
    # « Every service » counts every place: from Carcassonne the nearest is Limoux's all the
    # same, from Lézignan it is Lézignan's own, much nearer than Limoux's help with procedures.
    assert resultat.distances[TOUS][carcassonne] == pytest.approx(
        resultat.distances[DEMARCHES][carcassonne], abs=1e-9
    )
    lezignan = resultat.codes.index("11203")
    assert resultat.distances[TOUS][lezignan] < 2 < 40 < resultat.distances[DEMARCHES][lezignan]
    total = int(resultat.populations.sum())
    assert 0 < resultat.population_a_moins_de(TOUS, 10) < total
    sans = resultat.communes_sans_lieu(DEMARCHES, 20)
    assert "11206" not in [resultat.codes[j] for j in sans]
    assert resultat.populations[sans[0]] >= resultat.populations[sans[-1]]  # most populated first
    assert couverture("11") is not None  # cached under the register's version


def test_page_de_couverture(client, utilisateur_avec_role, tmp_path):
    from sun.comptes.roles import Role
    from tests.outils import texte

    importer_lieux(ecrire_csv(tmp_path / "lieux.csv", [lieu_v1(id="lezignan")]), "Source test")
    assert client.get("/espace/couverture/").status_code == 302  # to the login page
    client.force_login(utilisateur_avec_role(Role.AGENT))
    page = texte(client.get("/espace/couverture/", {"service": DEMARCHES, "km": "10"}))
    assert "Communes sans lieu à moins de 10 km" in page and "Carcassonne" in page
    assert "Population à portée d'un lieu" in page and "data-valeurs=" in page
    csv = client.get("/espace/couverture/", {"format": "csv"}).content.decode("utf-8-sig")
    entete, *lignes = csv.splitlines()
    assert entete.startswith("code_insee;commune;epci;population;km_Aide aux démarches")
    assert len(lignes) == Commune.objects.filter(departement__code="11").count()
    lezignan = next(l for l in lignes if l.startswith("11203;"))
    assert lezignan.split(";")[4].startswith("0.")  # the place is in Lézignan
