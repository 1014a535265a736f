"""Indicators of the register: every statistic is registered at département level, computed
without demonstration requests, and the Aude plan binds them to actions of Axe 2 and 11.3."""

from datetime import date
from pathlib import Path

import pytest

from sun.core.indicators import Niveau, NiveauNonCalcule, obtenir
from sun.pilotage.models import Indicateur
from sun.pilotage.plan_fichier import charger
from sun.relation.models import DemandePieces
from tests.relation.factories import DemarcheFactory
from tests.relation.test_statistiques import creer

pytestmark = pytest.mark.django_db
CODES = ["relation.demandes", "relation.part_dans_les_temps", "relation.part_en_ligne",
         "relation.delai_median", "relation.delai_p90", "relation.part_incompletes",
         "relation.decisions_implicites", "relation.decidees_apres_echeance",
         "relation.reclamations"]  # fmt: skip


def valeur(code):
    return obtenir(code).calculer(Niveau.DEPARTEMENT, "11").valeur


def test_chaque_indicateur_au_niveau_departement():
    for code in CODES:
        indicateur = obtenir(code)
        assert Niveau.DEPARTEMENT in indicateur.niveaux and indicateur.source
        with pytest.raises(NiveauNonCalcule):
            indicateur.calculer(Niveau.COMMUNE, "11069")


def test_valeurs_sans_la_demonstration():
    demarche = DemarcheFactory()
    # Dates long past: "open with the implicit decision born" holds whatever today is.
    recue = date(2020, 1, 10)
    decidees = creer(demarche, 4, recue_le=recue, jours=10, canal="en_ligne", dans_les_temps=True)
    creer(demarche, 1, recue_le=recue, jours=90, dans_les_temps=False)
    creer(demarche, 3, recue_le=recue)
    creer(demarche, 50, recue_le=recue, jours=1, canal="en_ligne", demonstration=True)
    creer(DemarcheFactory(reclamation=True), 2, recue_le=recue, typologie="delai")
    DemandePieces.objects.create(demande=decidees[0], pieces=["RIB"], demandees_le=recue,
                                 a_fournir_avant=date(2020, 2, 10))  # fmt: skip
    assert valeur("relation.demandes") == 10
    assert valeur("relation.part_en_ligne") == 40.0
    assert valeur("relation.delai_median") == 10 and valeur("relation.delai_p90") == 58.0
    assert valeur("relation.part_incompletes") == 10.0
    assert valeur("relation.part_dans_les_temps") == 80.0
    assert valeur("relation.decisions_implicites") == 5  # 3 + the 2 complaints, all open
    assert valeur("relation.decidees_apres_echeance") == 1
    assert valeur("relation.reclamations") == 2
    assert obtenir("relation.demandes").calculer("departement", "11").date == recue


def test_plan_de_l_aude_relie_les_indicateurs_aux_actions():
    charger(Path(__file__).resolve().parents[2] / "plans" / "aude.yaml")
    relies = {i.calcul: set(i.actions.values_list("code", flat=True))
              for i in Indicateur.objects.filter(calcul__startswith="relation.")}  # fmt: skip
    assert set(relies) == set(CODES)
    assert relies["relation.reclamations"] == {"11.3"}
    assert all("3.1" in actions for code, actions in relies.items() if code != CODES[-1])
