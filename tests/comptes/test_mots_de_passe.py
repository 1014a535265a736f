"""Every account changes its password in the agent space, and an account with an e-mail
address gets a new one through a link sent by e-mail (« mot de passe oublié »): French pages
in the site's layout, the same answer whether the address is known or not, a limit on
requests, and `sun comptes creer` names the page."""

import re

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client

from sun.cli import main
from sun.cli.sortie import OK
from sun.comptes.roles import Role
from tests.comptes.factories import MOT_DE_PASSE, UtilisateurFactory
from tests.outils import texte

pytestmark = pytest.mark.django_db

NOUVEAU = "Un-nouveau-secret-tres-long-77"


def test_changer_son_mot_de_passe(client):
    agent = UtilisateurFactory(username="agent-change", roles=[Role.AGENT])
    assert client.get("/espace/mot-de-passe/")["Location"].startswith("/se-connecter/?next=")
    client.force_login(agent)
    assert 'href="/espace/mot-de-passe/"' in texte(client.get("/espace/"))
    page = texte(client.get("/espace/mot-de-passe/"))
    assert "<h1>Changer mon mot de passe</h1>" in page
    for etiquette in ('for="id_old_password">Mot de passe actuel',
                      'for="id_new_password1">Nouveau mot de passe',
                      'for="id_new_password2">Nouveau mot de passe, à nouveau'):  # fmt: skip
        assert etiquette in page
    assert "Au moins 10 caractères" in page
    erreur = client.post(
        "/espace/mot-de-passe/",
        {"old_password": "faux", "new_password1": "1234", "new_password2": "4321"},
    )
    page = texte(erreur)
    assert erreur.status_code == 200
    assert "Le formulaire contient 2 erreurs" in page
    assert 'href="#id_old_password"' in page and 'aria-invalid="true"' in page
    assert "Votre ancien mot de passe est incorrect" in page
    envoi = client.post(
        "/espace/mot-de-passe/",
        {"old_password": MOT_DE_PASSE, "new_password1": NOUVEAU, "new_password2": NOUVEAU},
    )
    assert envoi["Location"] == "/espace/mot-de-passe/change/"
    assert "Mot de passe changé" in texte(client.get(envoi["Location"]))
    agent.refresh_from_db()
    assert agent.check_password(NOUVEAU)
    assert client.get("/espace/").status_code == 200  # still signed in


def _demander(client, email: str):
    return client.post("/mot-de-passe-oublie/", {"email": email})


def test_mot_de_passe_oublie_par_courriel():
    agent = UtilisateurFactory(
        username="agent-oublie", roles=[Role.AGENT], email="agent.oublie@aude.fr"
    )
    client = Client(REMOTE_ADDR="198.51.100.5")
    assert 'href="/mot-de-passe-oublie/"' in texte(client.get("/se-connecter/"))
    page = texte(client.get("/mot-de-passe-oublie/"))
    assert 'for="id_email">Adresse électronique de votre compte' in page
    # Known and unknown addresses: the same page, one e-mail only.
    inconnue = _demander(client, "personne@aude.fr")
    connue = _demander(client, "Agent.Oublie@aude.fr")
    assert inconnue["Location"] == connue["Location"] == "/mot-de-passe-oublie/envoye/"
    assert "Si l'adresse indiquée correspond à un compte" in texte(client.get(connue["Location"]))
    assert len(mail.outbox) == 1
    courriel = mail.outbox[0]
    assert courriel.to == ["agent.oublie@aude.fr"]
    assert courriel.subject.startswith("Nouveau mot de passe pour votre compte")
    assert "« agent-oublie »" in courriel.body and "Vous n'avez rien demandé ?" in courriel.body
    lien = re.search(r"http://testserver(/mot-de-passe-oublie/\S+/\S+/)", courriel.body).group(1)
    formulaire = client.get(lien, follow=True)
    assert "Choisir un nouveau mot de passe" in texte(formulaire)
    adresse = formulaire.redirect_chain[-1][0]
    faible = texte(client.post(adresse, {"new_password1": "1234", "new_password2": "1234"}))
    assert "Le formulaire contient 1 erreur" in faible and "trop court" in faible
    fini = client.post(adresse, {"new_password1": NOUVEAU, "new_password2": NOUVEAU})
    assert fini["Location"] == "/mot-de-passe-oublie/termine/"
    assert "Mot de passe enregistré" in texte(client.get(fini["Location"]))
    agent.refresh_from_db()
    assert agent.check_password(NOUVEAU)
    # The link served once.
    assert "Ce lien ne fonctionne plus" in texte(client.get(lien, follow=True))


