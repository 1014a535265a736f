"""The staffing aid (arrivals averaged over the weekdays of the period, handling time, Erlang C
or Erlang A by the number of abandons, next to the rota) and the rota entry."""

from datetime import datetime, timedelta

import pytest
from django.urls import reverse

from sun.comptes.roles import Role
from sun.qualite.models import Effectif, Issue
from sun.qualite.telephonie import effectifs, erlang
from sun.qualite.telephonie.services import PlanningInvalide, enregistrer_planning
from sun.qualite.telephonie.statistiques.periodes import lire
from tests.qualite.factories import PARIS, FileAttenteFactory, appels
from tests.relation.factories import ServiceFactory

pytestmark = pytest.mark.django_db

MARS = {"periode": "dates", "du": "2024-03-01", "au": "2024-03-31"}


@pytest.fixture
def file():
    service = ServiceFactory(code="autonomie", nom="Direction de l'autonomie")
    f = FileAttenteFactory(code="APA", nom="Accueil APA", service=service)
    for semaine in range(4):  # Mondays 4, 11, 18, 25 March: 40 calls from 9 h to 9 h 30
        lundi = datetime(2024, 3, 4, 9, 5, tzinfo=PARIS) + timedelta(weeks=semaine)
        appels(f, 40, lundi, attente_s=15, conversation_s=180)
    appels(f, 10, datetime(2024, 3, 5, 14, 0, tzinfo=PARIS), attente_s=15, conversation_s=180)
    appels(f, 6, datetime(2024, 3, 4, 20, 0, tzinfo=PARIS), issue=Issue.HORS_HORAIRES)
    appels(f, 9, datetime(2024, 3, 4, 9, 5, tzinfo=PARIS), demonstration=True)
    return f


def _creneau(resultat, jour: str, libelle: str):
    return next(c for j, cs in resultat.jours if j == jour for c in cs if c.libelle == libelle)


def test_erlang_c_sans_abandons(file):
    objectif = effectifs.OBJECTIFS["80en20"]
    r = effectifs.calculer(file.pk, lire(MARS, file.appels.first().jour), objectif, 0)
    assert r.modele == "Erlang C" and "moins de 30" in r.raison
    assert r.duree_moyenne_s == 180 and r.decroches == 170
    lundi = _creneau(r, "lundi", "9 h – 9 h 30")
    assert lundi.appels == 40.0 and lundi.charge == 4.0  # 160 calls over 4 Mondays
    assert lundi.necessaires == erlang.agents_erlang_c(4.0, 180, 0.80, 20)
    mardi = _creneau(r, "mardi", "14 h – 14 h 30")
    assert mardi.appels == round(10 / 3, 1)  # 3 Tuesdays between 4 and 25 March
    assert mardi.necessaires == erlang.agents_erlang_c(10 / 3 / 1800 * 180, 180, 0.8, 20)
    assert [j for j, _ in r.jours] == ["lundi", "mardi"]
    assert _creneau(r, "lundi", "10 h – 10 h 30").necessaires == 0
    assert (
        not r.planning_saisi
        and lundi.en_poste is None
        and lundi.texte_ecart == "planning non saisi"
    )
    # Wrap-up time adds to the handling time.
    avec = effectifs.calculer(file.pk, lire(MARS, file.appels.first().jour), objectif, 60)
    assert _creneau(avec, "lundi", "9 h – 9 h 30").charge == pytest.approx(
        40 / 1800 * 240, abs=0.01
    )
    # 85 % answered without abandons: answered within the assumed patience.
    r85 = effectifs.calculer(file.pk, lire(MARS, file.appels.first().jour),
                             effectifs.OBJECTIFS["decroche"], 0)  # fmt: skip
    assert _creneau(r85, "lundi", "9 h – 9 h 30").necessaires == erlang.agents_erlang_c(
        4.0, 180, 0.85, effectifs.PATIENCE_SUPPOSEE_S
    )
    assert "60 secondes" in r85.raison


