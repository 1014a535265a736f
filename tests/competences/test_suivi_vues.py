"""Follow-up and organisation pages per role."""

import pytest
from django.urls import reverse

from sun.competences.models import Direction, Inscription, Personne
from sun.comptes.roles import Role
from tests.competences.fabriques_suivi import presents
from tests.competences.factories import DirectionFactory, InscriptionFactory, PersonneFactory

pytestmark = pytest.mark.django_db
SUIVI = reverse("espace:competences_suivi")


@pytest.fixture
def formes():
    d = DirectionFactory(code="routes", nom="Direction des routes")
    presents(5, direction=d, theme="ia")
    return Personne.objects.filter(direction=d).first()


@pytest.mark.parametrize("url", ["espace:competences_suivi", "espace:competences_directions",
                                 "espace:competences_personnes", "espace:competences_elus"])  # fmt: skip
def test_agent_refuse_anonyme_redirige(client, utilisateur_avec_role, url):
    assert client.get(reverse(url)).status_code == 302
    client.force_login(utilisateur_avec_role(Role.AGENT))
    assert client.get(reverse(url)).status_code == 403


def test_pilote_voit_les_chiffres_pas_les_noms(client, utilisateur_avec_role, formes):
    client.force_login(utilisateur_avec_role(Role.PILOTE))
    r = client.get(SUIVI)
    assert r.status_code == 200
    texte = r.content.decode()
    assert "Direction des routes" in texte and "<svg" in texte and "Source" in texte
    assert formes.nom not in texte
    assert client.get(reverse("espace:competences_suivi_noms_csv")).status_code == 403
    assert client.get(reverse("espace:competences_personnes")).status_code == 403
    assert client.get(reverse("espace:competences_directions")).status_code == 200
    assert client.get(reverse("espace:competences_direction_nouvelle")).status_code == 403


def test_formation_voit_les_noms_et_le_csv(client, utilisateur_avec_role, formes):
    client.force_login(utilisateur_avec_role(Role.FORMATION))
    assert formes.nom in client.get(SUIVI).content.decode()
    r = client.get(reverse("espace:competences_suivi_noms_csv"))
    assert r.status_code == 200 and formes.nom in r.content.decode()


def test_suivi_masque_sous_5(client, utilisateur_avec_role):
    d = DirectionFactory(code="culture", nom="Direction de la culture")
    presents(3, direction=d)
    client.force_login(utilisateur_avec_role(Role.PILOTE))
    texte = client.get(SUIVI).content.decode()
    assert "non affiché (moins de 5)" in texte


def test_ma_direction(client, utilisateur_avec_role):
    d = DirectionFactory(nom="Direction du numérique")
    user = utilisateur_avec_role(Role.AGENT)
    client.force_login(user)
    url = reverse("espace:competences_ma_direction")
    assert client.get(url).status_code == 200
    assert client.post(url, {"direction": "999999"}).status_code == 400
    assert client.post(url, {"direction": d.pk}).status_code == 302
    assert Personne.objects.get(compte=user).direction == d
    assert "Direction du numérique" in client.get(url).content.decode()


def test_creer_direction_erreur_garde_la_saisie(client, utilisateur_avec_role):
    client.force_login(utilisateur_avec_role(Role.FORMATION))
    url = reverse("espace:competences_direction_nouvelle")
    r = client.post(url, {"code": "Mauvais Code", "nom": "Routes", "sigle": "DR"})
    assert r.status_code == 400 and "Mauvais Code" in r.content.decode()
    assert not Direction.objects.exists()
    assert client.post(url, {"code": "routes", "nom": "Routes", "sigle": "DR"}).status_code == 302
    d = Direction.objects.get(code="routes")
    r = client.post(reverse("espace:competences_direction_modifier", args=[d.pk]),
                    {"nom": "Routes et mobilités", "sigle": "DRM"})  # fmt: skip
    assert r.status_code == 302
    d.refresh_from_db()
    assert d.nom == "Routes et mobilités"


def test_import_directions_par_la_page(client, utilisateur_avec_role):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(utilisateur_avec_role(Role.ADMINISTRATEUR))
    url = reverse("espace:competences_directions_importer")
    mauvais = SimpleUploadedFile("d.csv", b"code;nom;sigle\nok;Ok;O\nKO KO;x;\n")
    r = client.post(url, {"fichier": mauvais})
    assert r.status_code == 400 and "Ligne 3" in r.content.decode()
    assert not Direction.objects.exists()


def test_personnes_et_responsable(client, utilisateur_avec_role):
    client.force_login(utilisateur_avec_role(Role.FORMATION))
    url = reverse("espace:competences_personnes")
    r = client.post(url, {"nom": "Durand", "prenom": "Lou", "courriel": "x", "categorie": "agent"})
    assert r.status_code == 400 and not Personne.objects.exists()
    client.post(url, {"nom": "Durand", "prenom": "Lou", "categorie": "encadrant"})
    chef = Personne.objects.get(nom="Durand")
    agent = PersonneFactory(nom="Petit")
    assert "Durand" in client.get(url, {"q": "dur"}).content.decode()
    r = client.post(reverse("espace:competences_personne_responsable", args=[agent.pk]),
                    {"responsable": chef.pk})  # fmt: skip
    assert r.status_code == 302
    assert list(Personne.objects.equipe_de(chef)) == [agent]


def test_elus_consentement_et_retrait(client, utilisateur_avec_role):
    client.force_login(utilisateur_avec_role(Role.FORMATION))
    url = reverse("espace:competences_elus")
    r = client.post(url, {"nom": "Martin", "prenom": "Alix", "consentement_modalite": "signé"})
    assert r.status_code == 400 and "consentement" in r.content.decode()
    assert "Martin" in r.content.decode()  # what was typed is kept
    assert not Personne.objects.exists()
    client.post(url, {"nom": "Martin", "prenom": "Alix", "consentement_le": "2024-03-01",
                      "consentement_modalite": "formulaire signé"})  # fmt: skip
    elu = Personne.objects.get(nom="Martin")
    InscriptionFactory(personne=elu, statut="present")
    page = client.get(url).content.decode()
    assert "18 jours" in page and "Martin" in page
    retirer = reverse("espace:competences_elu_retirer", args=[elu.pk])
    assert client.get(retirer).status_code == 200
    assert Personne.objects.filter(pk=elu.pk).exists()  # a confirmation first
    assert client.post(retirer).status_code == 302
    assert not Personne.objects.exists()
    assert Inscription.objects.get().personne is None
    assert client.get(reverse("espace:competences_elus_csv")).status_code == 200
