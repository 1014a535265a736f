"""Agent space › register of requests: rights, search, recording (phone, réclamation, an
existing contact), the acknowledgement e-mail, and the actions of a request page."""

from datetime import date, timedelta
from unittest import mock

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from sun.comptes.roles import Role
from sun.relation.models import Demande, Evenement, Statut, Usager
from tests.relation.factories import DemarcheFactory, ServiceFactory, demande

pytestmark = pytest.mark.django_db

LISTE = reverse("espace:relation_demandes")
NOUVELLE = reverse("espace:relation_demande_nouvelle")


@pytest.fixture
def comptes(utilisateur_avec_role):
    from tests.comptes.factories import UtilisateurFactory

    service, autre = ServiceFactory(code="autonomie"), ServiceFactory(code="insertion")
    instructeur = UtilisateurFactory(username="instr", roles=[Role.INSTRUCTEUR])
    service.instructeurs.add(instructeur)
    etranger = UtilisateurFactory(username="instr-autre", roles=[Role.INSTRUCTEUR])
    autre.instructeurs.add(etranger)
    return {
        "service": service, "autre": autre, "instructeur": instructeur, "etranger": etranger,
        "agent": utilisateur_avec_role(Role.AGENT),
        "admin": utilisateur_avec_role(Role.ADMINISTRATEUR),
        "pilote": utilisateur_avec_role(Role.PILOTE),
        "mediateur": utilisateur_avec_role(Role.MEDIATEUR),
    }  # fmt: skip


def _demande(service, **autres):
    aujourd_hui = timezone.localdate()
    return demande(DemarcheFactory(service=service), recue_le=aujourd_hui - timedelta(days=3),
                   aujourd_hui=aujourd_hui, **autres)  # fmt: skip


def test_anonyme_redirige_et_sans_droit_refuse(client, comptes):
    d = _demande(comptes["service"])
    for url in (LISTE, NOUVELLE, reverse("espace:relation_demande", args=[d.pk])):
        r = client.get(url)
        assert r.status_code == 302 and "/se-connecter/" in r["Location"]
    for compte in ("pilote", "mediateur"):
        client.force_login(comptes[compte])
        r = client.get(LISTE)
        assert r.status_code == 403
        assert "est réservé aux rôles" in r.content.decode()


def test_instructeur_ne_lit_que_ses_services(client, comptes):
    a = _demande(comptes["service"], nom="Alice Aude")
    b = _demande(comptes["autre"], nom="Bernard Bize")
    client.force_login(comptes["instructeur"])
    contenu = client.get(LISTE).content.decode()
    assert a.code_suivi in contenu and b.code_suivi not in contenu
    assert client.get(reverse("espace:relation_demande", args=[a.pk])).status_code == 200
    r = client.get(reverse("espace:relation_demande", args=[b.pk]))
    assert r.status_code == 403 and "relève du service" in r.content.decode()
    client.force_login(comptes["agent"])
    contenu = client.get(LISTE).content.decode()
    assert a.code_suivi in contenu and b.code_suivi in contenu


def test_recherche_par_code_nom_telephone(client, comptes):
    a = _demande(comptes["service"], nom="Émilie Durand")
    b = _demande(comptes["service"], nom="Paul Roux", courriel="paul@example.fr")
    client.force_login(comptes["agent"])
    for q in (a.code_suivi.lower().replace("-", " "), "durand", "EMILIE"):
        contenu = client.get(LISTE, {"q": q}).content.decode()
        assert a.code_suivi in contenu and b.code_suivi not in contenu, q
    contenu = client.get(LISTE, {"q": "paul@example.fr"}).content.decode()
    assert b.code_suivi in contenu and a.code_suivi not in contenu
    contenu = client.get(LISTE, {"statut": "accepte"}).content.decode()
    assert a.code_suivi not in contenu


def test_enregistrer_par_telephone_sans_courriel(client, comptes):
    demarche = DemarcheFactory(service=comptes["service"], slug="apa", titre="APA à domicile")
    client.force_login(comptes["agent"])
    page = client.get(NOUVELLE, {"demarche": "apa"}).content.decode()
    assert 'value="apa" selected' in page and "autofocus" in page
    r = client.post(NOUVELLE, {
        "usager": "nouvelle", "nom": "Jean Dupont", "telephone": "04 68 00 00 00",
        "code_postal": "11000", "demarche": "apa", "canal": "telephone",
        "recue_le": timezone.localdate().isoformat(), "objet": "",
    })  # fmt: skip
    d = Demande.objects.get()
    assert r.status_code == 302 and r["Location"].endswith(f"/demandes/{d.pk}/?enregistree=1")
    assert d.demarche == demarche and d.enregistree_par == comptes["agent"]
    assert d.usager.nom == "Jean Dupont" and not mail.outbox
    page = client.get(r["Location"]).content.decode()
    assert d.code_suivi in page and "comme" in page and "Accusé de réception (PDF)" in page


