import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sun.core.horaires import Horaires, valider
from sun.core.horaires_texte import (
    APRES_MIDI,
    JOURNEE,
    MATIN,
    osm_depuis_colonnes,
    osm_depuis_texte,
)

# Free text as departmental files, websites and data.gouv.fr exports write it.
TEXTES = [
    ("du lundi au vendredi de 9h à 12h et de 14h à 17h", "Mo-Fr 09:00-12:00,14:00-17:00"),
    ("le mardi matin", "Tu 09:00-12:00"),
    ("lundi, mercredi et vendredi : 9h-12h30", "Mo,We,Fr 09:00-12:30"),
    ("Lundi : 9h00 - 12h00 / 13h30 - 17h30 ; Mardi : fermé", "Mo 09:00-12:00,13:30-17:30"),
    ("lun-ven 8h30-12h", "Mo-Fr 08:30-12:00"),
    ("mar. 14h-18h", "Tu 14:00-18:00"),
    (
        "Du lundi au jeudi 9h-12h 14h-17h, vendredi 9h-12h",
        "Mo-Th 09:00-12:00,14:00-17:00; Fr 09:00-12:00",
    ),
    ("samedi de 10 h à 12 h", "Sa 10:00-12:00"),
    ("9h-12h du lundi au vendredi", "Mo-Fr 09:00-12:00"),
    ("Lundi au vendredi : 08:30-12:00 13:30-17:00", "Mo-Fr 08:30-12:00,13:30-17:00"),
    ("les lundis et jeudis après-midi", "Mo,Th 14:00-17:00"),
    ("tous les jours 10h-18h", "Mo-Su 10:00-18:00"),
    ("lundi 9.30-12h, mardi 9h à midi", "Mo 09:30-12:00; Tu 09:00-12:00"),
    ("jeudi 09:30-11:45", "Th 09:30-11:45"),
    ("LUNDI AU VENDREDI DE 9H À 12H", "Mo-Fr 09:00-12:00"),
    ("Lundi\u00a0: 9\u202fh – 12\u202fh", "Mo 09:00-12:00"),
    ("lundi 9h—12h", "Mo 09:00-12:00"),
    ("LUN. AU VEN. 9H-12H", "Mo-Fr 09:00-12:00"),
    ("Lu-Ve 9h-12h, Sa 10h-12h", "Mo-Fr 09:00-12:00; Sa 10:00-12:00"),
    ("Lu, Ma, Je : 9h-12h", "Mo,Tu,Th 09:00-12:00"),
    ("mardi, jeudi : 9h/12h - 14h/17h", "Tu,Th 09:00-12:00,14:00-17:00"),
    ("de 9 à 12h le jeudi", "Th 09:00-12:00"),
    ("lundi 18h-minuit", "Mo 18:00-24:00"),
    ("Du lundi au vendredi :\n9h-12h\n14h-17h", "Mo-Fr 09:00-12:00,14:00-17:00"),
    ("9h00-12h00 / 14h00-17h00 du lundi au vendredi", "Mo-Fr 09:00-12:00,14:00-17:00"),
    ("De 9h à 12h : lundi, mardi, jeudi", "Mo,Tu,Th 09:00-12:00"),
    ("9h-12h du lundi au vendredi, samedi 10h-12h", "Mo-Fr 09:00-12:00; Sa 10:00-12:00"),
    ("lundi 9h-12h, 14h-17h, mardi 10h-12h", "Mo 09:00-12:00,14:00-17:00; Tu 10:00-12:00"),
    ("Lundi matin et jeudi après-midi", "Mo 09:00-12:00; Th 14:00-17:00"),
    ("le samedi matin de 9h30 à 11h30", "Sa 09:30-11:30"),
    ("Mardi 9h-12h et après-midi", "Tu 09:00-12:00,14:00-17:00"),
    ("mercredi toute la journée", "We 09:00-17:00"),
    ("du lundi au vendredi de 9h à 17h en journée continue", "Mo-Fr 09:00-17:00"),
    ("Horaires d'ouverture : du lundi au vendredi de 9h à 17h", "Mo-Fr 09:00-17:00"),
    ("En semaine 9h-18h, le samedi 9h-12h", "Mo-Fr 09:00-18:00; Sa 09:00-12:00"),
    ("24h/24 7j/7", "Mo-Su 00:00-24:00"),
    ("du vendredi au lundi 10h-12h", "Mo,Fr-Su 10:00-12:00"),
    ("tous les jours sauf le dimanche 10h-19h", "Mo-Sa 10:00-19:00"),
    (
        "du lundi au samedi de 9h à 12h, le mercredi après-midi de 14h à 17h",
        "Mo,Tu,Th-Sa 09:00-12:00; We 09:00-12:00,14:00-17:00",
    ),
    (
        "Lundi : 9h-12h\nMardi : 14h-17h\nMercredi : fermé\nJeudi : 9h-12h / 14h-17h\n"
        "Vendredi : 9h-12h",
        "Mo,Fr 09:00-12:00; Tu 14:00-17:00; Th 09:00-12:00,14:00-17:00",
    ),
    # Closures only remove hours.
    ("lundi 8h-18h fermé de 12h à 13h30", "Mo 08:00-12:00,13:30-18:00"),
    (
        "du lundi au vendredi 9h-17h sauf le mercredi après-midi",
        "Mo,Tu,Th,Fr 09:00-17:00; We 09:00-12:00",
    ),
    ("tous les jours 10h-18h sauf le lundi", "Tu-Su 10:00-18:00"),
    (
        "Du lundi au vendredi de 8h30 à 12h00 et de 13h30 à 17h00. Fermé le week-end et les "
        "jours fériés.",
        "Mo-Fr 08:30-12:00,13:30-17:00; PH off",
    ),
]


