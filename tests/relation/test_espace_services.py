"""Agent space › service dashboards: rights, figures from `tableau_service`, demonstration
requests apart, and a number of queries that does not grow with the rows shown."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from sun.comptes.roles import Role
from sun.relation.registre.services import changer_statut
from tests.relation.factories import DemarcheFactory, ServiceFactory, demande

pytestmark = pytest.mark.django_db


@pytest.fixture
def service():
    return ServiceFactory(code="autonomie", nom="Direction de l'autonomie")


def _recue(jours_avant_echeance: int, demarche, **autres):
    """A request whose implicit decision falls `jours_avant_echeance` days from today
    (20-day démarches make that exact)."""
    jour = timezone.localdate()
    return demande(demarche, recue_le=jour - timedelta(days=20 - jours_avant_echeance),
                   aujourd_hui=jour, **autres)  # fmt: skip


def _demarche(service):
    return DemarcheFactory(service=service, delai_valeur=20, delai_unite="jours")


def test_droits(client, service, utilisateur_avec_role):
    from tests.comptes.factories import UtilisateurFactory

    url = reverse("espace:relation_service", args=[service.code])
    assert client.get(url).status_code == 302
    etranger = UtilisateurFactory(username="instr-autre", roles=[Role.INSTRUCTEUR])
    ServiceFactory(code="insertion").instructeurs.add(etranger)
    client.force_login(etranger)
    r = client.get(url)
    assert r.status_code == 403 and "réservé à ses instructeurs" in r.content.decode()
    liste = client.get(reverse("espace:relation_services")).content.decode()
    assert "Direction de l&#x27;autonomie" not in liste
    service.instructeurs.add(etranger)
    client.force_login(etranger)
    assert client.get(url).status_code == 200
    client.force_login(utilisateur_avec_role(Role.MEDIATEUR))
    assert client.get(reverse("espace:relation_services")).status_code == 403
    client.force_login(utilisateur_avec_role(Role.AGENT))
    assert client.get(url).status_code == 200
    assert client.get(reverse("espace:relation_service", args=["inconnu"])).status_code == 404


def test_chiffres_et_demonstration_a_part(client, service, utilisateur_avec_role):
    demarche = _demarche(service)
    proches = [_recue(3, demarche, nom=f"Proche {i}") for i in range(2)]
    _recue(12, demarche, nom="Lointaine")
    passee = _recue(-2, demarche, nom="Passée")
    decidee = _recue(5, demarche)
    decidee = changer_statut(decidee, "en_instruction")
    changer_statut(decidee, "accepte")
    _recue(4, demarche, nom="Démo", demonstration=True)
    client.force_login(utilisateur_avec_role(Role.AGENT))
    r = client.get(reverse("espace:relation_service", args=[service.code]))
    t = r.context["tableau"]
    assert t.dans_7_jours == 2 and t.dans_15_jours == 3 and t.decidees_implicitement == 1
    assert t.total == 5 and t.par_statut["accepte"] == 1 and t.part_dans_les_temps == 100.0
    assert r.context["demonstration"]["total"] == 1
    assert r.context["demonstration"]["dans_7_jours"] == 1
    contenu = r.content.decode()
    assert "Démonstration (non comptées)" in contenu and "jamais comptées" in contenu
    for d in proches:
        assert reverse("espace:relation_demande", args=[d.pk]) in contenu
    assert passee.code_suivi not in contenu.split("prochaines décisions")[-1]
    liste = client.get(reverse("espace:relation_services")).content.decode()
    assert "de démonstration, non comptée" in liste


def test_sans_demonstration_pas_de_ligne(client, service, utilisateur_avec_role):
    _recue(3, _demarche(service))
    client.force_login(utilisateur_avec_role(Role.AGENT))
    r = client.get(reverse("espace:relation_service", args=[service.code]))
    assert not r.context["demonstration"]  # a lazy None: no demonstration line
    assert "Démonstration" not in r.content.decode()


def _requetes(client, url) -> int:
    with CaptureQueriesContext(connection) as requetes:
        assert client.get(url).status_code == 200
    return len(requetes)


def test_resultat_garde_jusqu_a_la_prochaine_ecriture(client, service, utilisateur_avec_role):
    demarche = _demarche(service)
    client.force_login(utilisateur_avec_role(Role.AGENT))
    url = reverse("espace:relation_service", args=[service.code])
    avant = client.get(url).content.decode()
    _recue(3, demarche, nom="Nouvelle Personne")
    apres = client.get(url).content.decode()
    assert "Nouvelle Personne" not in avant and "Nouvelle Personne" in apres


def test_pas_de_requete_par_ligne(client, service, utilisateur_avec_role):
    """The dashboard's queries do not grow with the 50 rows it shows (no N+1), and none of
    them counts the whole register (only the counters and the partial index)."""
    demarche = _demarche(service)
    _recue(3, demarche)
    client.force_login(utilisateur_avec_role(Role.AGENT))
    url = reverse("espace:relation_service", args=[service.code])
    cache.clear()  # each measure computes the dashboard (no result kept from the one before)
    _requetes(client, url)
    cache.clear()
    une = _requetes(client, url)
    for i in range(8):
        _recue(2 + i % 5, _demarche(service), nom=f"Personne {i}")
    cache.clear()
    assert _requetes(client, url) == une
    assert _requetes(client, url) < une  # then kept until the register changes
    cache.clear()
    with CaptureQueriesContext(connection) as requetes:
        client.get(url)
    comptages = [q["sql"] for q in requetes if "COUNT(" in q["sql"].upper()
                 and "relation_demande" in q["sql"]]  # fmt: skip
    for sql in comptages:  # every count of requests is on open ones of this service
        assert "service_id" in sql and "date_decision_implicite" in sql, sql
    liste = reverse("espace:relation_services")
    avant = _requetes(client, liste)
    ServiceFactory(code="autre-service")
    assert _requetes(client, liste) == avant


def test_decisions_deja_acquises_listees(client, service, utilisateur_avec_role):
    """The most urgent requests (implicit decision already born) are listed, not only
    counted."""
    _recue(-3, _demarche(service), nom="Personne En Retard")
    client.force_login(utilisateur_avec_role(Role.AGENT))
    page = client.get(reverse("espace:relation_service", args=[service.code])).content.decode()
    assert 'id="acquises"' in page and "Personne En Retard" in page and 'href="#acquises"' in page