def test_enregistrer_envoie_l_accuse_par_courriel(client, comptes):
    DemarcheFactory(service=comptes["service"], slug="apa")
    client.force_login(comptes["agent"])
    donnees = {"usager": "nouvelle", "nom": "Jeanne", "courriel": "jeanne@example.fr",
               "demarche": "apa", "canal": "courriel",
               "recue_le": timezone.localdate().isoformat()}  # fmt: skip
    client.post(NOUVELLE, donnees)
    d = Demande.objects.get()
    assert len(mail.outbox) == 1 and d.code_suivi in mail.outbox[0].subject
    d.refresh_from_db()
    assert d.accuse_envoye_le is not None


def test_serveur_de_courriel_en_panne_la_demande_reste(client, comptes):
    DemarcheFactory(service=comptes["service"], slug="apa")
    client.force_login(comptes["agent"])
    donnees = {"usager": "nouvelle", "nom": "Jeanne", "courriel": "jeanne@example.fr",
               "demarche": "apa", "canal": "courriel",
               "recue_le": timezone.localdate().isoformat()}  # fmt: skip
    with mock.patch("django.core.mail.EmailMessage.send", side_effect=OSError("refusé")):
        r = client.post(NOUVELLE, donnees, follow=True)
    assert Demande.objects.count() == 1
    assert "non envoyé" in r.content.decode()
    assert Demande.objects.get().accuse_envoye_le is None


def test_saisie_invalide_rien_ecrit_et_saisie_conservee(client, comptes):
    DemarcheFactory(service=comptes["service"], slug="apa")
    client.force_login(comptes["agent"])
    demain = (timezone.localdate() + timedelta(days=1)).isoformat()
    r = client.post(NOUVELLE, {"usager": "nouvelle", "nom": "Jean Dupont", "telephone": "0468",
                               "demarche": "apa", "canal": "telephone", "recue_le": demain})  # fmt: skip
    assert r.status_code == 400 and "dans le futur" in r.content.decode()
    assert 'value="Jean Dupont"' in r.content.decode()
    r = client.post(NOUVELLE, {"usager": "nouvelle", "nom": "Sans Contact", "demarche": "apa",
                               "canal": "telephone", "recue_le": "2024-01-10"})  # fmt: skip
    assert r.status_code == 400 and "moyen de répondre" in r.content.decode()
    assert not Demande.objects.exists() and not Usager.objects.exists()


def test_reclamation_exige_type_et_service(client, comptes):
    DemarcheFactory(service=comptes["service"], slug="reclamation", reclamation=True,
                    regime="svr", theme="relation")  # fmt: skip
    client.force_login(comptes["agent"])
    base = {"usager": "nouvelle", "nom": "Jean", "telephone": "0468000000",
            "demarche": "reclamation", "canal": "guichet",
            "recue_le": timezone.localdate().isoformat()}  # fmt: skip
    r = client.post(NOUVELLE, base)
    assert r.status_code == 400 and not Demande.objects.exists()
    assert "Une réclamation doit avoir un type" in r.content.decode()
    r = client.post(NOUVELLE, {**base, "typologie": "delai",
                               "service_concerne": comptes["autre"].pk})  # fmt: skip
    d = Demande.objects.get()
    assert d.typologie == "delai" and d.service_concerne == comptes["autre"]


def test_contact_retrouve_et_reutilise(client, comptes):
    premiere = _demande(comptes["service"], nom="Louise Michel", courriel="louise@example.fr")
    DemarcheFactory(service=comptes["service"], slug="rsa")
    client.force_login(comptes["agent"])
    page = client.get(NOUVELLE, {"contact": "michel"}).content.decode()
    assert "Louise Michel" in page and premiere.code_suivi in page
    client.post(NOUVELLE, {"contact": "michel", "usager": str(premiere.usager_id),
                           "demarche": "rsa", "canal": "telephone",
                           "recue_le": timezone.localdate().isoformat()})  # fmt: skip
    assert Usager.objects.count() == 1 and Demande.objects.count() == 2
    seconde = Demande.objects.exclude(pk=premiere.pk).get()
    page = client.get(reverse("espace:relation_demande", args=[seconde.pk])).content.decode()
    assert premiere.code_suivi in page  # « ses autres demandes »


def _poster(client, d, action, **donnees):
    prefixes = {"statut": "statut", "pieces": "pieces", "pieces_recues": "recues",
                "note": "note", "accuse": "accuse"}  # fmt: skip
    corps = {"action": action, **{f"{prefixes[action]}-{k}": v for k, v in donnees.items()}}
    return client.post(reverse("espace:relation_demande", args=[d.pk]), corps)


