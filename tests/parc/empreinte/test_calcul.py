"""The footprint method on grouped counts, against the sources' own figures: a laptop over
its 4-year Boavizta lifetime is 181 kg of manufacturing and 77 kg of use in France, 45.25 kg
of manufacturing in one full year; ADEME's laptop is 185.4 kg excluding use."""

import pytest

from sun.parc.empreinte.calcul import (
    annees,
    empreinte_equipement,
    part_amortie,
    part_detenue,
    stock,
)
from sun.parc.empreinte.facteurs import charger_table
from sun.parc.referentiel import TypeEquipement
from tests.parc.empreinte.outils import groupe

BOAVIZTA, ADEME = "boavizta-2.5.0", "ademe-arcep-2022"


def _vie(groupes, code, de=2015, a=2035):
    return annees(groupes, charger_table(code), list(range(de, a)), croise=True)


def test_convention_de_mi_annee():
    assert part_detenue(2020, None, 2019) == 0
    assert part_detenue(2020, None, 2020) == 0.5
    assert part_detenue(2020, None, 2021) == 1
    assert part_detenue(2020, 2023, 2023) == 0.5
    assert part_detenue(2020, 2023, 2024) == 0
    assert part_amortie(2020, None, 4, 2022) == 0.25
    assert part_amortie(2020, None, 4, 2024) == 0.125  # the last half year of amortisation
    assert part_amortie(2020, None, 4, 2025) == 0  # fully amortised


def test_un_portable_boavizta_sur_sa_duree_de_vie_de_4_ans():
    resultat = _vie([groupe(debut=2020, duree=4)], BOAVIZTA)
    fabrication = sum(a.total.fabrication["gwp"] for a in resultat.values())
    assert fabrication == pytest.approx(181)
    # Held 4 years (mid-2020 to mid-2024) then still held: use of the first four years.
    usage_4_ans = sum(a.total.usage["gwp"] for n, a in resultat.items() if n <= 2023)
    usage_4_ans += resultat[2024].total.usage["gwp"] / 2
    assert usage_4_ans == pytest.approx(77)


def test_un_portable_boavizta_sur_une_annee_pleine():
    a = _vie([groupe(debut=2020, duree=4)], BOAVIZTA)[2022].total
    assert a.fabrication["gwp"] == pytest.approx(45.25)
    assert a.usage["gwp"] == pytest.approx(77 / 4)
    assert a.fabrication["adpe"] == pytest.approx(0.0086 / 4)
    assert a.fabrication["adpf"] == pytest.approx(2410 / 4)
    assert a.usage["pe"] == pytest.approx(8900 / 4)


def test_un_portable_ademe_hors_usage_185_4():
    resultat = _vie([groupe(debut=2020, duree=5)], ADEME)
    assert sum(a.total.fabrication["gwp"] for a in resultat.values()) == pytest.approx(185.4)
    assert resultat[2022].total.fabrication["gwp"] == pytest.approx(185.4 / 5)
    assert resultat[2022].total.usage["gwp"] == pytest.approx(1.7)
    assert "adpe" not in resultat[2022].total.fabrication  # ADEME gives only gwp


def test_garde_au_dela_de_sa_duree_plus_de_fabrication_mais_l_usage():
    a = _vie([groupe(debut=2010, duree=4)], BOAVIZTA)[2022].total
    assert a.fabrication["gwp"] == 0
    assert a.usage["gwp"] == pytest.approx(77 / 4)
    assert a.nombre == 1


def test_sorti_du_parc_plus_rien():
    resultat = _vie([groupe(debut=2020, fin=2022, duree=4)], BOAVIZTA)
    assert resultat[2023].total.nombre == 0 and resultat[2023].total.total == 0
    # Left after 2 years: the manufacturing not amortised is not counted.
    assert sum(a.total.fabrication["gwp"] for a in resultat.values()) == pytest.approx(181 / 2)


