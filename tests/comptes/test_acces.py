"""Permissions are enforced on the server, per role."""

import pytest

from sun.comptes.roles import Role, a_role, roles_de
from sun.comptes.services import creer_comptes_demo, creer_utilisateur, fichier_comptes_demo
from tests.outils import texte

pytestmark = pytest.mark.django_db

PAGES_AGENTS = ["/espace/"]


@pytest.mark.parametrize("url", PAGES_AGENTS)
def test_anonyme_renvoye_vers_la_connexion(client, url):
    reponse = client.get(url)
    assert reponse.status_code == 302
    assert reponse["Location"].startswith("/se-connecter/?next=")


def test_anonyme_sans_acces_a_l_admin(client):
    reponse = client.get("/admin/")
    assert reponse.status_code == 302
    assert "/admin/login/" in reponse["Location"]


@pytest.mark.parametrize("role", list(Role))
def test_chaque_role_entre_dans_l_espace_agents(client, utilisateur_avec_role, role):
    client.force_login(utilisateur_avec_role(role))
    assert client.get("/espace/").status_code == 200


def test_compte_sans_role_refuse(client, utilisateur_avec_role):
    client.force_login(utilisateur_avec_role())
    reponse = client.get("/espace/")
    assert reponse.status_code == 403
    assert "Accès refusé" in texte(reponse)


@pytest.mark.parametrize(
    ("role", "admin_autorise"),
    [
        (Role.AGENT, False),
        (Role.MEDIATEUR, False),
        (Role.PILOTE, False),
        (Role.ADMINISTRATEUR, True),
    ],
)
def test_admin_reservee_aux_administrateurs(client, utilisateur_avec_role, role, admin_autorise):
    utilisateur = utilisateur_avec_role(role)
    utilisateur.is_staff = True  # even a staff flag set by mistake does not open the admin
    utilisateur.save()
    client.force_login(utilisateur)
    reponse = client.get("/admin/")
    assert (reponse.status_code == 200) is admin_autorise


def test_connexion_et_deconnexion(client):
    creer_utilisateur("agent-accueil", [Role.AGENT], mot_de_passe="Mot-de-passe-solide-42")
    page = texte(client.get("/se-connecter/"))
    assert "Connexion à l'espace agents" in page
    erreur = client.post("/se-connecter/", {"username": "agent-accueil", "password": "faux"})
    assert "Identifiant ou mot de passe incorrect" in texte(erreur)
    reponse = client.post(
        "/se-connecter/", {"username": "agent-accueil", "password": "Mot-de-passe-solide-42"}
    )
    assert reponse.status_code == 302 and reponse["Location"] == "/espace/"
    assert client.get("/espace/").status_code == 200
    assert "Vous êtes déconnecté" in texte(client.post("/deconnexion/"))
    assert client.get("/espace/").status_code == 302


def test_csrf_exige_sur_la_connexion():
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    reponse = client.post("/se-connecter/", {"username": "x", "password": "y"})
    assert reponse.status_code == 403


def test_aides_de_roles(utilisateur_avec_role, django_user_model):
    pilote = utilisateur_avec_role(Role.PILOTE)
    assert a_role(pilote, Role.PILOTE, Role.ADMINISTRATEUR)
    assert not a_role(pilote, Role.ADMINISTRATEUR)
    chef = django_user_model.objects.create_superuser("chef", password="Mot-de-passe-solide-42")
    assert roles_de(chef) == set(Role)
    chef.is_active = False
    assert roles_de(chef) == set()


def test_creation_de_compte_refuse_doublon_et_mot_de_passe_faible():
    from django.core.exceptions import ValidationError

    creer_utilisateur("doublon", [Role.AGENT])
    with pytest.raises(ValueError, match="existe déjà"):
        creer_utilisateur("doublon", [Role.AGENT])
    with pytest.raises(ValidationError):
        creer_utilisateur("faible", [Role.AGENT], mot_de_passe="1234")


def test_comptes_de_demo_idempotents_et_sans_fichier(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    comptes = creer_comptes_demo()
    assert [c[0] for c in comptes] == [f"demo-{r.value}" for r in Role]
    assert all(len(mot_de_passe) >= 10 for _, mot_de_passe, _ in comptes)
    assert creer_comptes_demo() == []
    assert not fichier_comptes_demo().exists()  # shown once, stored nowhere


def test_mixin_de_role(rf, utilisateur_avec_role):
    from django.contrib.auth.models import AnonymousUser
    from django.core.exceptions import PermissionDenied
    from django.http import HttpResponse
    from django.views import View

    from sun.comptes.roles import RoleRequisMixin

    class VuePilotes(RoleRequisMixin, View):
        roles_autorises = (Role.PILOTE,)

        def get(self, request):
            return HttpResponse("ok")

    requete = rf.get("/x/")
    requete.user = AnonymousUser()
    assert VuePilotes.as_view()(requete).status_code == 302
    requete.user = utilisateur_avec_role(Role.AGENT)
    with pytest.raises(PermissionDenied):
        VuePilotes.as_view()(requete)
    requete.user = utilisateur_avec_role(Role.PILOTE)
    assert VuePilotes.as_view()(requete).status_code == 200
