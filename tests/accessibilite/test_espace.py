"""Agent space › Accessibilité numérique: rights per role, creation and edition through the
forms, bad input refused with nothing written, the plan and its actions."""

from datetime import date

import pytest
from django.urls import reverse

from sun.accessibilite.models import ActionAccessibilite, SchemaPluriannuel, ServiceNumerique
from sun.accessibilite.services import enregistrer_schema, enregistrer_service
from sun.comptes.roles import Role
from tests.comptes.factories import UtilisateurFactory
from tests.relation.factories import ServiceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def registre():
    autonomie = ServiceFactory(code="autonomie", nom="Direction de l'autonomie")
    ServiceFactory(code="routes", nom="Direction des routes")
    sn = enregistrer_service({"nom": "Portail autonomie", "url": "https://autonomie.exemple.fr/",
                              "type": "site", "service": autonomie})  # fmt: skip
    return sn


def _instructeur(code: str, nom: str):
    u = UtilisateurFactory(username=nom, roles=[Role.INSTRUCTEUR])
    ServiceFactory(code=code).instructeurs.add(u)
    return u


def _formulaire(**autres):
    return {"slug": "", "nom": "Intranet", "url": "https://intranet.exemple.fr/",
            "type": "intranet", "public": "agents", "methode": "RGAA 4.1.2", **autres}  # fmt: skip


def test_droits_par_role(client, registre, utilisateur_avec_role):
    liste = reverse("espace:accessibilite")
    fiche = reverse("espace:accessibilite_fiche", args=[registre.slug])
    modifier = reverse("espace:accessibilite_modifier", args=[registre.slug])
    nouveau = reverse("espace:accessibilite_nouveau")
    plans = reverse("espace:accessibilite_plans")
    controles = reverse("espace:accessibilite_controles", args=[registre.slug])
    for url in (liste, fiche, modifier, nouveau, plans, controles):
        assert client.get(url).status_code == 302  # anonymous: to the login page
    client.force_login(utilisateur_avec_role(Role.MEDIATEUR))
    for url in (liste, fiche, modifier, nouveau, plans, controles):
        assert client.get(url).status_code == 403
    for role in (Role.AGENT, Role.ADMINISTRATEUR):
        client.force_login(utilisateur_avec_role(role))
        for url in (liste, fiche, modifier, nouveau, plans, controles):
            assert client.get(url).status_code == 200, (role, url)
    client.force_login(utilisateur_avec_role(Role.PILOTE))
    for url in (liste, fiche, plans, controles):
        assert client.get(url).status_code == 200
    assert client.get(modifier).status_code == 403 and client.get(nouveau).status_code == 403
    assert "Modifier</a>" not in client.get(fiche).content.decode()
    client.force_login(_instructeur("autonomie", "instr-autonomie"))
    assert client.get(modifier).status_code == 200
    assert client.get(nouveau).status_code == 403
    # Their own services only in the list of owners.
    assert "Direction des routes" not in client.get(modifier).content.decode()
    client.force_login(_instructeur("routes", "instr-routes"))
    assert client.get(fiche).status_code == 200
    r = client.get(modifier)
    assert r.status_code == 403 and "instructeurs de son service" in r.content.decode()
    r = client.post(reverse("espace:accessibilite_contenu", args=[registre.slug]),
                    {"categorie": "non_conformite", "description": "x"})  # fmt: skip
    assert r.status_code == 403 and not registre.contenus.exists()


def test_creer_modifier_et_saisie_refusee(client, registre, utilisateur_avec_role):
    client.force_login(utilisateur_avec_role(Role.AGENT))
    url = reverse("espace:accessibilite_nouveau")
    r = client.post(url, _formulaire(date_audit="2024-02-01", criteres_valides="60",
                                     criteres_applicables="50"))  # fmt: skip
    assert r.status_code == 400 and "dépasserait 100 %" in r.content.decode()
    r = client.post(url, _formulaire(date_audit="2999-01-01", taux="70"))
    assert r.status_code == 400 and "ne peut pas être dans le futur" in r.content.decode()
    r = client.post(url, _formulaire(date_audit="2024-02-01", taux="101"))
    assert r.status_code == 400 and "compris entre 0 et 100 %" in r.content.decode()
    assert ServiceNumerique.objects.count() == 1
    r = client.post(url, _formulaire(date_audit="2024-02-01", criteres_valides="40",
                                     criteres_applicables="50",
                                     declaration_etablie_le="2024-03-01"))  # fmt: skip
    assert r.status_code == 302
    sn = ServiceNumerique.objects.get(slug="intranet")
    assert str(sn.taux) == "80.00" and sn.echeance == date(2027, 3, 1)
    page = client.get(reverse("espace:accessibilite_fiche", args=["intranet"])).content.decode()
    assert "Partiellement conforme (80 %)" in page
    # An instructeur edits their own service's entry.
    client.force_login(_instructeur("autonomie", "instr-a"))
    r = client.post(reverse("espace:accessibilite_modifier", args=[registre.slug]),
                    _formulaire(slug=registre.slug, nom="Portail autonomie",
                                service=registre.service_id, responsable="Prestataire X"))  # fmt: skip
    assert r.status_code == 302
    registre.refresh_from_db()
    assert registre.responsable == "Prestataire X"


