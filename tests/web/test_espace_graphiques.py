"""Charts of the agent space readable on a phone: drawn 400 units wide with 14-unit text (about
11.5 px at 360 px), labels on their own line so that they are not cut to fit beside the bars."""

import re
from types import SimpleNamespace

from sun.core.graphiques import graphique_barres, graphique_indicateurs


def _ligne(libelle, valeur, masquee=False):
    return SimpleNamespace(libelle=libelle, valeur=valeur, masquee=masquee)


def test_barres_lisibles_sur_telephone():
    libelle = "Accompagnement aux démarches en ligne (impôts)"  # 46 characters
    svg = graphique_barres([_ligne(libelle, 12), _ligne("Courriel", 3, masquee=True)])
    largeur = int(re.search(r'viewBox="0 0 (\d+) ', svg).group(1))
    police = int(re.search(r'font-size="(\d+)"', svg).group(1))
    # Drawn at most 336 px wide on a 360 px phone: the text must stay above 11 px.
    assert police * 336 / largeur >= 11
    assert libelle in svg  # whole, not cut at 32 characters as before
    assert f'width="{largeur}"' in svg  # natural size where there is room
    # A masked count draws no bar and says « < 5 ».
    assert '<rect x="0" y="65" width="0.0"' in svg and "&lt; 5" in svg


def test_libelle_trop_long_coupe_proprement():
    svg = graphique_barres([_ligne("x" * 80, 5)])
    assert "x" * 51 + "…" in svg and "x" * 52 not in svg


def test_indicateurs_sur_une_ligne_chacun():
    suivi = SimpleNamespace(
        dernier_resultat=SimpleNamespace(resultat=30),
        prochaine_cible=SimpleNamespace(objectif=60),
        indicateur=SimpleNamespace(libelle="Part des communes couvertes à moins de 10 km"),
    )
    svg = graphique_indicateurs([suivi, suivi])
    assert svg.count("Part des communes couvertes à moins de 10 km") == 2
    assert "50 %" in svg
    assert graphique_indicateurs([]) == ""