@pytest.mark.parametrize(("texte", "attendu"), TEXTES)
def test_texte_converti_en_osm(texte, attendu):
    expression, _ = osm_depuis_texte(texte)
    assert expression == attendu


def test_demi_journees_conventionnelles():
    assert (MATIN, APRES_MIDI, JOURNEE) == (
        ("09:00", "12:00"),
        ("14:00", "17:00"),
        ("09:00", "17:00"),
    )


def test_texte_bien_compris_sans_remarque():
    assert osm_depuis_texte("du lundi au vendredi de 9h à 12h et de 14h à 17h")[1] == []


@pytest.mark.parametrize(
    ("texte", "remarque"),
    [
        ("fermé", "« fermé » : fermé"),
        ("Fermé le lundi", "« Fermé le lundi » : fermé"),
        ("sur rendez-vous", "« sur rendez-vous » : sur rendez-vous"),
        ("uniquement sur RDV", "« sur RDV » : sur rendez-vous"),
        ("Mardi matin sur rendez-vous", "« Mardi matin sur rendez-vous » : sur rendez-vous"),
        ("voir site internet", "« voir site internet » non compris"),
        ("Tel : 04 68 11 22 33", "« Tel : 04 68 11 22 33 » non compris"),
        ("9h-12h", "« 9h-12h » : horaires sans jours"),
        ("le lundi", "« lundi » : jours sans horaires"),
        ("lundi 25h-12h", "« 25h-12h » : heure impossible"),
        ("lundi de 9h à 25h", "« 9h à 25h » : heure impossible"),
        ("lundi 14h-9h", "« 14h-9h » : créneau inversé"),
        ("lundi 12h-12h", "« 12h-12h » : créneau inversé"),
        ("lundi jusqu'à 17h", "« lundi jusqu'à 17h » non compris"),
        (
            "Permanence le 1er mardi du mois de 14h à 16h",
            "« 1er mardi du mois de 14h à 16h » non compris",
        ),
        ("Horaires d'été : lundi 9h-17h", "« été : lundi 9h-17h » non compris"),
        ("sa permanence 9h-12h", "« sa permanence 9h-12h » non compris"),
    ],
)
def test_rien_compris_donne_une_expression_vide_et_une_remarque(texte, remarque):
    expression, remarques = osm_depuis_texte(texte)
    assert expression == ""
    assert remarque in remarques


def test_fermeture_notee_mais_pas_inventee():
    expression, remarques = osm_depuis_texte("Lundi : 9h-12h ; Mardi : fermé")
    assert expression == "Mo 09:00-12:00"
    assert remarques == ["« Mardi : fermé » : fermé"]