def test_grille_et_contenus(client, registre, utilisateur_avec_role):
    from sun.accessibilite import rgaa
    from sun.web.forms.accessibilite import GrilleForm

    client.force_login(utilisateur_avec_role(Role.AGENT))
    url = reverse("espace:accessibilite_grille", args=[registre.slug])
    assert "13.12" in client.get(url).content.decode()
    donnees = {GrilleForm.nom(n): "C" for n in rgaa.numeros()}
    donnees.update(date_audit="2024-05-01", audite_par="Cabinet", methode="RGAA 4.1.2")
    donnees[GrilleForm.nom("4.1")] = ""
    r = client.post(url, donnees)
    assert r.status_code == 400 and "Critère 4.1 : choisissez C, NC ou NA." in r.content.decode()
    donnees[GrilleForm.nom("4.1")] = "NC"
    assert client.post(url, donnees).status_code == 302
    registre.refresh_from_db()
    assert (registre.criteres_valides, registre.criteres_applicables) == (105, 106)
    contenus = reverse("espace:accessibilite_contenu", args=[registre.slug])
    r = client.post(contenus, {"categorie": "derogation", "description": "Plans"})
    assert r.status_code == 400 and "doit être justifiée" in r.content.decode()
    assert not registre.contenus.exists()
    assert client.post(contenus, {"categorie": "non_conformite", "criteres": "4.1",
                                  "description": "Vidéo sans sous-titres"}).status_code == 302  # fmt: skip
    x = registre.contenus.get()
    client.post(reverse("espace:accessibilite_contenu_supprimer", args=[registre.slug, x.pk]))
    assert not registre.contenus.exists()


def test_plan_et_actions(client, registre, utilisateur_avec_role):
    client.force_login(utilisateur_avec_role(Role.AGENT))
    r = client.post(
        reverse("espace:accessibilite_plan_nouveau"),
        {"titre": "Schéma 2025-2029", "debut": "2025-01-01", "fin": "2029-12-31"},
    )
    assert r.status_code == 400 and "au plus 3 ans" in r.content.decode()
    assert not SchemaPluriannuel.objects.exists()
    r = client.post(reverse("espace:accessibilite_plan_nouveau"), {
        "titre": "Schéma 2025-2027", "debut": "2025-01-01", "fin": "2027-12-31",
        "formation": "Former les rédacteurs."})  # fmt: skip
    schema = SchemaPluriannuel.objects.get()
    url = reverse("espace:accessibilite_schema", args=[schema.pk])
    assert r.status_code == 302 and r["Location"] == url
    action = {"formulaire": "action", "annee": "2026", "intitule": "Auditer le portail",
              "nature": "audit", "service_numerique": registre.pk, "statut": "realisee"}  # fmt: skip
    r = client.post(url, action)
    assert r.status_code == 400 and "date de réalisation" in r.content.decode()
    assert client.post(url, {**action, "realisee_le": "2026-03-01"}).status_code == 302
    a = ActionAccessibilite.objects.get()
    assert a.service_numerique == registre and a.annee == 2026
    client.force_login(utilisateur_avec_role(Role.PILOTE))
    page = client.get(url).content.decode()
    assert "Auditer le portail" in page and "Ajouter l&#x27;action" not in page
    assert client.post(url, {**action, "intitule": "Pirate"}).status_code == 200
    assert ActionAccessibilite.objects.count() == 1
    assert client.get(reverse("espace:accessibilite_action", args=[a.pk])).status_code == 403


def test_schema_ne_peut_perdre_ses_actions():
    schema = enregistrer_schema(
        {"titre": "S", "debut": date(2025, 1, 1), "fin": date(2027, 12, 31)}
    )
    ActionAccessibilite.objects.create(schema=schema, annee=2027, intitule="x", nature="autre")
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="hors des années"):
        enregistrer_schema({"fin": date(2026, 12, 31)}, schema)
    schema.refresh_from_db()
    assert schema.fin == date(2027, 12, 31)
