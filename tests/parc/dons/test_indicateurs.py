"""The donation indicators (real donations only, cumulative or over a year, by the place's
commune), the « Matériel reçu du Département » block of a place's page, and the France
Numérique Ensemble figure « équipements reconditionnés » read from the registry."""

from datetime import date

import pytest
from django.urls import reverse

from sun.core.indicators import Niveau, Periode, obtenir
from sun.inclusion.analyses import fne
from sun.parc.dons import queries, services
from sun.parc.models import Don
from sun.parc.referentiel import TypeEquipement
from tests.inclusion.factories import LieuFactory
from tests.outils import texte
from tests.parc.dons.outils import don_a_l_etape, lieu_avec_structure, portable_reforme
from tests.parc.factories import DonFactory, equipement_sorti
from tests.territoire.factories import commune

pytestmark = pytest.mark.django_db
CARCASSONNE, LIMOUX = "11069", "11206"


def _don_de_demonstration(lieu):
    don = DonFactory(lieu=lieu, statut=Don.Statut.REMIS, demonstration=True,
                     visible_sur_lieu=True, date_remise=date(2025, 4, 1))  # fmt: skip
    equipement_sorti(date(2025, 1, 1), date(2025, 4, 1), don=don, demonstration=True)
    return don


@pytest.fixture
def dons():
    lieu = lieu_avec_structure(commune_ref=commune(CARCASSONNE))
    remis = don_a_l_etape(Don.Statut.REMIS, lieu=lieu, equipements=[
        portable_reforme("P-1"), portable_reforme("P-2"),
        portable_reforme("E-1", TypeEquipement.ECRAN)])  # fmt: skip
    # Not counted: a donation still open, a demonstration one, and an association's is
    # counted at the département level only (no place, no commune).
    don_a_l_etape(Don.Statut.ACCEPTE, lieu=lieu, equipements=[portable_reforme("P-3")])
    don_a_l_etape(Don.Statut.REMIS, equipements=[portable_reforme("A-1")])
    _don_de_demonstration(LieuFactory(commune_ref=commune(CARCASSONNE), demonstration=True))
    return {"lieu": lieu, "remis": remis}


def test_equipements_donnes(dons):
    indicateur = obtenir("parc.equipements_donnes")
    departement = indicateur.calculer(Niveau.DEPARTEMENT, "11")
    assert departement.valeur == 4 and departement.date == date(2025, 3, 15)
    assert "1 équipement donné de démonstration non compté" in departement.note
    assert indicateur.calculer(Niveau.COMMUNE, CARCASSONNE).valeur == 3
    assert indicateur.calculer(Niveau.COMMUNE, LIMOUX).valeur == 0
    epci = commune(CARCASSONNE).epci.code_siren
    assert indicateur.calculer(Niveau.EPCI, epci).valeur == 3
    assert indicateur.calculer(Niveau.DEPARTEMENT, "11", Periode.annee(2025)).valeur == 4
    assert indicateur.calculer(Niveau.DEPARTEMENT, "11", Periode.annee(2024)).valeur == 0


def test_lieux_equipes(dons):
    indicateur = obtenir("parc.dons_lieux_mediation")
    assert indicateur.calculer(Niveau.DEPARTEMENT, "11").valeur == 1
    assert indicateur.calculer(Niveau.COMMUNE, LIMOUX).valeur == 0


def test_materiel_recu_sur_la_page_du_lieu(client, dons):
    lieu, don = dons["lieu"], dons["remis"]
    assert queries.materiel_recu(lieu) == []  # the place has not chosen to show it
    services.changer_visibilite(don, True)
    assert queries.materiel_recu(lieu) == [  # one row per year and type
        {"annee": 2025, "type": "Écran", "nombre": 1},
        {"annee": 2025, "type": "Ordinateur portable", "nombre": 2},
    ]
    page = texte(client.get(reverse("lieu_public", args=[lieu.pk])))
    assert "Matériel reçu du Département" in page and "SN-P-1" not in page


def test_un_don_de_demonstration_seulement_sur_un_lieu_de_demonstration(client):
    reel = LieuFactory()
    _don_de_demonstration(reel)  # written straight: the services refuse it
    assert queries.materiel_recu(reel) == []
    assert "Matériel reçu du Département" not in texte(
        client.get(reverse("lieu_public", args=[reel.pk]))
    )
    demo = LieuFactory(demonstration=True)
    _don_de_demonstration(demo)
    assert [l["nombre"] for l in queries.materiel_recu(demo)] == [1]


def test_france_numerique_ensemble(client):
    page = texte(client.get("/france-numerique-ensemble/"))
    assert "Équipements reconditionnés : non suivis" in page
    assert fne.tableau("11").objectifs[3].valeur is None
    _don_de_demonstration(LieuFactory(demonstration=True))  # never counted
    assert fne.equipements_reconditionnes("11") is None
    don_a_l_etape(Don.Statut.REMIS, lieu=lieu_avec_structure(),
                  equipements=[portable_reforme("F-1"), portable_reforme("F-2")])  # fmt: skip
    t = fne.tableau("11")
    assert t.objectifs[3].valeur == 2 and t.equipements.source.startswith("Dons de matériel")
    page = texte(client.get("/france-numerique-ensemble/"))
    assert "2 équipements réformés du Département remis par un don (cumul)" in page
    assert "Source : Dons de matériel réformé enregistrés dans SUN" in page
    assert "dernier don remis le 15 mars 2025" in page
