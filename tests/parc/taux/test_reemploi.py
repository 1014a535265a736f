"""The reuse rate of décret n° 2023-266 recomputed by hand: the worked example of the notes,
the exclusions, the exits that do not count, B = 0, a rate above 100 %, and the SQL form of
the rules checked against the pure rules of `cycle_vie` item by item."""

import random
from datetime import date, timedelta

import pytest

from sun.parc import cycle_vie
from sun.parc.models import Equipement
from sun.parc.referentiel import Destination, Voie
from sun.parc.taux import queries, reemploi
from tests.parc.taux.outils import exemple_des_notes, lot

pytestmark = pytest.mark.django_db


def test_l_exemple_des_notes_donne_62_5(django_assert_max_num_queries):
    exemple_des_notes()
    with django_assert_max_num_queries(2):  # one aggregate, one snapshot look-up
        t = reemploi.taux_annee(2025)
    assert (t.a, t.b, t.taux) == (250, 400, 62.5)
    assert (t.objectif, t.ecart, t.atteint) == (50, 12.5, True)
    assert t.reformes == 40 and t.ratio_pilotage == round(100 * 250 / 440, 1)
    assert t.fige is None and "non figé" in t.etat_du_stock
    detail = reemploi.detail(2025)
    trop_age = {m.code: m.nombre for m in detail.exclusions_stock}["trop_age"]
    assert trop_age == 60
    assert {m.code: m.nombre for m in detail.non_comptees} == {
        "recyclage": 0,
        "sans_engagement": 0,
        "engagement_tardif": 0,
        "sans_preuve": 0,
    }  # fmt: skip  (the 60 recycled are excluded for their age before being « not counted »)


def test_plus_de_dix_ans_a_la_reforme_exclu_dix_ans_pile_compte():
    reforme = date(2024, 6, 1)
    dix_ans = reforme - timedelta(days=3652)  # 3,652 days: 9.9986 years
    (pile,) = lot(1, acquisition=dix_ans, reforme=reforme)
    (vieux,) = lot(1, acquisition=dix_ans - timedelta(days=1), reforme=reforme)
    (inconnu,) = lot(1, acquisition=None, reforme=reforme)
    assert set(queries.identifiants(queries.stock(2025))) == {pile.pk, inconnu.pk}
    assert cycle_vie.dans_le_champ("2", pile.date_acquisition, reforme)
    assert not cycle_vie.dans_le_champ("2", vieux.date_acquisition, reforme)
    exclus = queries.identifiants(queries.exclus(2025, "trop_age"))
    assert exclus == [vieux.pk]


def test_hors_champ_et_informations_classifiees_exclus():
    lot(2, reforme=date(2024, 1, 5), type_="serveur")
    lot(3, reforme=date(2024, 1, 5), informations_classifiees=True)
    lot(1, reforme=date(2024, 1, 5), obligations_securite=True)
    lot(4, reforme=date(2024, 1, 5))
    t = reemploi.taux_annee(2025)
    assert t.b == 4
    motifs = {m.code: m.nombre for m in reemploi.detail(2025).exclusions_stock}
    assert motifs == {"hors_champ": 2, "classifie": 4, "trop_age": 0}


def test_sorties_non_comptees_et_leur_motif():
    reforme, sortie = date(2024, 11, 1), date(2025, 3, 10)
    lot(1, reforme=reforme, sortie=sortie, engagement=date(2025, 3, 10), preuve=date(2025, 4, 1))
    lot(2, reforme=reforme, sortie=sortie, engagement=date(2025, 3, 11), preuve=date(2025, 4, 1))
    lot(3, reforme=reforme, sortie=sortie, engagement=date(2025, 1, 1), preuve=None)
    lot(4, reforme=reforme, sortie=sortie, engagement=None, preuve=date(2025, 4, 1))
    lot(5, reforme=reforme, sortie=sortie, voie=Voie.RECYCLAGE,
        destination=Destination.PRESTATAIRE, engagement=date(2025, 1, 1), preuve=date(2025, 4, 1))  # fmt: skip
    lot(6, reforme=reforme, sortie=sortie, voie=Voie.DESTRUCTION,
        destination=Destination.PRESTATAIRE)  # fmt: skip
    t = reemploi.taux_annee(2025)
    assert (t.a, t.b) == (1, 21)  # an engagement on the exit day counts
    motifs = {m.code: m.nombre for m in reemploi.detail(2025).non_comptees}
    assert motifs == {"recyclage": 11, "sans_engagement": 4, "engagement_tardif": 2,
                      "sans_preuve": 3}  # fmt: skip
    assert queries.non_comptes(2025, "engagement_tardif").count() == 2


