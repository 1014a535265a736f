"""Pages of the user panels: the public pages (volunteer, thanks, leave, answer) for anonymous
visitors, with their refusals (no consent 400, duplicate address hidden, bad token 404, closed
or not targeted 400); « Mon panel » for all staff; the panel pages for the IT service, pilots
and administrators only (agents 403, anonymous → login); POST-only actions answer 405."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from sun.comptes.roles import ESPACE, Role
from sun.projets.models import Avis, Consultation, MembrePanel
from tests.projets.factories import ConsultationFactory, DemandeFactory, MembrePanelFactory

pytestmark = pytest.mark.django_db
PANEL = (Role.INFORMATIQUE, Role.PILOTE, Role.ADMINISTRATEUR)
HORS_PANEL = [r for r in ESPACE if r not in PANEL]
INSCRIPTION = {"prenom": "Camille", "courriel": "camille@example.org", "code_insee": "11069",
               "centres_interet": "site internet", "consentement": "on"}  # fmt: skip


def _pages_panel():
    c = ConsultationFactory()
    return [reverse("espace:projets_panel"),
            reverse("espace:projets_panel_consultation_nouvelle"),
            reverse("espace:projets_panel_consultation", args=[c.pk])]  # fmt: skip


def test_pages_publiques_pour_les_anonymes(client):
    m, c = MembrePanelFactory(), ConsultationFactory()
    for url in (reverse("panel"), reverse("panel_merci"), reverse("panel_quitter", args=[m.jeton]),
                reverse("panel_avis", args=[c.pk, m.jeton])):  # fmt: skip
        reponse = client.get(url)
        assert reponse.status_code == 200, url
    texte = client.get(reverse("panel")).content.decode()
    assert "quitter le panel" in texte.lower() and 'type="checkbox"' in texte


def test_inscription_puis_merci(client):
    reponse = client.post(reverse("panel"), INSCRIPTION)
    assert reponse.status_code == 302 and reponse["Location"] == reverse("panel_merci")
    assert MembrePanel.objects.get().courriel == "camille@example.org"
    assert len(mail.outbox) == 1


def test_inscription_sans_consentement_refusee(client):
    donnees = {k: v for k, v in INSCRIPTION.items() if k != "consentement"}
    reponse = client.post(reverse("panel"), donnees)
    texte = reponse.content.decode()
    assert reponse.status_code == 400 and "consentement" in texte and "Camille" in texte
    assert not MembrePanel.objects.exists() and not mail.outbox


def test_inscription_commune_inconnue_refusee(client):
    reponse = client.post(reverse("panel"), {**INSCRIPTION, "code_insee": "99999"})
    assert reponse.status_code == 400 and "Commune inconnue" in reponse.content.decode()
    assert not MembrePanel.objects.exists()


def test_adresse_deja_inscrite_meme_page_rien_revele(client):
    MembrePanelFactory(courriel="camille@example.org")
    reponse = client.post(reverse("panel"), INSCRIPTION, follow=True)
    assert reponse.redirect_chain[-1][0] == reverse("panel_merci")
    assert "déjà inscrit" not in reponse.content.decode().replace("n'était pas déjà inscrite", "")
    assert MembrePanel.objects.count() == 1 and not mail.outbox


def test_quitter_par_le_lien(client):
    m = MembrePanelFactory()
    c = ConsultationFactory()
    Avis.objects.create(consultation=c, membre=m, type_membre="usager", reponse="utile")
    assert client.get(reverse("panel_quitter", args=["inconnu"])).status_code == 404
    reponse = client.post(reverse("panel_quitter", args=[m.jeton]))
    assert reponse.status_code == 200 and "quitté" in reponse.content.decode()
    assert not MembrePanel.objects.exists() and Avis.objects.get().membre is None
    assert client.post(reverse("panel_quitter", args=[m.jeton])).status_code == 404


def test_repondre_par_le_lien(client):
    m = MembrePanelFactory()
    c = ConsultationFactory(demande=DemandeFactory(titre="Exporter les rendez-vous"))
    url = reverse("panel_avis", args=[c.pk, m.jeton])
    page = client.get(url).content.decode()
    assert c.question in page and "Exporter les rendez-vous" in page and "Gênant" in page
    assert client.post(url, {"reponse": "utile"}).status_code == 200
    reponse = client.post(url, {"reponse": "genant", "commentaire": "Trop de clics"})
    assert reponse.status_code == 200 and "mise à jour" in reponse.content.decode()
    avis = Avis.objects.get()
    assert (avis.reponse, avis.commentaire) == ("genant", "Trop de clics")
    assert client.post(url, {"reponse": ""}).status_code == 400


def test_lien_de_reponse_refuse(client):
    m = MembrePanelFactory(type="usager")
    c = ConsultationFactory()
    assert client.get(reverse("panel_avis", args=[c.pk, "mauvais"])).status_code == 404
    assert client.get(reverse("panel_avis", args=[c.pk + 99, m.jeton])).status_code == 404
    close = ConsultationFactory(close_le=timezone.localdate() - timedelta(days=1))
    reponse = client.post(reverse("panel_avis", args=[close.pk, m.jeton]), {"reponse": "utile"})
    assert reponse.status_code == 400 and "close" in reponse.content.decode()
    agents = ConsultationFactory(publics="agent")
    reponse = client.get(reverse("panel_avis", args=[agents.pk, m.jeton]))
    assert reponse.status_code == 400 and "pas été adressée" in reponse.content.decode()
    assert not Avis.objects.exists()


@pytest.mark.parametrize("role", ESPACE)
def test_mon_panel_pour_tout_le_personnel(client, utilisateur_avec_role, role):
    user = utilisateur_avec_role(role)
    user.email = "agent@aude.example"
    user.save()
    client.force_login(user)
    url = reverse("espace:projets_mon_panel")
    assert client.get(url).status_code == 200
    assert client.post(url, {}).status_code == 400 and not MembrePanel.objects.exists()
    assert client.post(url, {"consentement": "on"}).status_code == 302
    assert MembrePanel.objects.get().compte == user
    assert client.get(reverse("espace:projets_mon_panel_quitter")).status_code == 405
    assert client.post(reverse("espace:projets_mon_panel_quitter")).status_code == 302
    assert not MembrePanel.objects.exists()


def test_anonyme_vers_la_connexion(client):
    for url in [reverse("espace:projets_mon_panel"), *_pages_panel()]:
        reponse = client.get(url)
        assert reponse.status_code == 302, url
        assert reponse["Location"].startswith(reverse("connexion")), url


@pytest.mark.parametrize("role", HORS_PANEL)
def test_pages_du_panel_interdites_hors_roles(client, utilisateur_avec_role, role):
    client.force_login(utilisateur_avec_role(role))
    for url in _pages_panel():
        assert client.get(url).status_code == 403, url
    assert client.post(reverse("espace:projets_panel_consultation_nouvelle"), {
        "demande": DemandeFactory().pk, "question": "?", "publics": "tous",
        "close_le": "2099-01-01"}).status_code == 403  # fmt: skip
    assert not Consultation.objects.exclude(question__startswith="Cette").exists()


@pytest.mark.parametrize("role", PANEL)
def test_pages_du_panel_pour_les_roles(client, utilisateur_avec_role, role):
    MembrePanelFactory(prenom="Sacha", courriel="sacha@example.org")
    client.force_login(utilisateur_avec_role(role))
    for url in _pages_panel():
        assert client.get(url).status_code == 200, url
    texte = client.get(reverse("espace:projets_panel")).content.decode()
    assert "sacha@example.org" in texte


def test_nouvelle_consultation_envoie_les_courriels(client, utilisateur_avec_role):
    client.force_login(utilisateur_avec_role(Role.INFORMATIQUE))
    d = DemandeFactory()
    usager = MembrePanelFactory(type="usager")
    MembrePanelFactory(type="agent")
    page = client.get(reverse("espace:projets_panel_consultation_nouvelle") + f"?demande={d.pk}")
    assert f'<option value="{d.pk}" selected>' in page.content.decode()
    reponse = client.post(reverse("espace:projets_panel_consultation_nouvelle"), {
        "demande": d.pk, "question": "Utile ?", "publics": "usager",
        "close_le": (timezone.localdate() + timedelta(days=5)).isoformat()})  # fmt: skip
    c = Consultation.objects.get()
    assert reponse.status_code == 302 and c.envoyee_a == 1
    assert [m.to for m in mail.outbox] == [[usager.courriel]]
    assert reverse("panel_avis", args=[c.pk, usager.jeton]) in mail.outbox[0].body


def test_nouvelle_consultation_date_passee_refusee(client, utilisateur_avec_role):
    client.force_login(utilisateur_avec_role(Role.PILOTE))
    MembrePanelFactory()
    reponse = client.post(reverse("espace:projets_panel_consultation_nouvelle"), {
        "demande": DemandeFactory().pk, "question": "Utile ?", "publics": "tous",
        "close_le": (timezone.localdate() - timedelta(days=1)).isoformat()})  # fmt: skip
    assert reponse.status_code == 400 and "passée" in reponse.content.decode()
    assert not Consultation.objects.exists() and not mail.outbox


def test_resultats_masques_sous_5_sur_la_page(client, utilisateur_avec_role):
    client.force_login(utilisateur_avec_role(Role.ADMINISTRATEUR))
    c = ConsultationFactory()
    for i in range(4):
        Avis.objects.create(consultation=c, membre=MembrePanelFactory(), type_membre="usager",
                            reponse="utile", commentaire=f"Remarque secrète {i}")  # fmt: skip
    url = reverse("espace:projets_panel_consultation", args=[c.pk])
    texte = client.get(url).content.decode()
    assert "Remarque secrète" not in texte and "non affichés" in texte
    Avis.objects.create(consultation=c, membre=MembrePanelFactory(), type_membre="usager",
                        reponse="genant")  # fmt: skip
    texte = client.get(url).content.decode()
    assert "Remarque secrète 0" in texte and "non affichés" not in texte


def test_formulaires_publics_limites():
    from sun.web.views.projets import panels_publics

    for vue in (panels_publics.inscription, panels_publics.quitter, panels_publics.avis):
        assert vue.limite_anonyme == ("panel", "SUN_LIMITE_PANEL")
