"""Login throttling (django-axes): after SUN_CONNEXION_ECHECS_MAX wrong passwords for one
account from one client address, even the right password is refused, on the site's login page
and on the admin's, with a French page; the pair only, for SUN_CONNEXION_BLOCAGE_MINUTES; the
address is the site's (sun.core.client); an administrator sees and lifts the lockouts."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from sun.cli import main
from sun.cli.sortie import DONNEES, OK
from sun.comptes.roles import Role
from tests.comptes.factories import MOT_DE_PASSE, UtilisateurFactory
from tests.outils import texte

pytestmark = pytest.mark.django_db

ATTAQUANT = "203.0.113.7"
AGENT_AU_BUREAU = "198.51.100.20"


def _client(adresse: str = ATTAQUANT, **entetes) -> Client:
    return Client(REMOTE_ADDR=adresse, **entetes)


def _essayer(client: Client, identifiant: str, mot_de_passe: str, url: str = "/se-connecter/"):
    return client.post(url, {"username": identifiant, "password": mot_de_passe})


def _marteler(client: Client, identifiant: str, fois: int = 50, url: str = "/se-connecter/"):
    for numero in range(fois):
        _essayer(client, identifiant, f"mauvais-{numero}", url)


def test_reglages_de_test_gardent_le_blocage_actif():
    assert settings.AXES_ENABLED is True
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"
    assert settings.AXES_HANDLER == "axes.handlers.database.AxesDatabaseHandler"
    assert settings.MIDDLEWARE[-1] == "axes.middleware.AxesMiddleware"
    assert settings.AXES_FAILURE_LIMIT == settings.SUN_CONNEXION_ECHECS_MAX == 5


def test_cinquante_mauvais_mots_de_passe_puis_le_bon_refuse_sur_la_connexion():
    UtilisateurFactory(username="agent-cible", roles=[Role.AGENT])
    client = _client()
    _marteler(client, "agent-cible")
    reponse = _essayer(client, "agent-cible", MOT_DE_PASSE)
    assert reponse.status_code == 429 and reponse["Retry-After"] == "1800"
    page = texte(reponse)
    assert "Connexion temporairement bloquée" in page
    assert "pendant 30 minutes" in page
    assert "administrateur de la plateforme" in page
    assert 'href="/mot-de-passe-oublie/"' in page
    assert "too many" not in page.lower() and "<main" in page  # French, in the site's layout
    assert client.get("/espace/").status_code == 302  # not signed in


def test_le_blocage_commence_a_la_limite():
    UtilisateurFactory(username="agent-limite", roles=[Role.AGENT])
    client = _client()
    _marteler(client, "agent-limite", fois=settings.SUN_CONNEXION_ECHECS_MAX - 1)
    assert _essayer(client, "agent-limite", MOT_DE_PASSE).status_code == 302  # 4 typos: fine
    client.post("/deconnexion/")
    _marteler(client, "agent-limite", fois=settings.SUN_CONNEXION_ECHECS_MAX)
    assert _essayer(client, "agent-limite", MOT_DE_PASSE).status_code == 429


def test_cinquante_mauvais_mots_de_passe_puis_le_bon_refuse_sur_l_admin():
    UtilisateurFactory(username="admin-cible", roles=[Role.ADMINISTRATEUR])
    client = _client()
    _marteler(client, "admin-cible", url="/admin/login/")
    reponse = _essayer(client, "admin-cible", MOT_DE_PASSE, url="/admin/login/")
    assert reponse.status_code == 429
    assert "Connexion temporairement bloquée" in texte(reponse)
    assert client.get("/admin/").status_code == 302


def test_seule_la_paire_compte_et_adresse_est_bloquee():
    """The attacker's address is refused for that account; the agent at the office, and the
    attacker for another account, are not (nobody locks every account from outside)."""
    UtilisateurFactory(username="agent-bureau", roles=[Role.AGENT])
    UtilisateurFactory(username="agent-voisin", roles=[Role.AGENT])
    attaquant = _client()
    _marteler(attaquant, "agent-bureau")
    assert _essayer(attaquant, "agent-bureau", MOT_DE_PASSE).status_code == 429
    assert _essayer(_client(AGENT_AU_BUREAU), "agent-bureau", MOT_DE_PASSE).status_code == 302
    assert _essayer(attaquant, "agent-voisin", MOT_DE_PASSE).status_code == 302


def test_x_forwarded_for_sans_proxy_de_confiance_ne_contourne_pas_le_blocage(settings):
    settings.SUN_PROXYS_DE_CONFIANCE = 0
    UtilisateurFactory(username="agent-xff", roles=[Role.AGENT])
    for numero in range(10):  # a new forged header for every attempt
        _essayer(_client(HTTP_X_FORWARDED_FOR=f"10.0.0.{numero}"), "agent-xff", "mauvais")
    forge = _client(HTTP_X_FORWARDED_FOR="10.9.9.9")
    assert _essayer(forge, "agent-xff", MOT_DE_PASSE).status_code == 429


def test_derriere_un_proxy_de_confiance_l_adresse_est_celle_du_client(settings):
    """Through one trusted proxy (same REMOTE_ADDR for everyone), the lockout follows the
    client's address, the right hop of X-Forwarded-For, as the rest of the site counts it."""
    settings.SUN_PROXYS_DE_CONFIANCE = 1
    UtilisateurFactory(username="agent-proxy", roles=[Role.AGENT])
    proxy = "10.0.0.1"
    attaquant = _client(proxy, HTTP_X_FORWARDED_FOR=f"1.1.1.1, {ATTAQUANT}")
    _marteler(attaquant, "agent-proxy", fois=5)
    assert _essayer(attaquant, "agent-proxy", MOT_DE_PASSE).status_code == 429
    bureau = _client(proxy, HTTP_X_FORWARDED_FOR=AGENT_AU_BUREAU)
    assert _essayer(bureau, "agent-proxy", MOT_DE_PASSE).status_code == 302