def test_un_nouveau_mot_de_passe_leve_le_blocage():
    UtilisateurFactory(username="agent-bloque-oubli", roles=[Role.AGENT], email="b@aude.fr")
    client = Client(REMOTE_ADDR="203.0.113.50")
    for _ in range(5):
        client.post("/se-connecter/", {"username": "agent-bloque-oubli", "password": "faux"})
    _demander(client, "b@aude.fr")
    lien = re.search(r"http://testserver(\S+)", mail.outbox[0].body).group(1)
    adresse = client.get(lien, follow=True).redirect_chain[-1][0]
    client.post(adresse, {"new_password1": NOUVEAU, "new_password2": NOUVEAU})
    connexion = client.post(
        "/se-connecter/", {"username": "agent-bloque-oubli", "password": NOUVEAU}
    )
    assert connexion.status_code == 302


def test_demandes_limitees_par_adresse_et_par_courriel(settings):
    settings.SUN_LIMITE_MOT_DE_PASSE_OUBLIE = "3/h"
    UtilisateurFactory(username="agent-cible-oubli", roles=[Role.AGENT], email="cible@aude.fr")
    robot = Client(REMOTE_ADDR="203.0.113.9")
    for numero in range(3):
        assert _demander(robot, f"inconnu{numero}@aude.fr").status_code == 302
    refus = _demander(robot, "cible@aude.fr")
    assert refus.status_code == 429
    assert "Trop de demandes de réinitialisation" in texte(refus)
    assert mail.outbox == []
    # From many addresses, one e-mail address is not flooded either (the refused request
    # above counted for it too: every request counts, whatever its fate).
    for numero in range(2):
        _demander(Client(REMOTE_ADDR=f"192.0.2.{numero + 1}"), "cible@aude.fr")
    assert len(mail.outbox) == 2
    assert _demander(Client(REMOTE_ADDR="192.0.2.200"), "cible@aude.fr").status_code == 429
    assert len(mail.outbox) == 2


def test_creer_un_compte_donne_la_page_du_mot_de_passe(capsys):
    assert main(["comptes", "creer", "nouvel-agent", "--role", "agent"]) == OK
    sortie = capsys.readouterr().out
    assert "Mot de passe (à transmettre puis à changer)" in sortie
    assert "/espace/mot-de-passe/" in sortie
    assert User.objects.filter(username="nouvel-agent").exists()


def test_mot_de_passe_actuel_essaye_un_nombre_limite_de_fois(
    client, utilisateur_avec_role, settings, monkeypatch
):
    from sun.comptes.roles import Role

    monkeypatch.setattr("sun.core.limites.horloge", lambda: 1_800_000_030.0)  # no window ends
    settings.SUN_CONNEXION_ECHECS_MAX = 3
    utilisateur = utilisateur_avec_role(Role.MEDIATEUR)
    client.force_login(utilisateur)
    faux = {"old_password": "pas-le-bon", "new_password1": "Tres-Solide-2026!",
            "new_password2": "Tres-Solide-2026!"}  # fmt: skip
    for _ in range(3):
        assert "Trop d'essais" not in client.post("/espace/mot-de-passe/", faux).content.decode()
    page = client.post("/espace/mot-de-passe/", faux).content.decode()
    assert "Trop d&#x27;essais" in page or "Trop d'essais" in page
