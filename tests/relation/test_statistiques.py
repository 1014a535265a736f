"""Statistics of the register: percentiles on a known set, volumes, shares, implicit
decisions, masking under 5, demonstration requests never counted, complaints."""

import itertools
import statistics
from datetime import date, timedelta

import pytest

from sun.relation.models import Demande, DemandePieces
from sun.relation.statistiques import calcul, reclamations
from sun.relation.statistiques.filtres import Filtres
from sun.relation.statistiques.percentiles import par_groupe, percentile
from tests.relation.factories import DemarcheFactory, ServiceFactory

pytestmark = pytest.mark.django_db
AUJOURD_HUI = date(2024, 6, 1)
_numeros = itertools.count(1)


def creer(demarche, n=1, *, recue_le=date(2024, 1, 10), jours=None, statut=None, **autres):
    """`n` requests of `demarche`, decided `jours` days after receipt when given."""
    faites = []
    for _ in range(n):
        valeurs = {"statut": statut or ("accepte" if jours is not None else "en_instruction"),
                   "decidee_le": recue_le + timedelta(days=jours) if jours is not None else None,
                   "date_decision_implicite": recue_le + timedelta(days=61), **autres}  # fmt: skip
        faites.append(Demande.objects.create(
            code_suivi=f"T{next(_numeros):08d}", demarche=demarche, service=demarche.service,
            recue_le=recue_le, regime="sva", delai_valeur=2, delai_unite="mois",
            **{"canal": "telephone", **valeurs},
        ))  # fmt: skip
    return faites


def test_percentile_comme_statistics_inclusive_et_percentile_cont():
    valeurs = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
    histo = {}
    for v in valeurs:
        histo[v] = histo.get(v, 0) + 1
    quantiles = statistics.quantiles(valeurs, n=10, method="inclusive")
    assert percentile(histo, 50) == statistics.median(valeurs) == 4
    assert percentile(histo, 90) == pytest.approx(quantiles[8]) == pytest.approx(6.0)
    assert percentile({10: 1, 20: 1}, 50) == 15 and percentile({}, 50) is None
    assert percentile({7: 3}, 90) == 7
    assert par_groupe([("a", 1, 2), ("a", 3, 1), ("b", 1, 1)]) == {"a": {1: 2, 3: 1}, "b": {1: 1}}


def test_delais_p50_p90_par_demarche_et_service_masques_sous_5():
    service = ServiceFactory(nom="Autonomie")
    apa = DemarcheFactory(titre="APA", service=service)
    rare = DemarcheFactory(titre="Rare", service=service)
    for jours in (10, 20, 30, 40, 50, 60, 70, 80, 90, 100):
        creer(apa, jours=jours)
    creer(rare, 3, jours=5)
    creer(apa, 2)  # not decided: no processing time
    s = calcul.calculer(Filtres(), AUJOURD_HUI)
    lignes = {ligne[0]: ligne for ligne in s.tableaux["delais_demarche"].lignes}
    assert lignes["APA"] == ["APA", 10, 55.0, 91.0]
    assert lignes["Rare"] == ["Rare", "< 5", "non affiché", "non affiché"]
    # Service: 13 decided requests, 3 at 5 days and the ten above.
    durees = [5, 5, 5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]
    attendu = statistics.quantiles(durees, n=10, method="inclusive")[8]
    assert s.tableaux["delais_service"].lignes == [["Autonomie", 13, 40.0, round(attendu, 1)]]


