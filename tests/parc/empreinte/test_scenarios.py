"""Scenarios with known answers, by hand, in 2024 (a full year of amortisation for items
acquired in 2022 with 5 years planned): 10 ADEME laptops (185.4 kg excluding use) count
10 × 185.4 / 5 = 370.8 kg of manufacturing a year, 2 purchases; kept one year more,
370.8 × 1/6 = 10 × 185.4 × (1/5 − 1/6) = 61.8 kg avoided a year; two years more,
10 × 185.4 × (1/5 − 1/7) = 105.94 kg; 50 % of the new purchases bought refurbished avoiding
80 %: 0.5 × 0.8 × 370.8 = 148.32 kg."""

import pytest

from sun.parc.empreinte.calcul import annees
from sun.parc.empreinte.facteurs import charger_table
from sun.parc.empreinte.scenarios import calculer, evite_par_an, renouvellement
from sun.parc.referentiel import TypeEquipement
from tests.parc.empreinte.outils import groupe

ADEME = charger_table("ademe-arcep-2022")
ANNEE = 2024


def test_allonger_la_duree_de_vie_d_un_ou_deux_ans():
    s = calculer([groupe(debut=2022, duree=5, nombre=10)], ADEME, ANNEE)
    ligne = s.lignes[0]
    assert ligne.achats_par_an == pytest.approx(2)
    assert ligne.fabrication_par_an == pytest.approx(370.8)
    assert ligne.evite[1] == pytest.approx(61.8)
    assert ligne.evite[2] == pytest.approx(10 * 185.4 * (1 / 5 - 1 / 7))
    assert s.total.evite[1] == pytest.approx(61.8)
    assert ligne.duree_moyenne == 5


def test_part_d_achats_reconditionnes(settings):
    s = calculer([groupe(debut=2022, duree=5, nombre=10)], ADEME, ANNEE, part_reconditionne=50)
    assert s.total.reconditionne == pytest.approx(148.32)
    settings.SUN_PARC_EVITEMENT_RECONDITIONNE = 1
    s = calculer([groupe(debut=2022, duree=5, nombre=10)], ADEME, ANNEE, part_reconditionne=100)
    assert s.total.reconditionne == pytest.approx(370.8)  # every purchase, all avoided
    assert (
        calculer([groupe(nombre=10)], ADEME, ANNEE, part_reconditionne=0).total.reconditionne == 0
    )


def test_part_bornee_entre_0_et_100():
    assert calculer([groupe()], ADEME, ANNEE, part_reconditionne=250).part_reconditionne == 100
    assert calculer([groupe()], ADEME, ANNEE, part_reconditionne=-5).part_reconditionne == 0


def test_plusieurs_types_et_le_parc_hors_service_ignore():
    g = [groupe(debut=2022, duree=5, nombre=10),
         groupe(TypeEquipement.ECRAN, debut=2022, duree=8, nombre=8),
         groupe(debut=2010, fin=2016, duree=5, nombre=100),
         groupe(TypeEquipement.IMPRIMANTE, debut=2022, duree=7, nombre=4)]  # fmt: skip
    s = calculer(g, ADEME, ANNEE)
    assert [ligne.type for ligne in s.lignes] == ["portable", "ecran"]
    assert s.total.nombre == 18
    assert s.total.fabrication_par_an == pytest.approx(370.8 + 8 * 69.8 / 8)
    assert s.total.evite[1] == pytest.approx(61.8 + 8 * 69.8 * (1 / 8 - 1 / 9))


def test_la_base_est_la_fabrication_amortie_de_la_page_empreinte(settings):
    """A refurbished laptop counts (1 − e) of its manufacturing, as on the footprint page; an
    item past its lifetime costs nothing today and saves nothing; an item acquired this year
    counts half a year."""
    settings.SUN_PARC_EVITEMENT_RECONDITIONNE = 0.8
    g = [groupe(debut=2022, duree=5, nombre=1, reconditionne=True),
         groupe(TypeEquipement.ECRAN, debut=2015, duree=8, nombre=2),  # past its lifetime
         groupe(TypeEquipement.ECRAN, debut=2024, duree=8, nombre=1),  # half a year
         groupe(debut=None, nombre=3)]  # fmt: skip
    s = calculer(g, ADEME, ANNEE, part_reconditionne=100)
    assert s.total.fabrication_par_an == pytest.approx(185.4 * 0.2 / 5 + 69.8 / 8 / 2)
    assert s.total.fabrication_par_an == pytest.approx(
        annees(g, ADEME, [ANNEE])[ANNEE].total.fabrication["gwp"]
    )
    assert s.total.nombre == 4 and s.sans_date == 3
    assert s.total.evite[1] == pytest.approx(185.4 * 0.2 * (1 / 5 - 1 / 6)
                                             + 69.8 / 2 * (1 / 8 - 1 / 9))  # fmt: skip
    # Only the purchases made new can be made refurbished.
    assert s.total.fabrication_neuf == pytest.approx(69.8 / 8 / 2)
    assert s.total.reconditionne == pytest.approx(0.8 * 69.8 / 8 / 2)


def test_le_renouvellement_compte_le_reconditionne_comme_la_page_empreinte(settings):
    settings.SUN_PARC_EVITEMENT_RECONDITIONNE = 0.8
    g = [groupe(debut=2021, duree=5, nombre=2, reconditionne=True),
         groupe(debut=2021, duree=5, nombre=1)]  # fmt: skip
    (portable,), _sites, _sans_date = renouvellement(g, ADEME, 2026, {})
    assert portable.evite[1] == pytest.approx((2 * 0.2 + 1) * 185.4 * (1 / 5 - 1 / 6))


def test_evite_par_an():
    assert evite_par_an(185.4, 5, 1) == pytest.approx(6.18)


def test_renouvellement_par_echeance():
    prix = {"portable": 900.0}
    g = [groupe(debut=2021, duree=5, nombre=3, site=1),  # 2026: this year
         groupe(debut=2022, duree=5, nombre=2, site=2),  # 2027: next year
         groupe(debut=2018, duree=5, nombre=4, site=1),  # 2023: already beyond
         groupe(debut=2024, duree=5, nombre=7, site=1),  # 2029: later
         groupe(debut=2020, fin=2024, duree=5, nombre=9, site=1),  # left the fleet
         groupe(debut=None, nombre=6),
         groupe(TypeEquipement.IMPRIMANTE, debut=2019, duree=7, nombre=1, site=1)]  # fmt: skip
    types, sites, sans_date = renouvellement(g, ADEME, 2026, prix)
    portable, imprimante = types
    assert (portable.deja, portable.cette_annee, portable.an_prochain) == (4, 3, 2)
    assert portable.evite[1] == pytest.approx(5 * 185.4 * (1 / 5 - 1 / 6))
    assert portable.evite[2] == pytest.approx(5 * 185.4 * (1 / 5 - 1 / 7))
    assert portable.reporte == pytest.approx(5 * 900)
    assert (imprimante.cette_annee, imprimante.avec_facteur, imprimante.reporte) == (1, False,
                                                                                     None)  # fmt: skip
    assert sans_date == 6
    par_site = {(ligne.type, ligne.site_id): ligne for ligne in sites}
    assert (par_site[("portable", 1)].deja, par_site[("portable", 1)].cette_annee) == (4, 3)
    assert par_site[("portable", 2)].an_prochain == 2
