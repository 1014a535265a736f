"""Rate limits behind a proxy and across processes: the client address from the right hop
only, every public API endpoint limited, counters atomic and shared (the SQLite file of one
machine, and Redis when SUN_CACHE_URL names one), the error-report form counted by client."""

import socket
import subprocess
import sys
import textwrap
import threading

import pytest
from django.core.cache.backends.redis import RedisCache
from django.test import RequestFactory

from sun.core import limites
from sun.core.client import adresse_client
from sun.core.limites import Regle, compter, lire_regle
from sun.inclusion.models import SignalementErreur
from tests.inclusion.factories import LieuFactory
from tests.outils import texte

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _horloge_fixe(monkeypatch):
    """Windows of the limits are aligned on the clock: a fixed one, so none ends mid-test."""
    monkeypatch.setattr("sun.core.limites.horloge", lambda: 1_800_000_030.0)


REDIS = "redis://127.0.0.1:6379/15"


def _redis_joignable() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
        return True
    except OSError:
        return False


@pytest.fixture(params=["fichier", "redis"])
def compteurs(request, settings):
    """The counters of one machine (SQLite file under var/), then Redis (CI runs one)."""
    if request.param == "redis":
        if not _redis_joignable():
            pytest.skip("Redis absent sur 127.0.0.1:6379")
        settings.CACHES = {**settings.CACHES, "limites": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS,
            "KEY_PREFIX": "sun-tests-limites"}}  # fmt: skip
        from django.core.cache import caches

        assert isinstance(caches["limites"], RedisCache)
    limites.effacer()
    yield request.param
    limites.effacer()


def _requete(remote="10.0.0.1", xff=None):
    meta = {"REMOTE_ADDR": remote}
    if xff is not None:
        meta["HTTP_X_FORWARDED_FOR"] = xff
    return RequestFactory().get("/", **meta)


# --- the client's address ---------------------------------------------------------------------
def test_sans_proxy_de_confiance_l_en_tete_est_ignore(settings):
    settings.SUN_PROXYS_DE_CONFIANCE = 0
    assert adresse_client(_requete("203.0.113.7", "198.51.100.1")) == "203.0.113.7"


def test_derriere_un_proxy_le_client_est_le_saut_de_droite(settings):
    settings.SUN_PROXYS_DE_CONFIANCE = 1
    # What the client wrote itself (left) changes nothing: only the proxy's entry counts.
    for forge in ["1.1.1.1", "2.2.2.2, 3.3.3.3", "nimportequoi"]:
        assert adresse_client(_requete("10.0.0.2", f"{forge}, 198.51.100.9")) == "198.51.100.9"
    settings.SUN_PROXYS_DE_CONFIANCE = 2
    assert adresse_client(_requete("10.0.0.2", "6.6.6.6, 198.51.100.9, 10.0.0.3")) == "198.51.100.9"


def test_un_en_tete_trop_court_ou_illisible_ne_donne_que_l_adresse_reelle(settings):
    settings.SUN_PROXYS_DE_CONFIANCE = 2
    assert adresse_client(_requete("10.0.0.2", "198.51.100.9")) == "10.0.0.2"
    settings.SUN_PROXYS_DE_CONFIANCE = 1
    assert adresse_client(_requete("10.0.0.2", "pas-une-adresse")) == "10.0.0.2"
    assert adresse_client(_requete("10.0.0.2")) == "10.0.0.2"


def test_ipv6_comptee_par_reseau_de_64(settings):
    settings.SUN_PROXYS_DE_CONFIANCE = 0
    a = adresse_client(_requete("2001:db8:1:2::1"))
    assert a == adresse_client(_requete("2001:db8:1:2:ffff::9")) == "2001:db8:1:2::"
    assert a != adresse_client(_requete("2001:db8:1:3::1"))
    assert adresse_client(_requete("::ffff:192.0.2.4")) == "192.0.2.4"


# --- rules and counters -----------------------------------------------------------------------
def test_regles():
    assert lire_regle("120/min") == Regle(120, 60)
    assert lire_regle("10/5m") == Regle(10, 300)
    assert lire_regle("") is None
    with pytest.raises(ValueError, match="illisible"):
        lire_regle("beaucoup", "SUN_LIMITE_EXPORTS")


def test_compteur_par_fenetre(compteurs):
    regle = Regle(3, 60)
    permis = [compter("essai", "a", regle, maintenant=1200.0).permis for _ in range(5)]
    assert permis == [True, True, True, False, False]
    assert compter("essai", "b", regle, maintenant=1200.0).permis  # another client
    assert compter("essai", "a", regle, maintenant=1260.0).permis  # the next window
    assert compter("essai", "a", regle, maintenant=1200.0).attente == 60.0


