"""What a person types, turned into a point: commune, postal code, INSEE code, address."""

import pytest

from sun.territoire.positions import PositionIntrouvable, position_appareil, resoudre

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("texte", ["Limoux", "limoux", "Limoux 11300", "11206", "  LIMOUX  "])
def test_commune_code_postal_ou_insee(texte):
    position = resoudre(texte)
    assert position.commune.code_insee == "11206" and position.precision == "commune"
    assert abs(position.latitude - 43.05) < 0.1 and position.code_departement == "11"


def test_adresse_sans_geocodeur_donne_la_commune():
    position = resoudre("12 rue de la Mairie 11000 Carcassonne")
    assert position.commune.code_insee == "11069" and position.precision == "commune"
    assert "d'après" in position.libelle
    assert resoudre("3 place du marché, Limoux").commune.code_insee == "11206"


def test_adresse_avec_geocodeur(geocodeur):
    position = resoudre("2 rue de la Poste Lézignan")
    assert position.precision == "adresse" and position.commune.code_insee == "11203"
    assert (position.latitude, position.longitude) == (43.2012, 2.7601)


def test_commune_inconnue_propose_des_noms_proches():
    with pytest.raises(PositionIntrouvable) as erreur:
        resoudre("Limouxx")
    assert "Aucune commune ne correspond à « Limouxx »" in str(erreur.value)
    assert "Limoux" in [c.nom for c in erreur.value.suggestions]


def test_recherche_vide():
    with pytest.raises(PositionIntrouvable, match="Indiquez une commune"):
        resoudre("   ")


def test_position_de_l_appareil_rattachee_a_la_commune_la_plus_proche():
    position = position_appareil(43.2130, 2.3491)
    assert position.commune.code_insee == "11069" and position.precision == "appareil"
    assert position_appareil(0.0, -140.0).commune is None  # the middle of the Pacific
