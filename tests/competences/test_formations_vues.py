"""Pages of the training wing per role, the agent's whole path (register, attendance,
satisfaction, certificate), a manager registering their team, refusals through the views
(French message, status 400, nothing written), the registrants' CSV."""

import csv
import html
import io
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from sun.competences.models import Inscription, Session
from sun.competences.services import ma_personne
from sun.comptes.roles import Role
from tests.competences.factories import InscriptionFactory, PersonneFactory, SessionFactory
from tests.competences.test_formations_attestation import _decompresse

pytestmark = pytest.mark.django_db
CATALOGUE = (Role.AGENT, Role.MEDIATEUR, Role.FORMATION, Role.ADMINISTRATEUR)
GESTION = (Role.FORMATION, Role.ADMINISTRATEUR)


def _pages_catalogue(s, _i):
    return [reverse("espace:competences"), reverse("espace:competences_session", args=[s.pk]),
            reverse("espace:competences_parcours")]  # fmt: skip


def _pages_gestion(s, i):
    return [reverse("espace:competences_session_nouvelle"),
            reverse("espace:competences_session_modifier", args=[s.pk]),
            reverse("espace:competences_inscrits", args=[s.pk]),
            reverse("espace:competences_inscrits_csv", args=[s.pk]),
            reverse("espace:competences_parcours_personne", args=[i.personne.pk])]  # fmt: skip


POST_SEULEMENT = [
    ("espace:competences_inscrire", "s"), ("espace:competences_inscription_annuler", "i"),
    ("espace:competences_satisfaction", "i"), ("espace:competences_session_annuler", "s"),
    ("espace:competences_inscrire_personne", "s"), ("espace:competences_presence", "i"),
]  # fmt: skip


@pytest.fixture
def session_et_inscription():
    s = SessionFactory(titre="Reconnaître un hameçonnage")
    return s, InscriptionFactory(session=s, personne__nom="Martin")


@pytest.mark.parametrize("role", CATALOGUE)
def test_catalogue_pour_le_personnel(client, utilisateur_avec_role, session_et_inscription, role):
    client.force_login(utilisateur_avec_role(role))
    for url in _pages_catalogue(*session_et_inscription):
        assert client.get(url).status_code == 200, url
    assert (
        "Reconnaître un hameçonnage" in client.get(reverse("espace:competences")).content.decode()
    )


@pytest.mark.parametrize("role", GESTION)
def test_gestion_pour_le_service_formation(client, utilisateur_avec_role, session_et_inscription,
                                           role):  # fmt: skip
    client.force_login(utilisateur_avec_role(role))
    for url in _pages_gestion(*session_et_inscription):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("role", [Role.PILOTE, Role.AGENT, Role.MEDIATEUR])
def test_gestion_refusee_aux_autres(client, utilisateur_avec_role, session_et_inscription, role):
    client.force_login(utilisateur_avec_role(role))
    for url in _pages_gestion(*session_et_inscription):
        assert client.get(url).status_code == 403, url
    s, _ = session_et_inscription
    assert (
        client.post(reverse("espace:competences_session_annuler", args=[s.pk])).status_code == 403
    )
    assert not Session.objects.get(pk=s.pk).annulee


def test_anonyme_redirige(client, session_et_inscription):
    s, i = session_et_inscription
    urls = _pages_catalogue(s, i) + _pages_gestion(s, i)
    urls.append(reverse("espace:competences_attestation", args=[i.pk]))
    for url in urls:
        r = client.get(url)
        assert r.status_code == 302 and r["Location"].startswith("/se-connecter/"), url


@pytest.mark.parametrize("nom,objet", POST_SEULEMENT)
def test_actions_en_post_seulement(client, utilisateur_avec_role, session_et_inscription, nom,
                                   objet):  # fmt: skip
    s, i = session_et_inscription
    client.force_login(utilisateur_avec_role(Role.ADMINISTRATEUR))
    assert client.get(reverse(nom, args=[(s if objet == "s" else i).pk])).status_code == 405


def test_parcours_complet_d_un_agent(client, utilisateur_avec_role):
    s = SessionFactory(titre="Sobriété numérique")
    agent = utilisateur_avec_role(Role.AGENT)
    client.force_login(agent)
    r = client.post(reverse("espace:competences_inscrire", args=[s.pk]))
    assert r.status_code == 302
    i = Inscription.objects.get(session=s, personne=ma_personne(agent))
    assert i.statut == "inscrit" and i.inscrite_par == agent
    # the session takes place; the training service marks the agent present
    Session.objects.filter(pk=s.pk).update(debut=timezone.now() - timedelta(hours=8),
                                           fin=timezone.now() - timedelta(hours=1))  # fmt: skip
    formation = utilisateur_avec_role(Role.FORMATION)
    client.force_login(formation)
    r = client.post(reverse("espace:competences_presence", args=[i.pk]), {"statut": "present"})
    assert r.status_code == 302
    client.force_login(agent)
    assert "Votre avis" in client.get(reverse("espace:competences_parcours")).content.decode()
    r = client.post(reverse("espace:competences_satisfaction", args=[i.pk]),
                    {"satisfaction": "4", "commentaire": "Très utile"})  # fmt: skip
    assert r.status_code == 302
    i.refresh_from_db()
    assert i.statut == "present" and i.satisfaction == 4 and i.commentaire == "Très utile"
    r = client.get(reverse("espace:competences_attestation", args=[i.pk]))
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    assert r.content.startswith(b"%PDF")
    i.refresh_from_db()
    assert i.attestation.startswith("ATT-") and i.attestation.encode() in _decompresse(r.content)
    # the training service reads it too; another agent does not
    client.force_login(formation)
    assert client.get(reverse("espace:competences_attestation", args=[i.pk])).status_code == 200
    client.force_login(utilisateur_avec_role(Role.AGENT, identifiant="autre-agent"))
    assert client.get(reverse("espace:competences_attestation", args=[i.pk])).status_code == 403