def test_rendez_vous_signale_et_demi_journee_non_convertie():
    expression, remarques = osm_depuis_texte(
        "du lundi au vendredi 9h-12h et sur rendez-vous l'après-midi"
    )
    assert expression == "Mo-Fr 09:00-12:00"
    assert remarques == ["« sur rendez-vous l'après-midi » : sur rendez-vous"]


def test_horaires_ecrits_avec_rendez_vous_gardes_et_signales():
    expression, remarques = osm_depuis_texte("lundi de 9h à 12h sur rendez-vous")
    assert expression == "Mo 09:00-12:00"
    assert remarques == ["« sur rendez-vous » : sur rendez-vous"]


def test_heure_seule_donne_une_fin_ouverte_signalee():
    expression, remarques = osm_depuis_texte("mercredi 14h")
    assert expression == "We 14:00+"
    assert remarques == ["« 14h » : heure de fin non précisée"]
    assert osm_depuis_texte("mercredi à partir de 14h")[0] == "We 14:00+"


def test_heure_seule_avant_les_jours_non_comprise():
    expression, remarques = osm_depuis_texte("8h30-12h / 13h30-17h30 (16h30 le vendredi)")
    assert expression == ""
    assert "« 16h30 le vendredi » non compris" in remarques


def test_partie_non_comprise_laissee_de_cote_le_reste_garde():
    expression, remarques = osm_depuis_texte("Lundi 9h-12h (sauf vacances scolaires)")
    assert expression == "Mo 09:00-12:00"
    assert remarques == ["« sauf vacances scolaires » non compris"]


def test_creneau_impossible_laisse_de_cote_le_reste_garde():
    expression, remarques = osm_depuis_texte("lundi 9h-12h, mardi 14h-9h")
    assert expression == "Mo 09:00-12:00"
    assert remarques == ["« 14h-9h » : créneau inversé"]


def test_jours_feries_fermes_seulement_sur_mention():
    expression, _ = osm_depuis_texte(
        "Du mardi au samedi : 10h-12h / 14h-18h ; dimanche et jours fériés : fermé"
    )
    assert expression == "Tu-Sa 10:00-12:00,14:00-18:00; PH off"
    assert "PH" not in osm_depuis_texte("du lundi au vendredi 9h-12h")[0]


@pytest.mark.parametrize(
    ("texte", "attendu"),
    [
        ("Mo-Fr 09:00-12:00", "Mo-Fr 09:00-12:00"),
        ("mo-fr 9:00-12:00", "Mo-Fr 09:00-12:00"),
        ("Mo-Fr 09:00-12:00; Sa 10:00-12:00", "Mo-Fr 09:00-12:00; Sa 10:00-12:00"),
        ("Mo-Fr 08:30-12:00,13:30-17:00; PH off", "Mo-Fr 08:30-12:00,13:30-17:00; PH closed"),
        ("24/7", "24/7"),
    ],
)
def test_texte_deja_osm_normalise(texte, attendu):
    assert osm_depuis_texte(texte) == (attendu, [])


def test_texte_vide():
    assert osm_depuis_texte("") == ("", [])
    assert osm_depuis_texte("   \n ") == ("", [])
    assert osm_depuis_texte(None) == ("", [])


COLONNES = [
    ({"Mo": "9h-12h", "Tu": "9h-12h"}, "Mo,Tu 09:00-12:00"),
    (
        {j: "9h00-12h00 / 14h-17h" for j in ["Mo", "Tu", "We", "Th", "Fr"]},
        "Mo-Fr 09:00-12:00,14:00-17:00",
    ),
    (
        {"Mo:matin": "oui", "Mo:apres-midi": "14h-17h", "Tu": "fermé", "We:matin": "X"},
        "Mo 09:00-12:00,14:00-17:00; We 09:00-12:00",
    ),
    (
        {"Th:apres-midi": "ouvert", "Fr:matin": "✓", "Sa:matin": "non"},
        "Th 14:00-17:00; Fr 09:00-12:00",
    ),
    ({"mo : Après midi": "Oui", "TU:MATIN": "x"}, "Mo 14:00-17:00; Tu 09:00-12:00"),
    ({"Mo": "", "Tu": None, "We": "-", "Th": "Fermé", "Fr": "10h-12h"}, "Fr 10:00-12:00"),
    (
        {"Mo": "de 9h à 12h et de 14h à 17h", "Sa": "le matin"},
        "Mo 09:00-12:00,14:00-17:00; Sa 09:00-12:00",
    ),
    ({"Mo:matin": "9h30-12h", "Mo:apres-midi": "13h30-16h30"}, "Mo 09:30-12:00,13:30-16:30"),
    ({"We": "9h-17h fermé de 12h à 14h"}, "We 09:00-12:00,14:00-17:00"),
]


