"""Pages of the calls wing per role: agents read, pilots and administrators write, the IT
service is kept out, anonymous people go to the login page; bad input → 400, form kept."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from sun.comptes.roles import Role
from sun.projets.models import AppelAProjets, Candidature
from tests.projets.fabriques_appels import plan_avec_actions
from tests.projets.factories import AppelFactory, CandidatureFactory

pytestmark = pytest.mark.django_db


def _saisie(**champs):
    jour = timezone.localdate() + timedelta(days=40)
    return {"titre": "Inclusion numérique", "financeur": "Région Occitanie",
            "date_limite": jour.isoformat(), "beneficiaires": "Associations",
            "montant_max": "30000", "lien": "https://www.laregion.fr/appel", **champs}  # fmt: skip


def _pages(appel):
    return [reverse("espace:projets_appels"), reverse("espace:projets_appels_detail", args=[appel.pk]),
            reverse("espace:projets_appels_financements"),
            reverse("espace:projets_appels_financements_csv")]  # fmt: skip


def test_agent_lit_mais_ne_cree_pas(client, utilisateur_avec_role):
    appel = AppelFactory()
    client.force_login(utilisateur_avec_role(Role.AGENT))
    for url in _pages(appel):
        assert client.get(url).status_code == 200, url
    assert client.get(reverse("espace:projets_appels_nouveau")).status_code == 403
    assert client.post(reverse("espace:projets_appels_nouveau"), _saisie()).status_code == 403
    url = reverse("espace:projets_appels_candidature_nouvelle", args=[appel.pk])
    assert client.get(url).status_code == 403
    assert not AppelAProjets.objects.filter(titre="Inclusion numérique").exists()


def test_informatique_refuse(client, utilisateur_avec_role):
    appel = AppelFactory()
    client.force_login(utilisateur_avec_role(Role.INFORMATIQUE))
    for url in _pages(appel):
        assert client.get(url).status_code == 403, url


def test_anonyme_vers_connexion(client):
    appel = AppelFactory()
    for url in [*_pages(appel), reverse("espace:projets_appels_nouveau")]:
        reponse = client.get(url)
        assert reponse.status_code == 302, url
        assert reponse["Location"].startswith(reverse("connexion")), url


def test_liste_ouverts_clos_et_filtres(client, utilisateur_avec_role):
    jour = timezone.localdate()
    AppelFactory(titre="Proche", date_limite=jour + timedelta(days=5), financeur="ANCT")
    AppelFactory(titre="Lointain", date_limite=jour + timedelta(days=60), financeur="Région",
                 relaye=True)  # fmt: skip
    AppelFactory(titre="Passé", date_limite=jour - timedelta(days=3), financeur="ANCT")
    client.force_login(utilisateur_avec_role(Role.AGENT))
    page = client.get(reverse("espace:projets_appels")).content.decode()
    assert page.index("Proche") < page.index("Lointain")
    assert "moins de 14 jours" in page
    assert page.index("Lointain") < page.index("Appels clos") < page.index("Passé")
    page = client.get(reverse("espace:projets_appels"), {"etat": "ouverts"}).content.decode()
    assert "Proche" in page and "Passé" not in page
    page = client.get(reverse("espace:projets_appels"), {"financeur": "Région"}).content.decode()
    assert "Lointain" in page and "Proche" not in page
    page = client.get(reverse("espace:projets_appels"), {"relaye": "non"}).content.decode()
    assert "Proche" in page and "Lointain" not in page


def test_pilote_cree_et_modifie_un_appel(client, utilisateur_avec_role):
    client.force_login(utilisateur_avec_role(Role.PILOTE))
    reponse = client.post(reverse("espace:projets_appels_nouveau"), _saisie(relaye="on"))
    appel = AppelAProjets.objects.get(titre="Inclusion numérique")
    assert reponse.status_code == 302 and appel.relaye and appel.montant_max == Decimal(30000)
    url = reverse("espace:projets_appels_modifier", args=[appel.pk])
    assert client.get(url).status_code == 200
    client.post(url, _saisie(titre="Inclusion numérique 2026"))
    appel.refresh_from_db()
    assert appel.titre == "Inclusion numérique 2026" and not appel.relaye


def test_saisie_refusee_400_formulaire_garde(client, utilisateur_avec_role):
    client.force_login(utilisateur_avec_role(Role.ADMINISTRATEUR))
    passee = (timezone.localdate() - timedelta(days=1)).isoformat()
    reponse = client.post(reverse("espace:projets_appels_nouveau"),
                          _saisie(date_limite=passee, titre="Mon appel gardé"))  # fmt: skip
    assert reponse.status_code == 400
    page = reponse.content.decode()
    assert "La date limite est déjà passée" in page and "Mon appel gardé" in page
    assert not AppelAProjets.objects.exists()


def test_pilote_candidature_et_financement(client, utilisateur_avec_role):
    _plan, (action, autre) = plan_avec_actions()
    appel = AppelFactory(montant_max=50000)
    client.force_login(utilisateur_avec_role(Role.PILOTE))
    url = reverse("espace:projets_appels_candidature_nouvelle", args=[appel.pk])
    page = client.get(url).content.decode()
    assert action.code in page
    jour = timezone.localdate()
    saisie = {"action": action.pk, "statut": "obtenue", "montant_demande": "40000",
              "montant_obtenu": "35000", "deposee_le": (jour - timedelta(days=10)).isoformat(),
              "decision_le": jour.isoformat(), "annee_budget": "2026",
              "type_budget": "fonctionnement"}  # fmt: skip
    trop = client.post(url, {**saisie, "montant_obtenu": "45000"})
    assert trop.status_code == 400 and "ne peut pas dépasser" in trop.content.decode()
    assert not Candidature.objects.exists()
    assert client.post(url, saisie).status_code == 302
    c = Candidature.objects.get()
    assert c.ligne_budget.action == action and c.ligne_budget.annee == 2026
    page = client.get(reverse("espace:projets_appels_financements")).content.decode()
    assert "35" in page and appel.financeur in page and "Source" in page
    csv = client.get(reverse("espace:projets_appels_financements_csv")).content.decode()
    assert action.code in csv and "35000.00" in csv
    url = reverse("espace:projets_appels_candidature_modifier", args=[c.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, {**saisie, "action": autre.pk, "ligne_budget": c.ligne_budget.pk,
                             "annee_budget": "", "type_budget": ""}).status_code == 400  # fmt: skip
    c.refresh_from_db()
    assert c.action == action


def test_liste_publique(client):
    jour = timezone.localdate()
    AppelFactory(titre="Relayé ouvert", relaye=True, suivi_par=None)
    AppelFactory(titre="Interne", relaye=False)
    AppelFactory(titre="Relayé clos", relaye=True, date_limite=jour - timedelta(days=1))
    AppelFactory(titre="Relayé démo", relaye=True, demonstration=True)
    CandidatureFactory(appel=AppelAProjets.objects.get(titre="Relayé ouvert"),
                       note="note interne secrète")  # fmt: skip
    reponse = client.get(reverse("appels_a_projets"))
    page = reponse.content.decode()
    assert reponse.status_code == 200 and "Relayé ouvert" in page
    for absent in ("Interne", "Relayé clos", "Relayé démo", "note interne secrète", "20000"):
        assert absent not in page