def test_actions_instructeur_et_transition_interdite(client, comptes):
    d = _demande(comptes["service"])
    client.force_login(comptes["instructeur"])
    assert _poster(client, d, "statut", vers="en_instruction").status_code == 302
    demain = (timezone.localdate() + timedelta(days=20)).isoformat()
    r = _poster(client, d, "pieces", pieces="Avis d'imposition\nRIB", a_fournir_avant=demain)
    assert r.status_code == 302
    d.refresh_from_db()
    assert d.statut == Statut.INCOMPLET and d.pieces.get().pieces == ["Avis d'imposition", "RIB"]
    # Accepting an incomplete request: the workflow refuses, nothing changes.
    r = _poster(client, d, "statut", vers="accepte")
    assert r.status_code == 400
    assert "incomplète ne peut pas être acceptée" in r.content.decode()  # the reason, in French
    d.refresh_from_db()
    assert d.statut == Statut.INCOMPLET
    assert _poster(client, d, "pieces_recues").status_code == 302
    assert _poster(client, d, "statut", vers="accepte", commentaire="Accordée").status_code == 302
    d.refresh_from_db()
    assert d.statut == Statut.ACCEPTE and d.decidee_le == timezone.localdate()
    assert _poster(client, d, "note", texte="Rappelée le lendemain").status_code == 302
    types = list(d.evenements.values_list("type", flat=True))
    assert types == ["creation", "statut", "pieces_demandees", "pieces_recues", "statut", "note"]
    page = client.get(reverse("espace:relation_demande", args=[d.pk])).content.decode()
    assert "Accordée" in page and "Rappelée le lendemain" in page and "instr" in page


def test_agent_ne_decide_pas_mais_note_et_recoit_les_pieces(client, comptes):
    d = _demande(comptes["service"])
    client.force_login(comptes["agent"])
    page = client.get(reverse("espace:relation_demande", args=[d.pk])).content.decode()
    assert "Changer le statut" not in page and "réservés aux instructeurs" in page
    assert _poster(client, d, "statut", vers="en_instruction").status_code == 403
    assert _poster(client, d, "note", texte="Appel reçu").status_code == 302
    client.force_login(comptes["etranger"])
    assert _poster(client, d, "note", texte="x").status_code == 403
    d.refresh_from_db()
    assert d.statut == Statut.EN_CONSTRUCTION
    assert Evenement.objects.filter(demande=d, type="note").count() == 1


def test_accuse_marque_envoye_par_courrier(client, comptes):
    from sun.relation.registre.services import Coordonnees, enregistrer_demande

    d = enregistrer_demande(DemarcheFactory(service=comptes["service"]), canal="guichet",
                            recue_le=timezone.localdate(),
                            coordonnees=Coordonnees(nom="Jean", adresse="1 rue Haute"))  # fmt: skip
    client.force_login(comptes["agent"])
    r = _poster(client, d, "accuse", moyen="courriel")
    assert r.status_code == 400 and "pas donné de courriel" in r.content.decode()
    assert _poster(client, d, "accuse", moyen="courrier").status_code == 302
    d.refresh_from_db()
    assert d.accuse_envoye_le is not None


def test_accuse_pdf_ou_message(client, comptes):
    d = _demande(comptes["service"])
    client.force_login(comptes["etranger"])
    assert client.get(reverse("espace:relation_accuse_pdf", args=[d.pk])).status_code == 403
    client.force_login(comptes["agent"])
    r = client.get(reverse("espace:relation_accuse_pdf", args=[d.pk]))
    assert r.status_code in (200, 302)
    if r.status_code == 200:
        assert r["Content-Type"] == "application/pdf" and r.content.startswith(b"%PDF")


def test_epeler_le_code():
    from sun.relation.registre.code_suivi import ALPHABET, EPELLATION, epeler

    assert epeler("K7MP-3WHX") == [
        ["K comme Kléber", "7 (sept)", "M comme Marcel", "P comme Pierre"],
        ["3 (trois)", "W comme William", "H comme Henri", "X comme Xavier"],
    ]
    assert set(EPELLATION) == set(ALPHABET)


def test_echeances_affichees(client, comptes):
    jour = timezone.localdate()
    d = demande(DemarcheFactory(service=comptes["service"], delai_valeur=10, delai_unite="jours"),
                recue_le=jour - timedelta(days=5), aujourd_hui=jour)  # fmt: skip
    vieille = demande(DemarcheFactory(service=comptes["service"]), recue_le=date(2020, 1, 6),
                      aujourd_hui=jour)  # fmt: skip
    client.force_login(comptes["agent"])
    page = client.get(LISTE).content.decode()
    jours = (d.date_decision_implicite - jour).days
    assert f"dans {jours} jours" in page and "décision implicite acquise" in page
    assert vieille.code_suivi in page


def test_autres_demandes_limitees_a_ce_que_l_instructeur_lit(client, comptes):
    a = _demande(comptes["service"], nom="Louise Michel", courriel="louise@example.fr")
    b = demande(DemarcheFactory(service=comptes["autre"]), nom="Louise Michel",
                courriel="louise@example.fr", recue_le=a.recue_le,
                aujourd_hui=timezone.localdate())  # fmt: skip
    Demande.objects.filter(pk=b.pk).update(usager=a.usager)
    client.force_login(comptes["instructeur"])
    page = client.get(NOUVELLE, {"contact": "louise@example.fr"}).content.decode()
    assert a.code_suivi in page and b.code_suivi not in page
    page = client.get(reverse("espace:relation_demande", args=[a.pk])).content.decode()
    assert b.code_suivi not in page
    client.force_login(comptes["agent"])
    page = client.get(reverse("espace:relation_demande", args=[a.pk])).content.decode()
    assert b.code_suivi in page
