"""The telephone dashboard of a service: every figure against counts made by hand, masking under
5 calls, demonstration calls apart, the heat map and the trend, the CSV, and the figures kept
until the telephone data change."""

from datetime import date, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sun.comptes.roles import Role
from sun.core.versions import donnees_ecrites
from sun.qualite.models import Appel, Issue
from sun.qualite.telephonie.services import regler_file
from sun.qualite.telephonie.statistiques.periodes import lire
from sun.qualite.telephonie.statistiques.tableau import calculer_liste, calculer_service
from tests.qualite.factories import PARIS, FileAttenteFactory, appels
from tests.relation.factories import ServiceFactory

pytestmark = pytest.mark.django_db

LUNDI_9H = datetime(2024, 3, 4, 9, 10, tzinfo=PARIS)
MARDI_14H = datetime(2024, 3, 5, 14, 5, tzinfo=PARIS)
LUNDI_19H = datetime(2024, 3, 4, 19, 0, tzinfo=PARIS)
FEVRIER = datetime(2024, 2, 5, 10, 0, tzinfo=PARIS)


@pytest.fixture
def service():
    return ServiceFactory(code="autonomie", nom="Direction de l'autonomie")


@pytest.fixture
def file(service):
    f = FileAttenteFactory(code="APA", nom="Accueil APA", service=service)
    appels(f, 40, LUNDI_9H, attente_s=10)
    appels(f, 10, MARDI_14H, attente_s=60)
    appels(f, 6, LUNDI_9H, issue=Issue.ABANDON_ATTENTE, attente_s=30, conversation_s=0)
    appels(f, 5, LUNDI_9H, issue=Issue.ABANDON_SONNERIE, attente_s=2, conversation_s=0)
    appels(f, 7, LUNDI_19H, issue=Issue.HORS_HORAIRES, attente_s=0, conversation_s=0)
    appels(f, 2, LUNDI_9H, issue=Issue.SVI_SEUL, attente_s=0, conversation_s=0)
    appels(f, 20, FEVRIER, attente_s=5)
    appels(f, 5, FEVRIER, issue=Issue.RAPPEL, attente_s=90, conversation_s=0)
    appels(f, 8, LUNDI_9H, demonstration=True)
    return f


def _periode(**parametres):
    return lire(parametres, date(2024, 12, 31))


def test_chiffres_du_service(service, file):
    t = calculer_service(service.pk, _periode(periode="annee", annee="2024"))
    c = t.chiffres
    assert t.recus == 95 and c.recus == 95
    assert c.a_decrocher == 95 - 7 - 2 - 5  # hors horaires, serveur vocal, abandons < 5 s
    assert c.taux == round(100 * 70 / 81, 1) and c.atteint is True and t.objectif == "85 %"
    assert c.dans_le_seuil == round(100 * 60 / 81, 1)
    assert (c.p50, c.p90) == (10, 60)
    assert c.abandons_courts == 5 and c.hors_horaires == 7
    assert t.demonstration == {"recus": 8, "taux": 100.0}
    assert t.date_donnees == date(2024, 3, 5)
    assert [(m.cle, m.recus, m.taux) for m in t.mois] == [
        ("2024-02", 25, 80.0), ("2024-03", 70, round(100 * 50 / 56, 1))]  # fmt: skip
    assert t.jours == [1, 2, 3, 4, 5]
    carte = dict(t.carte)
    assert carte["9 h – 9 h 30"] == [53, 0, 0, 0, 0]
    assert carte["10 h – 10 h 30"] == [25, 0, 0, 0, 0]
    assert carte["14 h – 14 h 30"] == [0, 10, 0, 0, 0]
    assert carte["19 h – 19 h 30"] == [7, 0, 0, 0, 0]
    assert len(t.carte) == 21  # 9 h to 19 h 30, every half-hour


def test_periodes_et_masquage(service, file):
    mars = calculer_service(service.pk, _periode(periode="mois", mois="2024-03"))
    assert mars.recus == 70 and mars.periode == "mars 2024"
    assert [m.cle for m in mars.mois] == ["2024-02", "2024-03"]  # the 12 months up to March
    t1 = calculer_service(service.pk, _periode(periode="trimestre", annee="2024", trimestre="1"))
    assert t1.recus == 95
    mardi = calculer_service(
        service.pk, _periode(periode="dates", du="2024-03-05", au="2024-03-05")
    )
    assert mardi.recus == 10 and mardi.chiffres.abandons_courts == 0
    # One queue with 3 calls on a day: nothing shown.
    appels(file, 3, datetime(2024, 6, 3, 9, 0, tzinfo=PARIS))
    juin = calculer_service(service.pk, _periode(periode="mois", mois="2024-06"))
    assert juin.trop_peu and juin.chiffres is None
    # 6 calls, 4 answered: shown, but the answered counts under 5 give no wait.
    appels(file, 3, datetime(2024, 7, 1, 9, 0, tzinfo=PARIS), issue=Issue.MESSAGERIE)
    appels(file, 4, datetime(2024, 7, 1, 9, 0, tzinfo=PARIS))
    juillet = calculer_service(service.pk, _periode(periode="mois", mois="2024-07"))
    assert juillet.chiffres.recus == 7 and juillet.chiffres.p50 is None
    assert juillet.chiffres.abandons_courts == 0 and dict(juillet.carte)["9 h – 9 h 30"][0] == 7
    appels(file, 2, datetime(2024, 7, 2, 9, 0, tzinfo=PARIS))
    juillet = calculer_service(service.pk, _periode(periode="mois", mois="2024-07"))
    assert dict(juillet.carte)["9 h – 9 h 30"][:2] == [7, "< 5"]


