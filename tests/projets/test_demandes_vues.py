"""The pages of the wing « demandes » per role: an agent submits (a likely duplicate gets 400
with the close requests to support), another agent gets 403 on the details but sees the title
in the backlog, a referent of the direction reads and qualifies, the IT service qualifies and
marks duplicates; anonymous visitors go to the login page; POST-only actions answer 405."""

import pytest
from django.urls import reverse

from sun.competences.models import Personne
from sun.comptes.roles import ESPACE, Role
from sun.projets.models import Demande, Soutien
from tests.competences.factories import DirectionFactory, PersonneFactory, ReferentFactory
from tests.projets.factories import DemandeFactory, OutilFactory, TypeDemandeFactory

pytestmark = pytest.mark.django_db


def _connecte(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def agent(utilisateur_avec_role):
    return utilisateur_avec_role(Role.AGENT)


@pytest.fixture
def autre(utilisateur_avec_role):
    return utilisateur_avec_role(Role.AGENT, identifiant="autre-agent")


@pytest.mark.parametrize("role", ESPACE)
def test_accueil_et_carnet_pour_tout_le_personnel(client, utilisateur_avec_role, role):
    DemandeFactory(titre="Trier les courriers par date")
    _connecte(client, utilisateur_avec_role(role))
    reponse = client.get(reverse("espace:projets"))
    texte = reponse.content.decode()
    assert reponse.status_code == 200 and "Demander une évolution" in texte
    assert ("Demandes nouvelles à qualifier" in texte) == (
        role in (Role.INFORMATIQUE, Role.ADMINISTRATEUR)
    )
    reponse = client.get(reverse("espace:projets_carnet"))
    assert reponse.status_code == 200 and "Trier les courriers par date" in reponse.content.decode()
    assert client.get(reverse("espace:projets_score")).status_code == 200
    assert client.get(reverse("espace:projets_demande_nouvelle")).status_code == 200


def test_sans_role_403(client, utilisateur_avec_role):
    _connecte(client, utilisateur_avec_role())
    assert client.get(reverse("espace:projets")).status_code == 403
    assert client.get(reverse("espace:projets_carnet")).status_code == 403


def test_anonyme_vers_la_connexion(client):
    d = DemandeFactory()
    for url in (reverse("espace:projets"), reverse("espace:projets_carnet"),
                reverse("espace:projets_carnet_csv"), reverse("espace:projets_score"),
                reverse("espace:projets_demande_nouvelle"),
                reverse("espace:projets_demande", args=[d.pk])):  # fmt: skip
        reponse = client.get(url)
        assert reponse.status_code == 302 and "se-connecter" in reponse.url
    reponse = client.post(reverse("espace:projets_demande_soutenir", args=[d.pk]))
    assert reponse.status_code == 302 and not Soutien.objects.exists()


def test_actions_post_seulement(client, utilisateur_avec_role):
    d = DemandeFactory()
    _connecte(client, utilisateur_avec_role(Role.INFORMATIQUE))
    for nom in ("soutenir", "qualifier", "doublon", "doublon_annuler"):
        url = reverse(f"espace:projets_demande_{nom}", args=[d.pk])
        assert client.get(url).status_code == 405


def test_un_agent_soumet_une_evolution(client, agent):
    direction = DirectionFactory(nom="Direction des routes")
    PersonneFactory(compte=agent, direction=direction)
    outil = OutilFactory(nom="Courrier")
    t = TypeDemandeFactory(libelle="Logiciel > Courrier", nature="evolution")
    _connecte(client, agent)
    page = client.get(reverse("espace:projets_demande_nouvelle") + "?nature=evolution")
    texte = page.content.decode()
    assert "Logiciel &gt; Courrier" in texte and "Nombre d&#x27;utilisateurs" in texte
    assert f'<option value="{direction.pk}" selected>' in texte
    reponse = client.post(reverse("espace:projets_demande_nouvelle") + "?nature=evolution", {
        "titre": "Trier les courriers par date", "nature": "evolution", "type": t.pk,
        "outil": outil.pk, "direction": direction.pk, "utilisateurs_concernes": "30",
        "frequence": "quotidienne"})  # fmt: skip
    d = Demande.objects.get()
    assert reponse.status_code == 302 and reponse.url == reverse("espace:projets_demande",
                                                                 args=[d.pk])  # fmt: skip
    assert (d.demandeur, d.direction, d.type, d.utilisateurs_concernes) == (agent, direction, t, 30)
    assert "Trier les courriers par date" in client.get(reponse.url).content.decode()


def test_doublon_400_avec_les_demandes_proches(client, agent):
    outil = OutilFactory()
    existante = DemandeFactory(titre="Pouvoir exporter la liste des agents", outil=outil)
    _connecte(client, agent)
    donnees = {"titre": "Exporter liste des agents", "nature": "evolution", "outil": outil.pk,
               "description": "Mon texte à garder"}  # fmt: skip
    url = reverse("espace:projets_demande_nouvelle") + "?nature=evolution"
    reponse = client.post(url, donnees)
    texte = reponse.content.decode()
    assert reponse.status_code == 400 and Demande.objects.count() == 1
    assert reverse("espace:projets_demande", args=[existante.pk]) in texte
    assert reverse("espace:projets_demande_soutenir", args=[existante.pk]) in texte
    assert "Soutenir cette demande" in texte and "Ce n&#x27;est pas la même demande" in texte
    assert "Mon texte à garder" in texte and 'value="Exporter liste des agents"' in texte
    reponse = client.post(url, {**donnees, "pas_la_meme": "on"})
    assert reponse.status_code == 302 and Demande.objects.count() == 2


def test_saisie_refusee_400(client, agent):
    _connecte(client, agent)
    reponse = client.post(reverse("espace:projets_demande_nouvelle") + "?nature=question",
                          {"titre": "", "nature": "question", "description": "gardé"})  # fmt: skip
    texte = reponse.content.decode()
    assert reponse.status_code == 400 and "Donnez un titre" in texte and "gardé" in texte
    assert not Demande.objects.exists()


def test_un_autre_agent_403_mais_voit_le_titre_et_soutient(client, agent, autre):
    d = DemandeFactory(titre="Trier les courriers par date", demandeur=agent)
    _connecte(client, autre)
    assert client.get(reverse("espace:projets_demande", args=[d.pk])).status_code == 403
    carnet = client.get(reverse("espace:projets_carnet")).content.decode()
    assert "Trier les courriers par date" in carnet
    assert 'href="' + reverse("espace:projets_demande", args=[d.pk]) + '"' not in carnet
    reponse = client.post(reverse("espace:projets_demande_soutenir", args=[d.pk]))
    assert reponse.status_code == 302 and reponse.url == reverse("espace:projets_carnet")
    assert Soutien.objects.filter(demande=d, compte=autre).exists()
    assert client.post(reverse("espace:projets_demande_soutenir", args=[d.pk])).status_code == 400
    assert Soutien.objects.count() == 1
    _connecte(client, agent)
    assert client.get(reverse("espace:projets_demande", args=[d.pk])).status_code == 200
    assert client.post(reverse("espace:projets_demande_soutenir", args=[d.pk])).status_code == 400


def test_le_referent_de_la_direction_lit_et_qualifie(client, agent, utilisateur_avec_role):
    direction = DirectionFactory()
    referent = utilisateur_avec_role(Role.AGENT, identifiant="referent")
    ReferentFactory(direction=direction, personne=PersonneFactory(compte=referent,
                                                                  direction=direction))  # fmt: skip
    d = DemandeFactory(direction=direction, demandeur=agent)
    ailleurs = DemandeFactory(direction=DirectionFactory())
    _connecte(client, referent)
    page = client.get(reverse("espace:projets_demande", args=[d.pk]))
    assert page.status_code == 200 and "Qualifier la demande" in page.content.decode()
    assert "Marquer comme doublon" not in page.content.decode()
    assert "Consulter le panel" not in page.content.decode()
    assert d.titre in client.get(reverse("espace:projets")).content.decode()
    reponse = client.post(reverse("espace:projets_demande_qualifier", args=[d.pk]),
                          {"statut": "qualifiee", "utilisateurs_concernes": "60",
                           "frequence": "quotidienne", "effort": "3"})  # fmt: skip
    assert reponse.status_code == 302
    d.refresh_from_db()
    assert d.statut == "qualifiee" and str(d.score) == "4.00"
    assert client.get(reverse("espace:projets_demande", args=[ailleurs.pk])).status_code == 403
    assert client.post(reverse("espace:projets_demande_qualifier", args=[ailleurs.pk]),
                       {"statut": "rejetee"}).status_code == 403  # fmt: skip
    assert client.post(reverse("espace:projets_demande_doublon", args=[d.pk]),
                       {"original": ailleurs.pk}).status_code == 403  # fmt: skip


def test_qualification_invalide_400(client, utilisateur_avec_role):
    d = DemandeFactory()
    _connecte(client, utilisateur_avec_role(Role.INFORMATIQUE))
    reponse = client.post(reverse("espace:projets_demande_qualifier", args=[d.pk]),
                          {"statut": "qualifiee", "effort": "9"})  # fmt: skip
    assert reponse.status_code == 400 and "rien n&#x27;a été enregistré" in reponse.content.decode()
    d.refresh_from_db()
    assert d.statut == "nouvelle"


def test_l_informatique_marque_et_annule_un_doublon(client, utilisateur_avec_role):
    cible, d = DemandeFactory(), DemandeFactory()
    _connecte(client, utilisateur_avec_role(Role.INFORMATIQUE))
    page = client.get(reverse("espace:projets_demande", args=[d.pk])).content.decode()
    assert "Marquer comme doublon de n°" in page
    consultation = reverse("espace:projets_panel_consultation_nouvelle")  # another wing's page
    assert f"{consultation}?demande={d.pk}" in page
    url = reverse("espace:projets_demande_doublon", args=[d.pk])
    reponse = client.post(url, {"original": d.pk})
    assert reponse.status_code == 400 and "elle-même" in reponse.content.decode()
    assert client.post(url, {"original": cible.pk}).status_code == 302
    d.refresh_from_db()
    assert d.statut == "doublon" and d.doublon_de == cible
    page = client.get(reverse("espace:projets_demande", args=[cible.pk])).content.decode()
    assert "Doublons rattachés" in page and f"n° {d.pk}" in page
    page = client.get(reverse("espace:projets_demande", args=[d.pk])).content.decode()
    assert "Annuler le doublon" in page
    assert client.post(reverse("espace:projets_demande_doublon_annuler",
                               args=[d.pk])).status_code == 302  # fmt: skip
    d.refresh_from_db()
    assert d.statut == "nouvelle" and d.doublon_de is None


def test_ma_personne_sans_direction_ne_casse_pas_la_saisie(client, agent):
    _connecte(client, agent)
    assert client.get(reverse("espace:projets_demande_nouvelle")).status_code == 200
    assert Personne.objects.filter(compte=agent).exists()
