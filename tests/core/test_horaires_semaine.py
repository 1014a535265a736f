"""The weekly editor's model: OSM → week → OSM, on the hours of real places."""

import csv
import json
from pathlib import Path

import pytest

from sun.core.horaires import osm_depuis_plages
from sun.core.horaires_semaine import (
    FERIES_FERME,
    FERIES_HABITUEL,
    Semaine,
    depuis_osm,
    equivalentes,
    vers_osm,
)
from sun.core.horaires_texte import osm_depuis_texte

DONNEES = Path(__file__).parents[1] / "donnees"


def horaires_reels() -> list[str]:
    """Every non-empty schedule of the real files shipped with the tests."""
    lieux = json.loads((DONNEES / "mednum-cli_input_aix-en-provence.json").read_text("utf-8"))
    with (DONNEES / "standard-mediation-num_exemple-valide_v1.0.2_main.csv").open(
        encoding="utf-8"
    ) as f:
        exemple = [ligne["horaires"] for ligne in csv.DictReader(f)]
    return sorted({h for h in [*(lieu["horaires"] for lieu in lieux), *exemple] if h})


HORAIRES_REELS = horaires_reels()


def test_il_y_a_des_horaires_reels():
    assert len(HORAIRES_REELS) >= 8


@pytest.mark.parametrize("expression", HORAIRES_REELS)
def test_aller_retour_sur_les_horaires_reels(expression):
    semaine = depuis_osm(expression)
    assert semaine is not None, expression  # every real schedule fits the editor
    assert equivalentes(vers_osm(semaine), expression)
    assert depuis_osm(vers_osm(semaine)) == semaine


def test_regle_suivante_remplace_les_jours_deja_vus():
    # OSM: the second rule replaces Wednesday and Friday entirely.
    semaine = depuis_osm("Tu-Sa 09:00-13:00,14:00-18:00; We,Fr 14:00-18:00")
    assert semaine.jours[2] == [("14:00", "18:00")]
    assert semaine.jours[1] == [("09:00", "13:00"), ("14:00", "18:00")]
    assert semaine.jours[0] == [] and semaine.feries == FERIES_HABITUEL
    assert vers_osm(semaine) == "Tu,Th,Sa 09:00-13:00,14:00-18:00; We,Fr 14:00-18:00"


def test_jours_feries_fermes_ou_habituels():
    assert depuis_osm("Mo-Fr 09:00-12:00; PH off").feries == FERIES_FERME
    semaine = Semaine(jours=[[("09:00", "12:00")]] * 5 + [[], []], feries=FERIES_HABITUEL)
    assert vers_osm(semaine) == "Mo-Fr 09:00-12:00"
    semaine.feries = FERIES_FERME
    assert vers_osm(semaine) == "Mo-Fr 09:00-12:00; PH off"


def test_jours_non_consecutifs_regroupes():
    semaine = Semaine(jours=[[], [("14:00", "18:00")], [], [], [("14:00", "18:00")], [], []])
    assert vers_osm(semaine) == "Tu,Fr 14:00-18:00; PH off"


def test_semaine_vide_sans_horaires():
    assert vers_osm(Semaine()) == ""
    assert depuis_osm("") == Semaine()


@pytest.mark.parametrize(
    "expression",
    [
        "week 1-53/2 Mo 09:00-12:00",  # even/odd weeks
        "Mo-Fr 09:00-12:00; Dec 25 off",  # a date
        "Jan-Jun Mo-Fr 09:00-12:00",  # a season
        'Mo-Fr 09:00-12:00 "sur rendez-vous"',  # a comment
        "Mo 08:00-10:00,11:00-12:00,14:00-16:00",  # three slots
        "Mo-Fr 18:00-02:00",  # past midnight
        "Mo-Fr 09:00-12:00 || unknown",  # fallback rule
        "24/7",
        "PH 10:00-12:00",  # special hours on public holidays
        "Mo[1] 09:00-12:00",  # first Monday of the month
    ],
)
def test_horaires_particuliers_ne_tiennent_pas_dans_l_editeur(expression):
    assert depuis_osm(expression) is None


def test_ecriture_libre_lue_par_sa_forme_canonique():
    assert vers_osm(depuis_osm("mo-fr 9:00-12:00")) == "Mo-Fr 09:00-12:00"


@pytest.mark.parametrize(
    "texte",
    ["du lundi au vendredi de 9h à 12h et de 14h à 17h", "lun-ven 8h30-12h", "mardi 14h-18h"],
)
def test_aller_retour_sur_les_horaires_convertis_d_un_texte(texte):
    expression, _ = osm_depuis_texte(texte)
    assert equivalentes(vers_osm(depuis_osm(expression)), expression)


def test_aller_retour_sur_les_horaires_des_mairies():
    expression, _ = osm_depuis_plages(
        [
            ["lundi", "jeudi", [["08:30:00", "12:30:00"], ["13:30:00", "17:30:00"]]],
            ["vendredi", "vendredi", [["08:30:00", "12:30:00"]]],
        ]
    )
    semaine = depuis_osm(expression)
    assert semaine.feries == FERIES_FERME
    assert vers_osm(semaine) == expression


@pytest.mark.parametrize(
    ("jour", "message"),
    [
        ([("12:00", "09:00")], "finit avant de commencer"),
        ([("09:00", "12:00"), ("11:00", "14:00")], "après la fin du 1er"),
        ([("08:00", "09:00"), ("10:00", "11:00"), ("12:00", "13:00")], "au plus 2"),
    ],
)
def test_creneaux_incoherents_refuses(jour, message):
    with pytest.raises(ValueError, match=message):
        vers_osm(Semaine(jours=[jour, [], [], [], [], [], []]))