def test_les_nombres_se_multiplient_et_se_repartissent():
    g = [groupe(debut=2020, duree=4, nombre=100, site=1),
         groupe(TypeEquipement.ECRAN, debut=2021, duree=8, nombre=50, site=2)]  # fmt: skip
    a = _vie(g, ADEME)[2022]
    assert a.par_type["portable"].fabrication["gwp"] == pytest.approx(100 * 185.4 / 4)
    assert a.par_type["ecran"].fabrication["gwp"] == pytest.approx(50 * 69.8 / 8)
    assert a.par_site[2].usage["gwp"] == pytest.approx(50 * 4.0)
    assert a.total.total == pytest.approx(100 * (185.4 / 4 + 1.7) + 50 * (69.8 / 8 + 4.0))
    assert a.par_type_site[("ecran", 2)].nombre == 50


def test_le_mix_electrique_reglage(settings):
    settings.SUN_PARC_MIX_ELECTRIQUE = 0.049
    a = _vie([groupe(debut=2020, duree=4)], BOAVIZTA)[2022].total
    assert a.usage["gwp"] == pytest.approx(77 / 4 / 2)
    b = _vie([groupe(debut=2020, duree=5)], ADEME)[2022].total
    assert b.usage["gwp"] == pytest.approx(1.7)  # ADEME states no mix: unchanged


def test_achat_reconditionne_evite_80_pour_cent_par_defaut(settings):
    a = _vie([groupe(debut=2020, duree=4, reconditionne=True)], BOAVIZTA)[2022].total
    assert a.fabrication["gwp"] == pytest.approx(181 * 0.2 / 4)
    settings.SUN_PARC_EVITEMENT_RECONDITIONNE = 0.5
    a = _vie([groupe(debut=2020, duree=4, reconditionne=True)], BOAVIZTA)[2022].total
    assert a.fabrication["gwp"] == pytest.approx(181 * 0.5 / 4)


def test_les_types_sans_facteur_sont_comptes_a_part():
    g = [groupe(TypeEquipement.IMPRIMANTE, debut=2020, duree=7, nombre=3),
         groupe(TypeEquipement.TELEPHONE, debut=2020, duree=8, nombre=2)]  # fmt: skip
    boavizta = _vie(g, BOAVIZTA)[2022]
    assert boavizta.total.nombre == 0 and boavizta.total.total == 0
    assert dict(boavizta.sans_facteur) == {"imprimante": 3, "telephone": 2}
    ademe = _vie(g, ADEME)[2022]
    assert dict(ademe.sans_facteur) == {"imprimante": 3}
    assert ademe.total.nombre == 2


def test_stock_du_parc_en_service():
    g = [groupe(debut=2020, nombre=10), groupe(debut=None, nombre=2),
         groupe(debut=2015, fin=2020, nombre=5),
         groupe(debut=2021, nombre=4, reconditionne=True),
         groupe(TypeEquipement.SERVEUR, debut=2020, nombre=1)]  # fmt: skip
    s = stock(g, charger_table(ADEME))
    assert s.nombre == 16  # the 5 decommissioned and the server left out
    assert s.total["gwp"] == pytest.approx(12 * 185.4 + 4 * 185.4 * 0.2)
    assert dict(s.sans_facteur) == {"serveur": 1}
    assert s.sans_date == 2


def test_sans_date_hors_des_annees():
    a = _vie([groupe(debut=None, nombre=3)], ADEME)[2022]
    assert a.total.nombre == 0


def test_empreinte_d_un_equipement():
    table = charger_table(BOAVIZTA)
    e = empreinte_equipement("portable", 2020, None, 4, False, table, 2022)
    assert e.fabrication["gwp"] == pytest.approx(45.25)
    assert empreinte_equipement("imprimante", 2020, None, 4, False, table, 2022) is None
    assert empreinte_equipement("portable", None, None, 4, False, table, 2022) is None