def test_erlang_a_avec_abandons_et_planning(file):
    appels(file, 40, datetime(2024, 3, 11, 9, 10, tzinfo=PARIS), issue=Issue.ABANDON_ATTENTE,
           attente_s=45, conversation_s=0)  # fmt: skip
    enregistrer_planning(file, {(1, 18): 3, (1, 19): 2, (2, 28): 2})
    periode = lire(MARS, file.appels.first().jour)
    r = effectifs.calculer(file.pk, periode, effectifs.OBJECTIFS["decroche"], 0)
    attente_totale = 160 * 15 + 10 * 15 + 40 * 45
    assert r.modele == "Erlang A" and r.abandons == 40
    assert r.patience_s == pytest.approx(attente_totale / 40)
    lundi = _creneau(r, "lundi", "9 h – 9 h 30")
    assert lundi.appels == 50.0
    attendu = erlang.agents_erlang_a(50 / 1800 * 180, 180, attente_totale / 40, 0.85, None)
    assert lundi.necessaires == attendu and lundi.en_poste == 3
    assert lundi.ecart == 3 - attendu and "il manque" in lundi.texte_ecart
    assert _creneau(r, "lundi", "9 h 30 – 10 h").texte_ecart.endswith("de plus que nécessaire")
    assert r.planning_saisi and r.manques >= 1


def test_trop_peu_d_appels():
    f = FileAttenteFactory(code="PETITE", service=ServiceFactory(code="petit"))
    appels(f, 3, datetime(2024, 3, 4, 9, 5, tzinfo=PARIS))
    r = effectifs.calculer(
        f.pk, lire(MARS, f.appels.first().jour), effectifs.OBJECTIFS["decroche"], 0
    )
    assert r.impossible and not r.jours


def test_page_effectifs(client, file, utilisateur_avec_role):
    client.force_login(utilisateur_avec_role(Role.PILOTE))
    url = reverse("espace:qualite_telephone_effectifs", args=["autonomie"])
    r = client.get(url, {**MARS, "objectif": "perso", "cible": "90", "delai_s": "30",
                         "apres_appel_s": "30"})  # fmt: skip
    contenu = r.content.decode()
    assert r.status_code == 200 and "Modèle utilisé : Erlang C" in contenu
    assert "90 % des appels décrochés en 30 s au plus" in contenu
    assert "Le modèle d'Erlang C" in contenu and "Le modèle d'Erlang A" in contenu
    assert "Les limites" in contenu and "Le planning de cette file n'est pas saisi" in contenu
    attendu = erlang.agents_erlang_c(40 / 1800 * 210, 210, 0.90, 30)
    assert f'<td class="nombre">{attendu}</td>' in contenu
    r = client.get(url, {**MARS, "objectif": "perso", "cible": "", "delai_s": "30"})
    assert "Choix non valides" in r.content.decode()
    assert client.get(url, {"file": "99999"}).status_code == 404


def test_saisie_du_planning(client, file, utilisateur_avec_role):
    client.force_login(utilisateur_avec_role(Role.AGENT))
    url = reverse("espace:qualite_telephone_planning", args=["autonomie"])
    r = client.get(url)
    assert 'name="j1_h18"' in r.content.decode() and 'name="j2_h28"' in r.content.decode()
    assert 'name="j3_h18"' not in r.content.decode()  # no call on Wednesdays
    r = client.post(url, {"file": file.pk, "j1_h18": "3", "j1_h19": "", "j2_h28": "1"})
    assert r.status_code == 302
    assert Effectif.objects.grille(file.pk) == {(1, 18): 3, (2, 28): 1}
    r = client.post(url, {"file": file.pk, "j1_h18": "-2", "j2_h28": "trois"})
    assert r.status_code == 200 and "n'a pas été enregistré" in r.content.decode()
    assert Effectif.objects.grille(file.pk) == {(1, 18): 3, (2, 28): 1}
    client.post(url, {"file": file.pk, "j1_h18": "", "j2_h28": "2"})
    assert Effectif.objects.grille(file.pk) == {(2, 28): 2}
    page = client.get(url).content.decode()
    assert 'value="2"' in page


def test_service_planning_refuse_les_valeurs_hors_limites(file):
    with pytest.raises(PlanningInvalide):
        enregistrer_planning(file, {(1, 18): 3, (8, 18): 1})
    with pytest.raises(PlanningInvalide):
        enregistrer_planning(file, {(1, 18): 501})
    assert not Effectif.objects.exists()