def test_satisfaction_invalide_refusee(client, utilisateur_avec_role):
    agent = utilisateur_avec_role(Role.AGENT)
    i = InscriptionFactory(personne=ma_personne(agent), statut="present",
                           session__debut=timezone.now() - timedelta(days=2))  # fmt: skip
    client.force_login(agent)
    r = client.post(reverse("espace:competences_satisfaction", args=[i.pk]), {"satisfaction": "9"})
    assert r.status_code == 400 and "Choisissez une réponse" in r.content.decode()
    i.refresh_from_db()
    assert i.satisfaction is None
    client.force_login(utilisateur_avec_role(Role.AGENT, identifiant="autre-agent"))
    r = client.post(reverse("espace:competences_satisfaction", args=[i.pk]), {"satisfaction": "4"})
    assert r.status_code == 403


def test_attestation_refusee_a_un_absent_avec_une_page(client, utilisateur_avec_role):
    agent = utilisateur_avec_role(Role.AGENT)
    i = InscriptionFactory(personne=ma_personne(agent), statut="absent",
                           session__debut=timezone.now() - timedelta(days=2))  # fmt: skip
    client.force_login(agent)
    r = client.get(reverse("espace:competences_attestation", args=[i.pk]))
    assert r.status_code == 400 and r["Content-Type"].startswith("text/html")
    texte = html.unescape(r.content.decode())
    assert "<h1" in texte and "n'est délivrée qu'aux personnes présentes" in texte
    i.refresh_from_db()
    assert i.attestation == ""


def test_un_responsable_inscrit_son_equipe_et_pas_les_autres(client, utilisateur_avec_role):
    s = SessionFactory()
    chef = utilisateur_avec_role(Role.AGENT)
    moi = ma_personne(chef)
    membre, etranger = PersonneFactory(responsable=moi), PersonneFactory()
    client.force_login(chef)
    assert (
        membre.nom
        in client.get(reverse("espace:competences_session", args=[s.pk])).content.decode()
    )
    r = client.post(reverse("espace:competences_inscrire", args=[s.pk]), {"personne": membre.pk})
    assert r.status_code == 302
    assert Inscription.objects.get(session=s).personne == membre
    r = client.post(reverse("espace:competences_inscrire", args=[s.pk]), {"personne": etranger.pk})
    assert r.status_code == 403
    assert not Inscription.objects.filter(personne=etranger).exists()


@pytest.mark.parametrize("cas", ["complete", "passee", "annulee", "deux_fois"])
def test_inscriptions_refusees_par_la_vue(client, utilisateur_avec_role, cas):
    agent = utilisateur_avec_role(Role.AGENT)
    s = SessionFactory(places=1)
    attendu = {"complete": "La session est complète", "passee": "déjà commencé ou est passée",
               "annulee": "Cette session est annulée", "deux_fois": "déjà inscrit"}[cas]  # fmt: skip
    if cas == "complete":
        InscriptionFactory(session=s)
    elif cas == "passee":
        Session.objects.filter(pk=s.pk).update(debut=timezone.now() - timedelta(days=1),
                                               fin=timezone.now() - timedelta(hours=20))  # fmt: skip
    elif cas == "annulee":
        Session.objects.filter(pk=s.pk).update(annulee=True)
    else:
        InscriptionFactory(session=s, personne=ma_personne(agent))
    avant = list(Inscription.objects.values_list("pk", "statut", "personne_id"))
    client.force_login(agent)
    r = client.post(reverse("espace:competences_inscrire", args=[s.pk]))
    assert r.status_code == 400
    assert attendu in r.content.decode()
    assert list(Inscription.objects.values_list("pk", "statut", "personne_id")) == avant


def _donnees_session(**changements):
    debut = timezone.localtime() + timedelta(days=20)
    d = {"titre": "Le tableur au quotidien", "theme": "donnees", "publics": ["agents"],
         "organisme": "interne", "format": "presentiel", "duree_heures": "3",
         "debut": f"{debut:%Y-%m-%dT%H:%M}", "fin": f"{debut + timedelta(hours=3):%Y-%m-%dT%H:%M}",
         "lieu": "Carcassonne", "places": "10"}  # fmt: skip
    d.update(changements)
    return d


