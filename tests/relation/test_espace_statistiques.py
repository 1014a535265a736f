"""Statistics pages of the register in the agent space: who may read them (on the server),
masking, demonstration requests apart, filters with bad input, CSV content."""

from datetime import date

import pytest
from django.urls import reverse

from sun.comptes.roles import Role
from tests.relation.factories import DemarcheFactory, ServiceFactory
from tests.relation.test_statistiques import creer

pytestmark = pytest.mark.django_db
URL = reverse("espace:relation_statistiques")
RECLAMATIONS = reverse("espace:relation_reclamations")


def csv(tableau):
    return reverse("espace:relation_statistiques_csv", args=[tableau])


@pytest.fixture
def registre():
    service = ServiceFactory(nom="Autonomie")
    apa = DemarcheFactory(titre="Allocation personnalisée d'autonomie", service=service)
    creer(apa, 12, canal="en_ligne", jours=30, dans_les_temps=True)
    creer(apa, 3, canal="guichet")
    creer(DemarcheFactory(titre="=HYPERLINK(1)", service=service), 6, canal="courrier")
    creer(apa, 40, canal="courriel", demonstration=True)
    mediation = DemarcheFactory(titre="Réclamation", reclamation=True, service=service)
    creer(mediation, 5, typologie="accueil", service_concerne=service)
    return service


@pytest.mark.parametrize("roles,attendu", [
    ((Role.AGENT,), 200), ((Role.INSTRUCTEUR,), 200), ((Role.PILOTE,), 200),
    ((Role.ADMINISTRATEUR,), 200), ((Role.MEDIATEUR,), 403), ((), 403),
])  # fmt: skip
def test_qui_lit_les_statistiques(client, utilisateur_avec_role, registre, roles, attendu):
    client.force_login(utilisateur_avec_role(*roles))
    for adresse in (URL, RECLAMATIONS, csv("canal")):
        assert client.get(adresse).status_code == attendu, adresse


def test_anonyme_renvoye_a_la_connexion(client):
    for adresse in (URL, RECLAMATIONS, csv("canal")):
        reponse = client.get(adresse)
        assert reponse.status_code == 302 and reverse("connexion") in reponse["Location"]


def test_page_masque_et_montre_la_demonstration_a_part(client, utilisateur_avec_role, registre):
    client.force_login(utilisateur_avec_role(Role.PILOTE))
    page = client.get(URL).content.decode()
    assert "<strong>26</strong> demandes reçues" in page
    assert "40 demandes de DÉMONSTRATION ne sont pas comptées" in page
    assert "&lt; 5" in page and "<svg" in page and "Source : Registre des demandes" in page
    for code in ("canal", "demarche", "service", "mois", "delais_demarche", "incompletes",
                 "dans_les_temps", "implicites"):  # fmt: skip
        assert csv(code) in page


def test_filtres_et_message_en_cas_de_saisie_fausse(client, utilisateur_avec_role, registre):
    client.force_login(utilisateur_avec_role(Role.AGENT))
    page = client.get(URL, {"du": "31/02/2024", "service": "999", "canal": "fax"}).content.decode()
    assert "Date de début « 31/02/2024 » non reconnue" in page
    assert "Service inconnu(e) : filtre ignoré." in page and "Canal inconnu" in page
    assert 'value="31/02/2024"' in page  # what was typed stays in the form
    page = client.get(URL, {"canal": "en_ligne"}).content.decode()
    assert "<strong>12</strong> demandes reçues" in page
    page = client.get(URL, {"du": "2030-01-01"}).content.decode()
    assert "Aucune demande pour cette sélection." in page


def test_csv_masque_neutralise_et_date(client, utilisateur_avec_role, registre):
    client.force_login(utilisateur_avec_role(Role.INSTRUCTEUR))
    reponse = client.get(csv("demarche"))
    assert reponse["Content-Type"].startswith("text/csv")
    texte = reponse.content.decode("utf-8-sig")
    lignes = texte.splitlines()
    assert lignes[0] == "Démarche;Demandes"
    assert "Allocation personnalisée d'autonomie;15" in lignes
    assert "'=HYPERLINK(1);6" in lignes  # no formula in a spreadsheet
    assert lignes[-1].startswith('"Source : Registre des demandes (SUN), hors démonstration ;')
    canal = client.get(csv("canal")).content.decode("utf-8-sig").splitlines()
    assert "Guichet;< 5" in canal and not any(ligne.startswith("Courriel") for ligne in canal)
    assert client.get(csv("inconnu")).status_code == 404
    assert client.get(csv("reclamations_typologie")).content.decode("utf-8-sig").splitlines()[
        1] == "Accueil;5"  # fmt: skip


def test_reclamations_pour_le_mediateur(client, utilisateur_avec_role, registre):
    client.force_login(utilisateur_avec_role(Role.ADMINISTRATEUR))
    page = client.get(RECLAMATIONS).content.decode()
    assert "Réclamations par service concerné et par type" in page
    assert "Réclamations par mois et par type" in page and "01/2024" in page
    assert client.get(RECLAMATIONS, {"du": date(2025, 1, 1).isoformat()}).status_code == 200
