"""« Où ouvrir une permanence ? » on cases whose best answer is known."""

import numpy as np
import pytest

from sun.inclusion.analyses.implantation import proposer
from sun.inclusion.lieux.recherche import _vecteurs


def _cas(points):
    lat = np.array([p[0] for p in points])
    lon = np.array([p[1] for p in points])
    return _vecteurs(lat, lon)


def test_premier_site_la_ou_le_plus_de_monde_est_a_portee():
    # A town of 5,000 with two villages within 5 km, and a remote village of 800.
    xyz = _cas([(43.00, 2.00), (43.02, 2.00), (42.98, 2.01), (43.50, 2.50)])
    populations = np.array([5000, 300, 200, 800])
    proposition = proposer(xyz, populations, np.full(4, np.inf), nombre=2, km=5)
    assert [s.commune for s in proposition.sites] == [0, 3]
    assert [s.gain_habitants for s in proposition.sites] == [5500, 800]
    assert (proposition.habitants_avant, proposition.habitants_apres) == (0, 6300)


def test_ne_propose_pas_la_ou_l_aide_existe_deja_et_s_arrete_quand_tout_est_couvert():
    xyz = _cas([(43.00, 2.00), (43.50, 2.50)])
    populations = np.array([5000, 800])
    proposition = proposer(xyz, populations, np.array([1.0, np.inf]), nombre=5, km=10)
    assert [s.commune for s in proposition.sites] == [1]  # the town is already within reach
    assert proposition.habitants_avant == 5000 and proposition.habitants_apres == 5800


def test_la_fragilite_peut_changer_le_choix():
    xyz = _cas([(43.00, 2.00), (43.50, 2.50)])
    populations = np.array([1000, 800])
    assert proposer(xyz, populations, np.full(2, np.inf), nombre=1, km=5).sites[0].commune == 0
    fragilite = np.array([2.0, 9.0])
    assert (
        proposer(xyz, populations, np.full(2, np.inf), nombre=1, km=5, poids=fragilite)
        .sites[0]
        .commune
        == 1
    )


@pytest.mark.parametrize("nombre", [0, -1])
def test_aucun_site_demande(nombre):
    proposition = proposer(
        _cas([(43.0, 2.0)]), np.array([100]), np.array([np.inf]), nombre=nombre, km=5
    )
    assert proposition.sites == [] and proposition.habitants_apres == 0


@pytest.mark.django_db
def test_page_d_implantation(client, utilisateur_avec_role, tmp_path):
    from sun.comptes.roles import Role
    from sun.inclusion.lieux.services import importer_lieux
    from tests.inclusion.outils import ecrire_csv, lieu_v1
    from tests.outils import texte

    importer_lieux(ecrire_csv(tmp_path / "lieux.csv", [lieu_v1(id="lezignan")]), "Source test")
    assert client.get("/espace/couverture/implantation/").status_code == 302
    client.force_login(utilisateur_avec_role(Role.AGENT))
    page = texte(client.get("/espace/couverture/implantation/", {"nombre": "3", "km": "10"}))
    assert "Comment SUN choisit" in page and "Sites proposés" in page
    # The first site is the commune whose 10 km bring the most uncovered people, recomputed here
    # directly with haversine distances.
    from sun.territoire.models import Commune

    communes = list(Commune.objects.filter(departement__code="11", latitude__isnull=False)
                    .values_list("code_insee", "latitude", "longitude", "population_municipale"))  # fmt: skip
    lezignan = (43.2009, 2.7575)
    hors = [c for c in communes if _km(c[1:3], lezignan) > 10]
    meilleur = max(
        communes, key=lambda a: sum(c[3] or 0 for c in hors if _km(a[1:3], c[1:3]) <= 10)
    )
    csv = client.get(
        "/espace/couverture/implantation/", {"nombre": "3", "km": "10", "format": "csv"}
    )
    lignes = csv.content.decode("utf-8-sig").splitlines()
    assert lignes[0].startswith("rang;code_insee;commune") and len(lignes) == 4
    assert lignes[1].startswith(f"1;{meilleur[0]};")


def _km(a, b) -> float:
    import math

    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(math.sqrt(h))
