import pytest

from sun.core.branding import accessible_colour, contrast_with_white
from sun.core.text import article_de, avec_article, heure, nombre, normaliser_recherche


@pytest.mark.parametrize(
    ("nom", "type_nom", "complet", "de"),
    [
        ("Aude", 5, "L'Aude", "de l'Aude"),
        ("Gard", 2, "Le Gard", "du Gard"),
        ("Yvelines", 4, "Les Yvelines", "des Yvelines"),
        ("Somme", 3, "La Somme", "de la Somme"),
        ("Paris", 0, "Paris", "de Paris"),
        ("Eure-et-Loir", 1, "Eure-et-Loir", "d'Eure-et-Loir"),
        ("Mans", 2, "Le Mans", "du Mans"),
    ],
)
def test_articles_insee(nom, type_nom, complet, de):
    assert avec_article(nom, type_nom) == complet
    assert article_de(nom, type_nom) == de


def test_normalisation_recherche():
    assert normaliser_recherche("Lézignan-Corbières") == "lezignan corbieres"
    assert normaliser_recherche("  ST-Hilaire ") == "saint hilaire"
    assert normaliser_recherche("Ste Marie") == "sainte marie"
    assert normaliser_recherche("L'Œuf") == "l oeuf"


def test_nombres_et_heures_a_la_francaise():
    assert nombre(370260) == "370\u202f260"
    assert nombre(12.345, 1) == "12,3"
    assert nombre(None) == "non disponible"
    assert heure(9, 0) == "9 h"
    assert heure(13, 30) == "13 h 30"


def test_couleur_trop_claire_assombrie_pour_le_contraste():
    with pytest.warns(UserWarning, match="trop claire"):
        couleur = accessible_colour("#ffcc00")
    rgb = tuple(int(couleur[i : i + 2], 16) for i in (1, 3, 5))
    assert contrast_with_white(rgb) >= 4.5


def test_couleur_invalide_remplacee():
    with pytest.warns(UserWarning, match="n'est pas une couleur"):
        assert accessible_colour("bleu") == "#1b5e7a"
    assert accessible_colour("#1b5e7a") == "#1b5e7a"