def test_le_blocage_cesse_apres_la_duree_de_blocage():
    from axes.models import AccessAttempt

    UtilisateurFactory(username="agent-patient", roles=[Role.AGENT])
    client = _client()
    _marteler(client, "agent-patient", fois=5)
    assert _essayer(client, "agent-patient", MOT_DE_PASSE).status_code == 429
    # The failures are now 31 minutes old (no clock involved: the records are moved back).
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=31))
    assert _essayer(client, "agent-patient", MOT_DE_PASSE).status_code == 302


def test_commande_debloquer(capsys):
    UtilisateurFactory(username="agent-bloque", roles=[Role.AGENT])
    client = _client()
    _marteler(client, "agent-bloque", fois=5)
    _marteler(_client("192.0.2.1"), "agent-bloque", fois=5)
    assert _essayer(client, "agent-bloque", MOT_DE_PASSE).status_code == 429
    assert main(["comptes", "debloquer", "agent-bloque"]) == OK
    assert "Compte « agent-bloque » débloqué" in capsys.readouterr().out
    assert _essayer(client, "agent-bloque", MOT_DE_PASSE).status_code == 302
    assert _essayer(_client("192.0.2.1"), "agent-bloque", MOT_DE_PASSE).status_code == 302
    assert main(["comptes", "debloquer", "agent-bloque"]) == OK
    assert "n'était pas bloqué" in capsys.readouterr().out
    assert main(["comptes", "debloquer", "personne"]) == DONNEES
    assert "Aucun compte « personne »" in capsys.readouterr().err


def test_l_administrateur_voit_et_leve_les_blocages_dans_l_admin():
    from axes.models import AccessAttempt

    UtilisateurFactory(username="agent-vu", roles=[Role.AGENT])
    _marteler(_client(), "agent-vu", fois=5)
    admin = Client()
    admin.force_login(UtilisateurFactory(username="admin-qui-voit", roles=[Role.ADMINISTRATEUR]))
    liste = admin.get("/admin/axes/accessattempt/")
    assert liste.status_code == 200
    assert "agent-vu" in texte(liste) and ATTAQUANT in texte(liste)
    tentative = AccessAttempt.objects.get(username="agent-vu")
    supprimer = admin.post(f"/admin/axes/accessattempt/{tentative.pk}/delete/", {"post": "yes"})
    assert supprimer.status_code == 302 and not AccessAttempt.objects.exists()
    # Nobody else reads them.
    agent = Client()
    agent.force_login(UtilisateurFactory(username="agent-curieux", roles=[Role.AGENT]))
    assert agent.get("/admin/axes/accessattempt/").status_code != 200


def test_purge_quotidienne_des_traces_de_connexion(settings):
    from axes.models import AccessAttempt, AccessLog

    from sun.comptes.tasks import purger_journal_connexions

    settings.SUN_CONNEXION_CONSERVATION_JOURS = 180
    UtilisateurFactory(username="agent-journal", roles=[Role.AGENT])
    _marteler(_client(), "agent-journal", fois=2)
    _essayer(_client("192.0.2.9"), "agent-journal", MOT_DE_PASSE)
    assert AccessLog.objects.count() == 1 and AccessAttempt.objects.count() == 1
    assert "0 tentative(s)" in purger_journal_connexions()  # recent: kept
    ancien = timezone.now() - timedelta(days=181)
    AccessAttempt.objects.update(attempt_time=ancien)
    AccessLog.objects.update(attempt_time=ancien)
    resume = purger_journal_connexions()
    assert resume.startswith("1 tentative(s) échouée(s) et 1 connexion(s)")
    assert not AccessAttempt.objects.exists() and not AccessLog.objects.exists()


def test_la_page_donnees_personnelles_dit_ce_qui_est_garde_et_combien_de_temps(client):
    page = texte(client.get("/donnees-personnelles/"))
    assert "chaque mot de passe refusé sont enregistrés" in page
    assert "effacées après 180 jours" in page and "bloquée pendant 30 minutes" in page
