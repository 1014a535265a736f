"""The public deposit form: only for démarches whose online channel is this site's form; a
valid deposit records the request, shows and e-mails its acknowledgement once; bad input
writes nothing and keeps what was typed; rate limit; honeypot; CSRF."""

import pytest
from django.core import mail
from django.test import Client

from sun.relation.models import Demande, Evenement, Usager
from tests.outils import texte
from tests.relation.factories import DemarcheFactory

pytestmark = pytest.mark.django_db

URL = "/demarches/sub-asso/deposer/"
VALIDE = {"nom": "Jeanne Martin", "courriel": "jeanne@example.fr", "code_postal": "11000",
          "objet": "Subvention pour la fête du village", "message": "Deuxième édition."}  # fmt: skip


@pytest.fixture
def demarche():
    return DemarcheFactory(slug="sub-asso", titre="Subvention aux associations", regime="svr",
                           canaux=[{"type": "en_ligne", "outil": "sun"}])  # fmt: skip


def test_formulaire_seulement_pour_le_formulaire_du_site(client, demarche):
    DemarcheFactory(slug="ds", canaux=[{"type": "en_ligne", "outil": "demarches_simplifiees",
                                        "url": "https://example.fr"}])  # fmt: skip
    assert client.get("/demarches/ds/deposer/").status_code == 404
    assert client.get(URL).status_code == 200
    assert (
        'href="/demarches/sub-asso/deposer/"' in client.get("/demarches/sub-asso/").content.decode()
    )
    assert "no-cache" in client.get(URL)["Cache-Control"]


def test_depot_valide_redirige_vers_le_recu_et_envoie_l_accuse(client, demarche):
    reponse = client.post(URL, VALIDE)
    assert reponse.status_code == 302
    d = Demande.objects.get()
    assert (d.canal, d.objet, d.usager.nom) == ("en_ligne", VALIDE["objet"], "Jeanne Martin")
    assert d.evenements.filter(type=Evenement.Type.NOTE, commentaire="Deuxième édition.").exists()
    recu = texte(client.get(reponse["Location"]))
    assert d.code_suivi in recu
    assert "Accusé de réception électronique" in recu
    assert "Voies et délais de recours" in recu  # mentions of accuse.mentions (SVR)
    assert "Nous vous avons envoyé cet accusé de réception par courriel." in recu
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["jeanne@example.fr"]
    assert d.code_suivi in mail.outbox[0].subject
    # reloading the receipt creates nothing and sends nothing
    client.get(reponse["Location"])
    assert Demande.objects.count() == 1 and len(mail.outbox) == 1
    assert d.code_suivi not in reponse["Location"]


def test_courriel_impossible_la_page_est_l_accuse(client, demarche, monkeypatch):
    from sun.relation.registre import accuse

    def panne(*args, **kwargs):
        raise OSError("serveur de courriel injoignable")

    monkeypatch.setattr(accuse, "envoyer_par_courriel", panne)
    reponse = client.post(URL, VALIDE, follow=True)
    assert "Le courriel n'a pas pu être envoyé" in texte(reponse)
    assert Demande.objects.count() == 1


def test_sans_courriel_pas_d_envoi(client, demarche):
    reponse = client.post(URL, {**VALIDE, "courriel": "", "telephone": "04 68 00 00 00"},
                          follow=True)  # fmt: skip
    assert "Cette page est votre accusé de réception" in texte(reponse)
    assert not mail.outbox


@pytest.mark.parametrize("donnees, message", [
    ({"courriel": "", "code_postal": ""}, "Indiquez au moins un moyen de vous répondre"),
    ({"code_postal": "1100"}, "Le code postal doit compter 5 chiffres."),
    ({"courriel": "pas-une-adresse"}, "Indiquez une adresse électronique valide"),
    ({"nom": ""}, "Ce champ est obligatoire."),
    ({"courriel": "", "adresse": "3 rue Haute", "code_postal": ""}, "Avec une adresse postale, indiquez son code"),
])  # fmt: skip
def test_saisie_invalide_rien_d_ecrit_et_saisie_gardee(client, demarche, donnees, message):
    reponse = client.post(URL, {**VALIDE, **donnees})
    assert reponse.status_code == 400
    page = texte(reponse)
    assert message in page
    assert "Subvention pour la fête du village" in page  # kept
    assert not Demande.objects.exists() and not Usager.objects.exists()


def test_pot_de_miel(client, demarche):
    reponse = client.post(URL, {**VALIDE, "site_internet": "http://spam.example"})
    assert reponse.status_code == 400
    assert not Demande.objects.exists()


def test_limite_de_debit(client, demarche, settings):
    settings.SUN_LIMITE_DEPOT = "2/h"
    assert client.post(URL, VALIDE).status_code == 302
    assert client.post(URL, {**VALIDE, "nom": ""}).status_code == 400  # not counted
    assert client.post(URL, VALIDE).status_code == 302
    assert client.post(URL, VALIDE).status_code == 429
    assert Demande.objects.count() == 2


def test_csrf_exige():
    DemarcheFactory(slug="sub-asso", canaux=[{"type": "en_ligne", "outil": "sun"}])
    client = Client(enforce_csrf_checks=True)
    assert client.post(URL, VALIDE).status_code == 403
    assert not Demande.objects.exists()


def test_recu_lien_falsifie(client, demarche):
    assert client.get("/demarches/sub-asso/deposer/recu/abc:def/").status_code == 404


def test_reclamation_en_ligne_avec_son_type(client):
    """A complaint deposited online says what it is about (and, if known, the service
    concerned): the médiateur's statistics read them."""
    from tests.relation.factories import ServiceFactory

    concerne = ServiceFactory(nom="Direction de l'autonomie")
    DemarcheFactory(slug="reclamation", regime="svr", reclamation=True,
                    canaux=[{"type": "en_ligne", "outil": "sun"}])  # fmt: skip
    url = "/demarches/reclamation/deposer/"
    page = texte(client.get(url))
    assert "Votre réclamation porte sur" in page and "Direction de l'autonomie" in page
    sans_type = client.post(url, {**VALIDE, "objet": "Attente trop longue"})
    assert sans_type.status_code == 400 and "Dites sur quoi porte votre réclamation" in texte(
        sans_type
    )
    assert not Demande.objects.exists()
    reponse = client.post(url, {**VALIDE, "objet": "Attente trop longue", "typologie": "delai",
                                "service_concerne": concerne.pk})  # fmt: skip
    assert reponse.status_code == 302
    d = Demande.objects.get()
    assert (d.typologie, d.service_concerne, d.canal) == ("delai", concerne, "en_ligne")


def test_telephone_invalide_refuse(client, demarche):
    reponse = client.post(URL, {**VALIDE, "courriel": "", "telephone": "12"})
    assert reponse.status_code == 400 and "numéro de téléphone complet" in texte(reponse)
    assert not Demande.objects.exists()
