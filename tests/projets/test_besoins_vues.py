"""The pages of the wing « besoins » per role: every member of staff describes a need; its page
is read by the author, the people of its direction, the IT service and administrators (others
403, anonymous visitors to the login page); submission refused with the missing sections
(400, nothing changed); the author no longer edits once submitted; only the IT service and
administrators change the status; the PDF; POST-only actions answer 405."""

import pytest
from django.urls import reverse

from sun.competences.services import choisir_ma_direction
from sun.comptes.roles import ESPACE, Role
from sun.projets.models import ExpressionBesoin
from tests.competences.factories import DirectionFactory
from tests.projets.fabriques_besoins import besoin_complet
from tests.projets.factories import BesoinFactory

pytestmark = pytest.mark.django_db


def _connecte(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def direction():
    return DirectionFactory(nom="Direction des routes")


@pytest.fixture
def agent(utilisateur_avec_role, direction):
    user = utilisateur_avec_role(Role.AGENT)
    choisir_ma_direction(user, direction)
    return user


def _formulaire(direction, **kwargs):
    donnees = {"titre": "Gérer le prêt de véhicules", "direction": direction.pk,
               "contexte": "Les prêts se font sur papier."}  # fmt: skip
    donnees.update(kwargs)
    return donnees


@pytest.mark.parametrize("role", ESPACE)
def test_liste_et_nouveau_pour_tout_le_personnel(client, utilisateur_avec_role, role):
    _connecte(client, utilisateur_avec_role(role))
    assert client.get(reverse("espace:projets_besoins")).status_code == 200
    reponse = client.get(reverse("espace:projets_besoin_nouveau"))
    texte = reponse.content.decode()
    assert reponse.status_code == 200 and "Services attendus" in texte and "RGAA" in texte
    assert "Exemple" in texte and "Fonctionne en connexion lente" in texte


def test_sans_role_403_et_anonyme_vers_la_connexion(client, utilisateur_avec_role):
    b = BesoinFactory()
    urls = [reverse("espace:projets_besoins"), reverse("espace:projets_besoin_nouveau"),
            reverse("espace:projets_besoin", args=[b.pk]),
            reverse("espace:projets_besoin_modifier", args=[b.pk]),
            reverse("espace:projets_besoin_impression", args=[b.pk]),
            reverse("espace:projets_besoin_pdf", args=[b.pk])]  # fmt: skip
    for url in urls:
        reponse = client.get(url)
        assert reponse.status_code == 302 and "se-connecter" in reponse.url
    _connecte(client, utilisateur_avec_role())
    for url in urls:
        assert client.get(url).status_code == 403


def test_creer_un_brouillon_puis_le_modifier(client, agent, direction):
    _connecte(client, agent)
    reponse = client.get(reverse("espace:projets_besoin_nouveau"))
    assert f'<option value="{direction.pk}" selected>' in reponse.content.decode()
    reponse = client.post(reverse("espace:projets_besoin_nouveau"),
                          _formulaire(direction, criteres_sobriete=["export_ouvert"]))  # fmt: skip
    b = ExpressionBesoin.objects.get()
    assert reponse.status_code == 302 and reponse.url == reverse(
        "espace:projets_besoin", args=[b.pk]
    )
    assert b.redige_par == agent and b.criteres_sobriete == ["export_ouvert"]
    page = client.get(reponse.url).content.decode()
    assert "1 section sur 9 renseignée" in page
    formulaire = client.get(reverse("espace:projets_besoin_modifier", args=[b.pk])).content.decode()
    assert "Les prêts se font sur papier." in formulaire
    assert 'value="export_ouvert"' in formulaire and "checked" in formulaire
    reponse = client.post(reverse("espace:projets_besoin_modifier", args=[b.pk]),
                          _formulaire(direction, volumes="200 par semaine"))  # fmt: skip
    b.refresh_from_db()
    assert reponse.status_code == 302 and b.volumes == "200 par semaine" and b.statut == "brouillon"


def test_saisie_refusee_400_garde_la_saisie(client, agent, direction):
    _connecte(client, agent)
    reponse = client.post(reverse("espace:projets_besoin_nouveau"),
                          _formulaire(direction, titre="", volumes="Texte gardé"))  # fmt: skip
    texte = reponse.content.decode()
    assert reponse.status_code == 400 and "Donnez un intitulé" in texte and "Texte gardé" in texte
    assert not ExpressionBesoin.objects.exists()


def test_page_par_role(client, utilisateur_avec_role, agent, direction):
    b = BesoinFactory(redige_par=agent, direction=direction)
    url = reverse("espace:projets_besoin", args=[b.pk])
    assert _connecte(client, agent).get(url).status_code == 200
    collegue = utilisateur_avec_role(Role.AGENT, identifiant="collegue")
    choisir_ma_direction(collegue, direction)
    assert _connecte(client, collegue).get(url).status_code == 200
    ailleurs = utilisateur_avec_role(Role.AGENT, identifiant="ailleurs")
    choisir_ma_direction(ailleurs, DirectionFactory())
    client.force_login(ailleurs)
    assert client.get(url).status_code == 403
    assert client.get(reverse("espace:projets_besoin_pdf", args=[b.pk])).status_code == 403
    assert b.titre not in client.get(reverse("espace:projets_besoins")).content.decode()
    # A colleague of the direction reads but does not edit.
    client.force_login(collegue)
    assert client.get(reverse("espace:projets_besoin_modifier", args=[b.pk])).status_code == 403
    assert b.titre in client.get(reverse("espace:projets_besoins")).content.decode()
    for role in (Role.INFORMATIQUE, Role.ADMINISTRATEUR):
        client.force_login(utilisateur_avec_role(role))
        assert client.get(url).status_code == 200


def test_soumission_refusee_puis_acceptee(client, agent, direction):
    b = BesoinFactory(redige_par=agent, direction=direction, contexte="Pourquoi")
    _connecte(client, agent)
    url = reverse("espace:projets_besoin_soumettre", args=[b.pk])
    reponse = client.post(url)
    texte = reponse.content.decode()
    assert reponse.status_code == 400 and "Services attendus" in texte
    assert "au moins un critère de sobriété" in texte
    b.refresh_from_db()
    assert b.statut == "brouillon" and b.soumis_le is None
    complet = besoin_complet(redige_par=agent, direction=direction)
    reponse = client.post(reverse("espace:projets_besoin_soumettre", args=[complet.pk]))
    complet.refresh_from_db()
    assert reponse.status_code == 302 and complet.statut == "soumis" and complet.soumis_le
    # No longer editable by its author.
    modifier = reverse("espace:projets_besoin_modifier", args=[complet.pk])
    assert client.get(modifier).status_code == 403
    assert client.post(modifier, _formulaire(direction, titre="Changé")).status_code == 403
    complet.refresh_from_db()
    assert complet.titre != "Changé"


def test_statut_seulement_informatique_et_admin(client, utilisateur_avec_role, agent):
    b = besoin_complet(redige_par=agent, statut="soumis")
    url = reverse("espace:projets_besoin_statut", args=[b.pk])
    _connecte(client, agent)
    assert client.post(url, {"statut": "retenu"}).status_code == 403
    b.refresh_from_db()
    assert b.statut == "soumis"
    client.force_login(utilisateur_avec_role(Role.INFORMATIQUE))
    assert (
        "Étude par le service informatique"
        in client.get(reverse("espace:projets_besoin", args=[b.pk])).content.decode()
    )
    assert client.post(url, {"statut": "inconnu"}).status_code == 400
    assert client.post(url, {"statut": "etudie"}).status_code == 302
    client.force_login(utilisateur_avec_role(Role.ADMINISTRATEUR))
    assert client.post(url, {"statut": "retenu"}).status_code == 302
    b.refresh_from_db()
    assert b.statut == "retenu"


def test_liste_filtree_pour_informatique(client, utilisateur_avec_role):
    besoin_complet(titre="Besoin soumis", statut="soumis")
    BesoinFactory(titre="Besoin en brouillon")
    _connecte(client, utilisateur_avec_role(Role.INFORMATIQUE))
    texte = client.get(reverse("espace:projets_besoins")).content.decode()
    assert "Besoin soumis" in texte and "Besoin en brouillon" in texte
    texte = client.get(reverse("espace:projets_besoins"), {"statut": "soumis"}).content.decode()
    assert "Besoin soumis" in texte and "Besoin en brouillon" not in texte


def test_impression_et_pdf(client, agent, direction):
    b = besoin_complet(redige_par=agent, direction=direction, titre="Prêt de vélos",
                       criteres_sobriete=["connexion_lente"])  # fmt: skip
    _connecte(client, agent)
    texte = client.get(reverse("espace:projets_besoin_impression", args=[b.pk])).content.decode()
    assert "Cahier des charges fonctionnel — Département" in texte and "Prêt de vélos" in texte
    assert "Interopérabilité" in texte and "Fonctionne en connexion lente" in texte
    assert direction.nom in texte
    reponse = client.get(reverse("espace:projets_besoin_pdf", args=[b.pk]))
    assert reponse.status_code == 200 and reponse["Content-Type"] == "application/pdf"
    assert reponse.content.startswith(b"%PDF")


def test_actions_post_seulement(client, agent, direction):
    b = BesoinFactory(redige_par=agent, direction=direction)
    _connecte(client, agent)
    for nom in ("soumettre", "statut"):
        assert client.get(reverse(f"espace:projets_besoin_{nom}", args=[b.pk])).status_code == 405