def test_periode_invalide_remplacee():
    p = _periode(periode="dates", du="2024-05-01", au="2024-04-01")
    assert p.type == "annee" and p.du == date(2024, 1, 1) and p.erreurs
    p = _periode(periode="mois", mois="2024-13")
    assert p.erreurs and "non reconnu" in p.erreurs[0]
    assert _periode(periode="semaine").erreurs
    assert _periode(periode="annee", annee="1900").erreurs


def test_liste_et_files_sans_service(service, file):
    FileAttenteFactory(code="STANDARD-2", nom="Standard secondaire")
    liste = calculer_liste(_periode(periode="annee", annee="2024"))
    assert [(s.libelle, s.recus, s.taux) for s in liste.services] == [
        ("Direction de l'autonomie", 95, round(100 * 70 / 81, 1))]  # fmt: skip
    assert [(nom, code) for _, nom, code, _ in liste.sans_service] == [
        ("Standard secondaire", "STANDARD-2")]  # fmt: skip
    assert liste.demonstration["recus"] == 8


def test_page_du_service_et_cache(client, service, file, utilisateur_avec_role):
    client.force_login(utilisateur_avec_role(Role.PILOTE))
    url = (
        reverse("espace:qualite_telephone_service", args=[service.code])
        + "?periode=annee&annee=2024"
    )
    r = client.get(url)
    contenu = r.content.decode()
    assert r.status_code == 200
    assert (
        "86,4 %" in contenu
        and "objectif 85 %" in contenu
        and "abandons de moins de 5 s exclus" in contenu
    )
    assert "DÉMONSTRATION" in contenu and "jamais comptés" in contenu
    assert (
        '<svg xmlns="http://www.w3.org/2000/svg"' in contenu
        and '<title id="carte-chaleur-titre">' in contenu
    )
    assert "Appels reçus par demi-heure et jour de la semaine" in contenu
    assert "Source : Relevés d&#x27;appels" in contenu and "dernier appel le 5 mars 2024" in contenu
    # Kept: the second answer reads no call.
    with CaptureQueriesContext(connection) as requetes:
        assert client.get(url).content.decode() == contenu
    assert not [q for q in requetes.captured_queries if "qualite_appel" in q["sql"]]
    # A bulk import of calls (as the importer does) changes the figures at once.
    appels(file, 30, LUNDI_9H, issue=Issue.ABANDON_ATTENTE, attente_s=40, conversation_s=0)
    donnees_ecrites(Appel)
    assert "86,4 %" not in client.get(url).content.decode()
    # So does a change of the queue's threshold (no abandon excluded any more).
    regler_file(file, service=service, objectif_decroche=90, abandon_court_s=0, seuil_reponse_s=20)
    contenu = client.get(url).content.decode()
    assert "objectif 90 %" in contenu and "objectif non atteint" in contenu


def test_page_sans_appel_et_file_absente(client, service, utilisateur_avec_role):
    client.force_login(utilisateur_avec_role(Role.AGENT))
    contenu = client.get(
        reverse("espace:qualite_telephone_service", args=[service.code])
    ).content.decode()
    assert "Aucun appel réel sur cette période" in contenu and "Aucune file d'attente" in contenu
    assert (
        client.get(reverse("espace:qualite_telephone_service", args=["inconnu"])).status_code == 404
    )
    r = client.get(
        reverse("espace:qualite_telephone_service", args=[service.code]) + "?periode=mois&mois=abc"
    )
    assert "non reconnu" in r.content.decode()


def test_liste_page(client, service, file, utilisateur_avec_role):
    FileAttenteFactory(code="STANDARD-2", nom="Standard secondaire")
    client.force_login(utilisateur_avec_role(Role.AGENT))
    contenu = client.get(
        reverse("espace:qualite_telephone") + "?periode=annee&annee=2024"
    ).content.decode()
    assert "Direction de l&#x27;autonomie" in contenu and "86,4 %" in contenu
    assert "Standard secondaire" in contenu and "Rattacher" in contenu
    client.force_login(utilisateur_avec_role(Role.PILOTE))
    contenu = client.get(
        reverse("espace:qualite_telephone") + "?periode=annee&annee=2024"
    ).content.decode()
    assert "Standard secondaire" in contenu and "Rattacher" not in contenu


def test_csv(client, service, file, utilisateur_avec_role):
    client.force_login(utilisateur_avec_role(Role.INSTRUCTEUR))
    r = client.get(
        reverse("espace:qualite_telephone_csv", args=[service.code]) + "?periode=annee&annee=2024"
    )
    assert r["Content-Type"].startswith("text/csv")
    texte = r.content.decode("utf-8-sig")
    lignes = texte.splitlines()
    assert "Ensemble du service;95;81;86,4;85 %;10,0;60,0;5;7;74,1" in lignes
    assert "Accueil APA;95;81;86,4;85 %;10,0;60,0;5;7;74,1" in lignes
    assert "9 h – 9 h 30;53;0;0;0;0" in lignes
    assert "Source : Relevés d'appels des standards" in lignes[-2]
    assert "Définition du taux de décroché" in texte