def test_creation_de_session(client, utilisateur_avec_role):
    client.force_login(utilisateur_avec_role(Role.FORMATION))
    r = client.post(reverse("espace:competences_session_nouvelle"), _donnees_session())
    assert r.status_code == 302
    s = Session.objects.get()
    assert s.titre == "Le tableur au quotidien" and s.places == 10 and not s.demonstration


def test_creation_fin_avant_debut_refusee(client, utilisateur_avec_role):
    client.force_login(utilisateur_avec_role(Role.FORMATION))
    debut = timezone.localtime() + timedelta(days=20)
    r = client.post(reverse("espace:competences_session_nouvelle"),
                    _donnees_session(fin=f"{debut - timedelta(hours=2):%Y-%m-%dT%H:%M}",
                                     debut=f"{debut:%Y-%m-%dT%H:%M}"))  # fmt: skip
    assert r.status_code == 400
    texte = r.content.decode()
    assert "La fin de la session doit être après son début" in texte
    assert "Le tableur au quotidien" in texte  # what was typed is kept
    assert not Session.objects.exists()


def test_annulation_de_session_previent_les_inscrits(client, utilisateur_avec_role):
    s = SessionFactory(titre="Piloter un projet")
    InscriptionFactory(session=s, personne__courriel="a@example.org")
    InscriptionFactory(session=s, personne__courriel="b@example.org", statut="annule")
    client.force_login(utilisateur_avec_role(Role.FORMATION))
    r = client.post(reverse("espace:competences_session_annuler", args=[s.pk]))
    assert r.status_code == 302
    assert Session.objects.get(pk=s.pk).annulee
    assert [m.to for m in mail.outbox] == [["a@example.org"]]
    assert "Piloter un projet" in mail.outbox[0].subject and "annulée" in mail.outbox[0].subject
    r = client.post(reverse("espace:competences_session_annuler", args=[s.pk]))
    assert r.status_code == 400 and "déjà annulée" in html.unescape(r.content.decode())
    assert len(mail.outbox) == 1


def test_inscrits_csv(client, utilisateur_avec_role):
    s = SessionFactory(titre="RGPD")
    InscriptionFactory(session=s, personne__nom="Durand", personne__prenom="Alix")
    InscriptionFactory(session=s, personne__nom="Annulé", statut="annule")
    client.force_login(utilisateur_avec_role(Role.FORMATION))
    r = client.get(reverse("espace:competences_inscrits_csv", args=[s.pk]))
    assert r.status_code == 200 and r["Content-Type"].startswith("text/csv")
    lignes = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig")), delimiter=";"))
    assert lignes[0] == ["Session", "Début", "Nom", "Prénom", "Direction", "Catégorie", "Statut",
                         "Signature"]  # fmt: skip
    assert len(lignes) == 2
    assert lignes[1][0] == "RGPD" and lignes[1][2:4] == ["Durand", "Alix"]
    assert lignes[1][6] == "Inscrit(e)" or lignes[1][6].startswith("Inscrit")


def test_inscrire_personne_par_le_service_formation(client, utilisateur_avec_role):
    s, p = SessionFactory(), PersonneFactory(nom="Garcia")
    client.force_login(utilisateur_avec_role(Role.FORMATION))
    r = client.get(reverse("espace:competences_inscrits", args=[s.pk]), {"q": "garcia"})
    assert "Garcia" in r.content.decode()
    r = client.post(reverse("espace:competences_inscrire_personne", args=[s.pk]),
                    {"personne": p.pk})  # fmt: skip
    assert r.status_code == 302 and Inscription.objects.get().personne == p
    r = client.post(reverse("espace:competences_inscrire_personne", args=[s.pk]),
                    {"personne": p.pk})  # fmt: skip
    assert r.status_code == 400 and "déjà inscrit" in r.content.decode()
    assert Inscription.objects.count() == 1


def test_modification_sous_le_nombre_d_inscrits_refusee(client, utilisateur_avec_role):
    s = SessionFactory(titre="Avant", places=5)
    InscriptionFactory(session=s)
    InscriptionFactory(session=s)
    client.force_login(utilisateur_avec_role(Role.FORMATION))
    url = reverse("espace:competences_session_modifier", args=[s.pk])
    assert 'value="Avant"' in client.get(url).content.decode()
    r = client.post(url, _donnees_session(titre="Après", places="1"))
    assert r.status_code == 400 and "2 personne(s) sont déjà inscrites" in r.content.decode()
    s.refresh_from_db()
    assert s.titre == "Avant" and s.places == 5
    assert client.post(url, _donnees_session(titre="Après", places="2")).status_code == 302
    s.refresh_from_db()
    assert s.titre == "Après" and s.places == 2


def test_session_annulee_hors_des_formations_a_venir(client, utilisateur_avec_role):
    agent = utilisateur_avec_role(Role.AGENT)
    i = InscriptionFactory(personne=ma_personne(agent), session__titre="Session supprimée",
                           session__annulee=True)  # fmt: skip
    client.force_login(agent)
    texte = client.get(reverse("espace:competences_parcours")).content.decode()
    assert "(session annulée)" in texte
    assert reverse("espace:competences_inscription_annuler", args=[i.pk]) not in texte
