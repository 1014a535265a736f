"""The reads of the inventory: each filter of the list, the counts per état × type and per
site, and the sheet (age, planned lifetime, warranty, the steps its état allows)."""

from datetime import date
from decimal import Decimal

import pytest

from sun.parc import queries
from sun.parc.models import Equipement
from sun.parc.referentiel import Etat, Proprietaire, TypeEquipement
from sun.territoire.models import Commune
from tests.parc.factories import (
    EquipementFactory,
    SiteFactory,
    equipement_reforme,
    equipement_sorti,
)

pytestmark = pytest.mark.django_db
JOUR = date(2026, 6, 1)


def _noms(qs) -> set[str]:
    return set(qs.values_list("nom", flat=True))


@pytest.fixture
def parc():
    aragon = Commune.objects.get(code_insee="11011")
    college = SiteFactory(nom="Collège de Limoux", genre="college", commune=aragon)
    service = SiteFactory(nom="Direction des routes")
    EquipementFactory(
        nom="A",
        type=TypeEquipement.PORTABLE,
        site=service,
        modele="ThinkPad T14",
        date_acquisition=date(2025, 1, 1),
        date_fin_garantie=date(2028, 1, 1),
    )
    EquipementFactory(
        nom="B",
        type=TypeEquipement.ECRAN,
        site=college,
        fabricant="IIYAMA",
        modele="ProLite",
        date_acquisition=date(2019, 6, 1),
        date_fin_garantie=date(2024, 6, 1),
        proprietaire=Proprietaire.COLLEGE,
    )
    EquipementFactory(
        nom="C",
        type=TypeEquipement.POSTE_FIXE,
        site=None,
        date_acquisition=None,
        numero_serie="XYZ-777",
        source="GLPI",
        etat=Etat.EN_REPARATION,
        commune=aragon,
    )
    equipement_reforme(date(2025, 3, 1), nom="D", site=service, date_acquisition=date(2014, 1, 1))
    equipement_sorti(
        date(2024, 1, 1),
        date(2024, 2, 1),
        nom="E",
        site=college,
        date_acquisition=date(2018, 1, 1),
        demonstration=True,
    )
    return Equipement.objects.all()


@pytest.mark.parametrize(("filtres", "attendus"), [
    ({"type": "ecran"}, {"B"}),
    ({"type": "inconnu"}, {"A", "B", "C", "D", "E"}),
    ({"etat": "en_reparation"}, {"C"}),
    ({"etat": "parc"}, {"A", "B", "C"}),
    ({"etat": "reforme"}, {"D"}),
    ({"commune": "11011"}, {"B", "C", "E"}),
    ({"site": "aucun"}, {"C"}),
    ({"proprietaire": "college"}, {"B"}),
    ({"source": "GLPI"}, {"C"}),
    ({"texte": "xyz-7"}, {"C"}),
    ({"texte": "iiyama"}, {"B"}),
    ({"texte": "prolite"}, {"B"}),
    ({"age": "0-3"}, {"A"}),
    ({"age": "5-8"}, {"B"}),
    ({"age": "8-10"}, {"E"}),
    ({"age": "10+"}, {"D"}),
    ({"age": "inconnu"}, {"C"}),
    ({"garantie": "finie"}, {"B"}),
    ({"garantie": "en_cours"}, {"A"}),
    ({"donnees": "demonstration"}, {"E"}),
    ({"donnees": "reelles", "type": "portable", "etat": "parc"}, {"A"}),
])  # fmt: skip
def test_filtres(parc, filtres, attendus):
    assert _noms(queries.filtrer(parc, jour=JOUR, **filtres)) == attendus


def test_filtre_par_site(parc):
    site = SiteFactory(nom="Direction des routes")
    assert _noms(queries.filtrer(parc, site=str(site.pk), jour=JOUR)) == {"A", "D"}


def test_comptes_par_etat_et_type(parc):
    comptes = queries.comptes_etat_type(parc)
    assert comptes.total == 5 and comptes.demonstration == 1
    etats = [e for e, _ in comptes.etats]
    portable = next(ligne for ligne in comptes.lignes if ligne["type"] == "portable")
    assert portable["total"] == 3  # A, D and E (the factory's default type)
    assert portable["valeurs"][etats.index(Etat.REFORME)] == 1
    assert comptes.par_etat[etats.index(Etat.SORTI)] == 1
    assert sum(comptes.par_etat) == 5 and {ligne["type"] for ligne in comptes.lignes} == {
        "portable",
        "ecran",
        "poste_fixe",
    }


def test_comptes_par_site(parc):
    lignes = {ligne["nom"]: ligne for ligne in queries.comptes_par_site(parc)}
    assert lignes["Direction des routes"]["total"] == 2
    assert lignes["Direction des routes"]["reformes"] == 1
    assert lignes["Collège de Limoux"]["en_parc"] == 1 and lignes["Sans site"]["total"] == 1


def test_fiche_en_service():
    e = EquipementFactory(
        type=TypeEquipement.PORTABLE,
        date_acquisition=date(2020, 6, 1),
        date_fin_garantie=date(2023, 6, 1),
        prix_acquisition=Decimal("900"),
    )
    fiche = queries.fiche(e, JOUR)
    assert fiche.duree_vie == 5 and fiche.fin_de_vie == date(2025, 6, 1) and fiche.au_dela
    assert round(fiche.age, 1) == 6.0 and fiche.garantie_finie is True
    assert [v for v, _ in fiche.etats_possibles] == [Etat.EN_STOCK, Etat.EN_REPARATION]
    assert fiche.peut_reformer and not fiche.peut_sortir and not fiche.peut_annuler
    assert fiche.dans_le_champ and fiche.sortie is None


def test_fiche_sortie_qui_compte():
    e = equipement_sorti(
        date(2025, 1, 1),
        date(2025, 2, 1),
        engagement=date(2025, 1, 20),
        preuve=date(2025, 3, 1),
        date_acquisition=date(2021, 1, 1),
    )
    fiche = queries.fiche(e, JOUR)
    assert fiche.sortie is not None and fiche.compte_pour_objectif
    assert fiche.peut_annuler and fiche.peut_prouver and not fiche.etats_possibles
    assert not fiche.peut_reformer and not fiche.peut_intervenir
    assert round(fiche.age, 1) == 4.0  # at decommissioning


def test_fiche_reforme_trop_vieux():
    e = equipement_reforme(date(2025, 1, 1), date_acquisition=date(2014, 6, 1))
    fiche = queries.fiche(e, JOUR)
    assert not fiche.dans_le_champ and fiche.peut_sortir and not fiche.au_dela
    assert [v for v, _ in fiche.etats_possibles] == [Etat.EN_STOCK]