def test_sans_stock_au_1er_janvier_pas_de_taux():
    lot(5, reforme=date(2025, 2, 1), sortie=date(2025, 3, 1), engagement=date(2025, 2, 1),
        preuve=date(2025, 3, 5))  # fmt: skip
    t = reemploi.taux_annee(2025)
    assert (t.a, t.b, t.taux, t.ecart) == (5, 0, None, None)
    assert "B = 0" in t.pourquoi_sans_taux
    assert t.ratio_pilotage == 100.0


def test_le_taux_peut_depasser_100():
    lot(2, reforme=date(2024, 12, 1))
    lot(3, reforme=date(2025, 3, 1), sortie=date(2025, 4, 1), engagement=date(2025, 3, 1),
        preuve=date(2025, 5, 1))  # fmt: skip
    assert reemploi.taux_annee(2025).taux == 150.0


def test_une_sortie_le_1er_janvier_reste_dans_b_et_une_sortie_avant_non():
    lot(1, reforme=date(2024, 5, 1), sortie=date(2025, 1, 1), voie=Voie.RECYCLAGE,
        destination=Destination.PRESTATAIRE)  # fmt: skip
    lot(1, reforme=date(2024, 5, 1), sortie=date(2024, 12, 31), voie=Voie.RECYCLAGE,
        destination=Destination.PRESTATAIRE)  # fmt: skip
    lot(1, reforme=date(2025, 1, 1))  # decommissioned on 1 January: not in that day's stock
    assert reemploi.taux_annee(2025).b == 1


def test_la_demonstration_n_est_jamais_comptee():
    lot(4, reforme=date(2024, 5, 1), demonstration=True)
    assert reemploi.taux_annee(2025).b == 0
    assert reemploi.taux_annee(2025, demonstration=True).b == 4


def test_le_sql_et_les_regles_pures_disent_la_meme_chose():
    alea = random.Random(2023266)
    for _ in range(120):
        acquisition = date(2012, 1, 1) + timedelta(days=alea.randrange(0, 4000))
        reforme = acquisition + timedelta(days=alea.randrange(3000, 4300))
        sortie = None if alea.random() < 0.3 else reforme + timedelta(days=alea.randrange(0, 500))
        engagement = None if alea.random() < 0.2 else (sortie or reforme) + timedelta(
            days=alea.randrange(-60, 20))  # fmt: skip
        lot(1, acquisition=None if alea.random() < 0.05 else acquisition, reforme=reforme,
            sortie=sortie, voie=alea.choice(Voie.values), destination=Destination.VENTE,
            engagement=engagement, preuve=None if alea.random() < 0.2 else sortie,
            type_=alea.choice(["portable", "ecran", "serveur", "poste_fixe"]),
            informations_classifiees=alea.random() < 0.05)  # fmt: skip
    tous = list(Equipement.objects.select_related("sortie"))
    for annee in range(2021, 2028):
        debut, fin = date(annee, 1, 1), date(annee, 12, 31)

        def champ(e):
            return cycle_vie.dans_le_champ(e.categorie_deee, e.date_acquisition, e.date_reforme,
                                           e.informations_classifiees, e.obligations_securite)  # fmt: skip

        def sortie_de(e):
            return getattr(e, "sortie", None)

        b = {e.pk for e in tous if champ(e) and e.date_reforme < debut
             and (sortie_de(e) is None or sortie_de(e).date >= debut)}  # fmt: skip
        a = {e.pk for e in tous if champ(e) and sortie_de(e) and debut <= e.sortie.date <= fin
             and cycle_vie.compte_pour_le_reemploi(e.sortie.voie, e.sortie.date,
                                                   e.sortie.date_engagement,
                                                   e.sortie.date_preuve)}  # fmt: skip
        assert set(queries.identifiants(queries.stock(annee))) == b, annee
        assert set(queries.identifiants(queries.orientes(annee))) == a, annee
        c = queries.comptes(annee)
        assert (c["a"], c["b"]) == (len(a), len(b))


def test_la_serie_va_de_la_premiere_annee_a_l_annee_en_cours():
    lot(1, reforme=date(2019, 5, 1))
    serie = reemploi.serie(date(2026, 3, 1))
    assert [t.annee for t in serie] == list(range(2026, 2019, -1))
    assert serie[-1].objectif is None and serie[0].objectif == 50