def test_volumes_masques_demonstration_a_part_et_filtres():
    service = ServiceFactory(nom="Insertion")
    rsa = DemarcheFactory(titre="RSA", service=service)
    creer(rsa, 8, canal="en_ligne")
    creer(rsa, 6, canal="guichet")
    creer(rsa, 2, canal="courrier", recue_le=date(2024, 2, 3))
    creer(rsa, 30, canal="courriel", demonstration=True)
    s = calcul.calculer(Filtres(), AUJOURD_HUI)
    assert s.total == 16 and s.demonstration == 30
    canal = dict((ligne[0], ligne[1]) for ligne in s.tableaux["canal"].lignes)
    # 2 is masked, and the next smallest too: the total would give it away.
    assert canal == {"En ligne": 8, "Guichet": "< 5", "Courrier": "< 5"}
    assert "Courriel" not in canal  # demonstration only
    # Months add up to the total too: 14 is masked with the 2.
    assert s.tableaux["mois"].lignes == [["2024-01", "< 5"], ["2024-02", "< 5"]]
    filtre = Filtres(du=date(2024, 2, 1))
    assert calcul.calculer(filtre, AUJOURD_HUI).trop_peu
    assert calcul.calculer(Filtres(canal="en_ligne"), AUJOURD_HUI).total == 8


def test_parts_incompletes_dans_les_temps_et_decisions_implicites():
    service = ServiceFactory(nom="Enfance")
    agrement = DemarcheFactory(titre="Agrément", service=service)
    dans, hors = creer(agrement, 6, jours=20, dans_les_temps=True), creer(
        agrement, 5, jours=80, dans_les_temps=False)  # fmt: skip
    # Open, implicit decision born on 2024-03-11 (before today) for these 5.
    creer(agrement, 5)
    # Open, implicit decision still to come.
    creer(agrement, 5, recue_le=date(2024, 5, 20))
    for d in dans[:5]:
        DemandePieces.objects.create(demande=d, pieces=["RIB"], demandees_le=date(2024, 1, 12),
                                     a_fournir_avant=date(2024, 2, 12))  # fmt: skip
    DemandePieces.objects.create(demande=dans[0], pieces=["avis"], demandees_le=date(2024, 1, 20),
                                 a_fournir_avant=date(2024, 2, 20))  # fmt: skip
    s = calcul.calculer(Filtres(), AUJOURD_HUI)
    assert s.tableaux["incompletes"].lignes[0] == ["Ensemble", 21, 5, round(100 * 5 / 21, 1)]
    assert s.tableaux["dans_les_temps"].lignes[1] == ["Enfance", 11, 6, round(600 / 11, 1)]
    # The 5 decided 80 days after receipt were decided after the implicit date (61 days).
    assert s.tableaux["implicites"].lignes[1] == ["Enfance", 5, 5]
    assert hors[0].decidee_le > hors[0].date_decision_implicite


def test_statistiques_gardees_jusqu_a_la_prochaine_ecriture():
    demarche = DemarcheFactory()
    creer(demarche, 6)
    assert calcul.obtenir(Filtres(), AUJOURD_HUI).total == 6
    creer(demarche, 1)
    assert calcul.obtenir(Filtres(), AUJOURD_HUI).total == 7


def test_reclamations_par_type_service_et_mois():
    mediation = DemarcheFactory(titre="Réclamation", reclamation=True)
    autonomie, insertion = ServiceFactory(nom="Autonomie"), ServiceFactory(nom="Insertion")
    creer(mediation, 6, typologie="delai", service_concerne=autonomie)
    creer(mediation, 7, typologie="accueil", service_concerne=insertion,
          recue_le=date(2024, 3, 2))  # fmt: skip
    creer(mediation, 2, typologie="accueil", service_concerne=autonomie)
    creer(mediation, 9, typologie="erreur", demonstration=True)
    r = reclamations.calculer(Filtres())
    assert r.total == 15 and r.demonstration == 9
    assert r.tableaux["reclamations_typologie"].lignes == [["Accueil", 9], ["Délai", 6]]
    service = r.tableaux["reclamations_service"]
    assert service.colonnes == ["Service concerné", "Accueil", "Délai", "Total"]
    # Autonomie: 2 masked, and 6 with it (8 - 6 would give the 2 away).
    assert service.lignes == [["Autonomie", "< 5", "< 5", 8], ["Insertion", 7, 0, 7]]
    mois = r.tableaux["reclamations_mois"].lignes
    assert mois == [["01/2024", "< 5", "< 5", 8], ["03/2024", 7, 0, 7]]
    assert reclamations.calculer(Filtres(service=insertion.pk)).total == 7
