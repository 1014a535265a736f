"""The desk orientation finds the person's commune with the same rules as the public search:
a postcode shared by several communes asks « Laquelle ? » and the agent picks one."""

import pytest

from sun.comptes.roles import Role
from sun.inclusion.models import Orientation
from tests.outils import texte

pytestmark = pytest.mark.django_db

REPONSES = {"equipements": ["smartphone"], "connexion": "mobile",
            "savoir_faire": ["appareil", "courriel"], "besoins": ["demarche"], "rayon": "20"}  # fmt: skip


def test_code_postal_partage_demande_laquelle_puis_prend_la_commune_choisie(
    client, utilisateur_avec_role
):
    client.force_login(utilisateur_avec_role(Role.AGENT))
    reponse = client.post("/espace/orientation/", {**REPONSES, "commune": "11140"})
    assert reponse.status_code == 200 and not Orientation.objects.exists()
    page = texte(reponse)
    assert "Laquelle ?" in page and "Axat" in page and "Ferrals-les-Corbières" not in page
    assert 'value="Axat 11140"' in reponse.content.decode()
    reponse = client.post(
        "/espace/orientation/", {**REPONSES, "commune": "11140", "commune_choisie": "Axat 11140"}
    )
    assert reponse.status_code == 302
    assert Orientation.objects.get().commune.nom == "Axat"


def test_ancienne_commune(client, utilisateur_avec_role):
    client.force_login(utilisateur_avec_role(Role.AGENT))
    reponse = client.post("/espace/orientation/", {**REPONSES, "commune": "Rouvenac"})
    assert reponse.status_code == 302
    assert Orientation.objects.get().commune.nom == "Val-du-Faby"


def test_les_distances_partent_de_l_ancienne_commune_tapee(client, utilisateur_avec_role):
    from sun.territoire.models import SubdivisionCommune

    client.force_login(utilisateur_avec_role(Role.AGENT))
    client.post("/espace/orientation/", {**REPONSES, "commune": "Fa"})
    orientation = Orientation.objects.get()
    fa = SubdivisionCommune.objects.get(nom="Fa", commune__departement__code="11")
    assert orientation.commune == fa.commune and orientation.origine == "Fa"
    assert (orientation.depart_latitude, orientation.depart_longitude) == (
        fa.latitude,
        fa.longitude,
    )
    page = texte(client.get(f"/espace/orientation/{orientation.pk}/"))
    assert "Lieux les plus proches de Fa" in page


def test_une_adresse_n_est_jamais_gardee_comme_point_de_depart(
    client, utilisateur_avec_role, geocodeur
):
    client.force_login(utilisateur_avec_role(Role.AGENT))
    client.post("/espace/orientation/", {**REPONSES, "commune": "2 rue de la Poste Lézignan"})
    orientation = Orientation.objects.get()
    assert orientation.commune.code_insee == "11203"
    assert orientation.depart_latitude is None and orientation.depart_nom == ""