def test_rafale_concurrente_ne_depasse_pas_la_limite(compteurs):
    """Forty threads at once against a limit of ten: exactly ten pass."""
    regle, resultats, depart = Regle(10, 3600), [], threading.Barrier(40)

    def client():
        depart.wait()
        resultats.append(compter("rafale", "meme-client", regle, maintenant=7200.0).permis)

    fils = [threading.Thread(target=client) for _ in range(40)]
    for f in fils:
        f.start()
    for f in fils:
        f.join()
    assert resultats.count(True) == 10


def test_compteurs_partages_entre_processus(compteurs, settings):
    """Two server processes count for the same client: 2 × 30 requests against 40 allowed."""
    programme = textwrap.dedent(f"""
        import django, json, sys
        django.setup()
        from django.conf import settings
        if {compteurs == "redis"!r}:
            settings.CACHES["limites"] = {{"BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": {REDIS!r}, "KEY_PREFIX": "sun-tests-limites"}}
        from sun.core.limites import Regle, compter
        print(sum(compter("proc", "client", Regle(40, 3600), maintenant=3600.0).permis
                  for _ in range(30)))
    """)
    processus = [subprocess.Popen([sys.executable, "-c", programme], stdout=subprocess.PIPE,
                                  text=True) for _ in range(2)]  # fmt: skip
    permis = [int(p.communicate(timeout=120)[0].strip()) for p in processus]
    assert sum(permis) == 40


# --- the API ----------------------------------------------------------------------------------
def test_chaque_point_de_l_api_est_limite(client, settings):
    settings.SUN_API_LIMITE_ANONYME = "2/min"
    for chemin in ["/api/indicateurs", "/api/departements", "/api/epci"]:
        limites.effacer()
        assert [client.get(chemin).status_code for _ in range(3)] == [200, 200, 429], chemin
    reponse = client.get("/api/departements")
    assert "Trop de requêtes" in reponse.json()["detail"] and int(reponse["Retry-After"]) >= 1


def test_en_tete_tournant_ne_contourne_pas_la_limite(client, settings):
    settings.SUN_API_LIMITE_ANONYME = "5/min"
    settings.SUN_PROXYS_DE_CONFIANCE = 1
    statuts = [
        client.get(
            "/api/indicateurs", HTTP_X_FORWARDED_FOR=f"10.9.{i}.1, 198.51.100.20"
        ).status_code
        for i in range(20)
    ]
    assert statuts.count(200) == 5 and statuts[5:] == [429] * 15
    # Without a trusted proxy, the header is the client's own words: ignored all the same.
    settings.SUN_PROXYS_DE_CONFIANCE = 0
    limites.effacer()
    statuts = [client.get("/api/indicateurs", HTTP_X_FORWARDED_FOR=f"10.8.{i}.1").status_code
               for i in range(8)]  # fmt: skip
    assert statuts.count(200) == 5


def test_un_agent_connecte_n_est_pas_limite(client, settings, utilisateur_avec_role):
    from sun.comptes.roles import Role

    settings.SUN_API_LIMITE_ANONYME = "1/min"
    client.force_login(utilisateur_avec_role(Role.AGENT))
    assert {client.get("/api/indicateurs").status_code for _ in range(4)} == {200}


# --- the error-report form behind a proxy -----------------------------------------------------
def test_signalements_comptes_par_client_derriere_le_proxy(client, settings):
    from tests.web.test_trouver import _signalement

    settings.SUN_PROXYS_DE_CONFIANCE = 1
    settings.SUN_LIMITE_SIGNALEMENTS = "2/h"
    lieu = LieuFactory()
    url = f"/lieux/{lieu.pk}/"

    def envoyer(client_ip):
        return client.post(url, _signalement(), HTTP_X_FORWARDED_FOR=f"6.6.6.6, {client_ip}",
                           REMOTE_ADDR="10.0.0.1")  # fmt: skip

    assert [envoyer("198.51.100.1").status_code for _ in range(2)] == [302, 302]
    refus = envoyer("198.51.100.1")
    assert refus.status_code == 400 and "réessayez dans une heure" in texte(refus)
    # Another resident behind the same proxy is not refused for the first one's reports.
    autre = envoyer("198.51.100.2")
    assert autre.status_code == 302, [
        l for l in texte(autre).splitlines() if "erreur" in l.lower() or "signal" in l.lower()
    ][:8]
    assert SignalementErreur.objects.count() == 3
