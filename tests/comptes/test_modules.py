"""An agent space without dead ends: each role is shown exactly the modules it can open (one
table, sun.comptes.modules, read by the home page and by the server's check), every link shown
answers 200, and a refusal says which role would open the page."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.urls import reverse

from sun.comptes.modules import MODULES, module_de_la_route, peut_ouvrir
from sun.comptes.roles import Role
from sun.web.urls import espace_urls
from tests.outils import texte

pytestmark = pytest.mark.django_db

PLAN = Path(__file__).resolve().parents[2] / "plans" / "aude.yaml"

# What each role must find on its home page: written out, not computed from the table, so
# that a change of the table is a visible decision.
ATTENDUS = {
    Role.AGENT: {"lieux", "pilotage", "couverture", "orientation", "orientation_statistiques",
                 "reseau", "activites", "imports", "demandes", "relation_services", "catalogue",
                 "relation_statistiques", "telephonie", "telephonie_import", "avis",
                 "services_publics_plus", "accessibilite", "connectivite", "connectivite_import",
                 "difficultes", "parc_dons", "reparateurs", "donnees", "donnees_inventaire",
                 "formations", "referents", "projets", "appels_a_projets"},
    Role.MEDIATEUR: {"lieux", "couverture", "orientation", "reseau", "activites", "parc_dons",
                     "formations", "referents", "projets"},
    Role.PILOTE: {"lieux", "pilotage", "couverture", "orientation_statistiques", "reseau",
                  "activites", "catalogue", "relation_statistiques", "telephonie", "avis",
                  "services_publics_plus", "accessibilite", "connectivite", "parc", "parc_taux",
                  "parc_empreinte", "donnees", "donnees_inventaire", "donnees_conservation",
                  "formations", "formations_suivi", "referents", "projets", "panel",
                  "appels_a_projets"},
    Role.INSTRUCTEUR: {"lieux", "couverture", "reseau", "activites", "demandes",
                       "relation_services", "catalogue", "relation_statistiques", "telephonie",
                       "telephonie_import", "avis", "services_publics_plus", "accessibilite",
                       "donnees", "donnees_inventaire", "formations", "referents", "projets"},
    Role.ADMINISTRATEUR: {m.code for m in MODULES},
    # The IT service: the fleet's modules, and what every staff role reads.
    Role.INFORMATIQUE: {"lieux", "couverture", "reseau", "activites", "parc", "parc_import",
                        "parc_taux", "parc_empreinte", "parc_dons", "reparateurs", "donnees", "donnees_inventaire",
                        "formations", "referents", "projets", "panel"},
    # The training service (HR): the shared modules of the staff, and the follow-up of
    # training.
    Role.FORMATION: {"lieux", "couverture", "reseau", "activites", "formations",
                     "formations_suivi", "referents", "projets"},
    # Accounts from outside the département's services: their own module only.
    Role.COMMUNE: {"difficultes"},
    Role.PARTENAIRE: {"difficultes"},
    # The Archives départementales: retention only.
    Role.ARCHIVISTE: {"donnees_conservation"},
}  # fmt: skip


class _Liens(HTMLParser):
    """The links of the « Vos modules » navigation, and every link of the page."""

    def __init__(self):
        super().__init__()
        self.modules, self.tous, self._dans_modules = [], [], False

    def handle_starttag(self, balise, attributs):
        attributs = dict(attributs)
        if balise == "nav" and "modules-espace" in (attributs.get("class") or ""):
            self._dans_modules = True
        if balise == "a" and attributs.get("href"):
            self.tous.append(attributs["href"])
            if self._dans_modules:
                self.modules.append(attributs["href"])

    def handle_endtag(self, balise):
        if balise == "nav":
            self._dans_modules = False


def _liens(reponse) -> _Liens:
    analyse = _Liens()
    analyse.feed(reponse.content.decode())
    return analyse


@pytest.fixture
def plan():
    from sun.pilotage.plan_fichier import charger

    return charger(PLAN).plan


@pytest.mark.parametrize("role", list(Role))
def test_chaque_role_voit_exactement_les_modules_qu_il_peut_ouvrir(
    client, utilisateur_avec_role, role, plan
):
    client.force_login(utilisateur_avec_role(role))
    affiches = _liens(client.get("/espace/")).modules
    attendus = [reverse(m.url) for m in MODULES if m.code in ATTENDUS[role]]
    assert affiches == attendus
    for lien in affiches:
        assert client.get(lien).status_code == 200, lien
    # The modules not shown are refused, with the roles that would open them.
    for module in MODULES:
        if module.code in ATTENDUS[role] or module.chemin is None:
            continue
        reponse = client.get(reverse(module.url))
        assert reponse.status_code == 403, module.code
        page = texte(reponse)
        assert f"Le module « {module.titre} » est réservé aux rôles" in page
        assert role.libelle in page  # « Vos rôles : … »
        assert 'href="/espace/"' in reponse.content.decode()


@pytest.mark.parametrize(
    "role",
    [Role.AGENT, Role.MEDIATEUR, Role.PILOTE, Role.ADMINISTRATEUR, Role.INFORMATIQUE],
)
def test_aucun_lien_des_pages_de_modules_ne_mene_a_un_refus(
    client, utilisateur_avec_role, role, plan
):
    """One step further: the agent-space links of each module's first page answer, for the
    role that was shown them, something other than 403."""
    client.force_login(utilisateur_avec_role(role))
    premieres = _liens(client.get("/espace/")).modules
    vus = set()
    for premiere in premieres:
        if not premiere.startswith("/espace/"):
            continue
        for lien in _liens(client.get(premiere)).tous:
            lien = lien.split("#")[0]
            if not lien.startswith("/espace/") or lien in vus:
                continue
            vus.add(lien)
            assert client.get(lien).status_code != 403, f"{premiere} → {lien}"
    assert len(vus) > len(premieres)


def test_un_pilote_d_action_sans_role_de_lecteur_voit_le_pilotage(
    client, utilisateur_avec_role, plan
):
    mediateur = utilisateur_avec_role(Role.MEDIATEUR)
    assert not peut_ouvrir(mediateur, "pilotage")
    plan.actions.order_by("pk").first().pilotes.add(mediateur)
    client.force_login(mediateur)
    assert reverse("espace:pilotage") in _liens(client.get("/espace/")).modules
    assert client.get(reverse("espace:pilotage")).status_code == 200


def test_chaque_route_de_l_espace_appartient_a_un_module():
    """The home page aside, every address of the agent space is checked by the table."""
    sans_module = [
        route.name
        for route in espace_urls[0]
        if route.name != "accueil" and module_de_la_route(str(route.pattern)) is None
    ]
    assert sans_module == []


def test_les_statistiques_d_orientation_ne_sont_pas_le_questionnaire():
    assert module_de_la_route("orientation/statistiques/").code == "orientation_statistiques"
    assert module_de_la_route("orientation/<int:pk>/fiche/").code == "orientation"
    assert module_de_la_route("") is None


def test_la_page_403_dit_le_role_et_renvoie_a_l_espace(client, utilisateur_avec_role):
    client.force_login(utilisateur_avec_role(Role.PILOTE))
    reponse = client.get(reverse("espace:orientation"))
    assert reponse.status_code == 403
    page = texte(reponse)
    assert re.search(r"réservé aux rôles : Agent \(accueil, orientation\), Médiateur numérique"
                     r" ou Administrateur", page)  # fmt: skip
    assert "Vos rôles : Pilote d'actions du schéma" in page
    assert "demandez le rôle nécessaire à l'administrateur" in page


def test_l_admin_suit_la_meme_table(client, utilisateur_avec_role):
    administrateur = utilisateur_avec_role(Role.ADMINISTRATEUR)
    administrateur.is_staff = False
    administrateur.save()
    client.force_login(administrateur)
    assert reverse("admin:index") not in _liens(client.get("/espace/")).modules
    assert client.get("/admin/").status_code == 302  # the admin's own login page


@pytest.mark.parametrize(
    ("role", "adresse", "faire"),
    [
        (Role.PILOTE, "espace:lieux", "d'ajouter ou d'importer des lieux"),
        (Role.PILOTE, "espace:activites", "d'enregistrer des activités"),
        (Role.PILOTE, "lieu", "de modifier ce lieu"),
        (Role.AGENT, "fiche", "de modifier cette fiche"),
    ],
)
def test_une_page_en_lecture_seule_dit_pourquoi(
    client, utilisateur_avec_role, role, adresse, faire
):
    from tests.inclusion.factories import LieuFactory, MediateurFactory

    if adresse == "lieu":
        adresse = reverse("espace:lieu", args=[LieuFactory().pk])
    elif adresse == "fiche":
        adresse = reverse("espace:reseau_fiche", args=[MediateurFactory().pk])
    else:
        adresse = reverse(adresse)
    client.force_login(utilisateur_avec_role(role))
    page = " ".join(re.sub(r"<[^>]+>", "", texte(client.get(adresse))).split())
    assert f"Consultation seule : votre rôle « {role.libelle} » ne permet pas {faire}" in page
    assert "demandez à" in page


def test_qui_peut_modifier_ne_voit_pas_le_bandeau(client, utilisateur_avec_role):
    client.force_login(utilisateur_avec_role(Role.MEDIATEUR))
    assert "Consultation seule" not in texte(client.get(reverse("espace:activites")))


@pytest.mark.parametrize("role", [Role.COMMUNE, Role.PARTENAIRE])
def test_un_compte_exterieur_voit_son_espace_sans_la_liste_des_modules_du_personnel(
    client, utilisateur_avec_role, role
):
    client.force_login(utilisateur_avec_role(role))
    page = texte(client.get("/espace/"))
    assert "Votre espace" in page and "Difficultés de raccordement" in page
    assert "Modules réservés à d'autres rôles" not in page