@pytest.mark.parametrize(("colonnes", "attendu"), COLONNES)
def test_colonnes_converties_en_osm(colonnes, attendu):
    expression, _ = osm_depuis_colonnes(colonnes)
    assert expression == attendu


def test_colonne_jour_entier_ouverte_sans_horaires_signalee():
    expression, remarques = osm_depuis_colonnes({"Mo": "oui", "Tu": "9h-12h"})
    assert expression == "Tu 09:00-12:00"
    assert remarques == ["Mo : « oui », ouvert sans horaires précisés"]


def test_colonne_inconnue_et_cellule_illisible_signalees():
    expression, remarques = osm_depuis_colonnes(
        {"Lundi": "9h-12h", "Mo:soir": "18h-20h", "Tu": "voir affichage", "We": "sur RDV"}
    )
    assert expression == ""
    assert remarques == [
        "colonne « Lundi » ignorée : clés Mo … Su, Mo:matin, Mo:apres-midi",
        "colonne « Mo:soir » ignorée : clés Mo … Su, Mo:matin, Mo:apres-midi",
        "Tu : « voir affichage » non compris",
        "We : « sur RDV » : sur rendez-vous",
    ]


def test_colonnes_contradictoires_signalees():
    expression, remarques = osm_depuis_colonnes({"Mo": "fermé", "Mo:matin": "oui"})
    assert expression == "Mo 09:00-12:00"
    assert remarques == ["Mo : fermé dans une colonne, ouvert dans une autre"]


def test_chaque_expression_produite_passe_valider():
    produites = [osm_depuis_texte(texte)[0] for texte, _ in TEXTES]
    produites += [osm_depuis_colonnes(colonnes)[0] for colonnes, _ in COLONNES]
    produites += [osm_depuis_texte(t)[0] for t in ["mercredi 14h", "lundi 9h-12h, mardi 14h"]]
    assert all(produites)
    for expression in produites:
        assert valider(expression) == expression


def test_expression_lisible_par_horaires():
    expression, _ = osm_depuis_texte("Du lundi au jeudi 9h-12h 14h-17h, vendredi 9h-12h")
    semaine = dict(Horaires(expression).semaine_type())
    assert semaine["lundi"] == ["9 h – 12 h", "14 h – 17 h"]
    assert semaine["vendredi"] == ["9 h – 12 h"]
    assert semaine["samedi"] == []


MOTS = [
    "lundi", "mar.", "lu", "sa", "du", "au", "à", "-", "–", "/", ",", ";", "\n", ".", "(", ")",
    "9h", "12h30", "9", "14", "25h", "midi", "minuit", "0h", "24h", "09:30", "9.30", "1er",
    "matin", "après-midi", "journée", "fermé", "sauf", "sur RDV", "tous les jours", "week-end",
    "jours fériés", "et", "de", "jusqu'à", "à partir de", "24h/24", "7j/7", "vendredi", "xyz",
]  # fmt: skip


@settings(max_examples=300, deadline=None, database=None)
@given(st.lists(st.sampled_from(MOTS), min_size=1, max_size=12))
def test_texte_quelconque_jamais_d_erreur_et_toujours_valide(mots):
    texte = " ".join(mots)
    expression, remarques = osm_depuis_texte(texte)
    if expression:
        assert valider(expression) == expression
    elif texte.strip():
        assert remarques


@settings(max_examples=100, deadline=None, database=None)
@given(
    st.dictionaries(
        st.sampled_from(["Mo", "Tu:matin", "We:apres-midi", "Fr", "Zz"]),
        st.lists(st.sampled_from([*MOTS, "oui", "X", "non"]), max_size=5).map(" ".join),
    )
)
def test_colonnes_quelconques_jamais_d_erreur_et_toujours_valides(colonnes):
    expression, _ = osm_depuis_colonnes(colonnes)
    if expression:
        assert valider(expression) == expression
