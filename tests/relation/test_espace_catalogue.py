"""Agent space › catalogue: the list (« à vérifier » first), who edits a démarche, its
description, channels, confirmation and silence rule (« toutes » / « nouvelles »), the upload of
a catalogue file refused whole, and the services' page with their instructeurs."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from sun.comptes.roles import Role
from sun.relation.models import Canal, Demarche, Evenement, ServiceInstructeur
from tests.relation.factories import DemarcheFactory, ServiceFactory, demande

pytestmark = pytest.mark.django_db
CATALOGUE = reverse("espace:relation_catalogue")

VALIDE = """services:
  - code: s-nouveau
    nom: Service nouveau
    adresse_postale: 1 rue X, 11000 Carcassonne
    telephone: 04 68 00 00 00
demarches:
  - code: nouvelle-aide
    titre: Nouvelle aide
    resume: Une aide. Vous écrivez.
    theme: autonomie
    service: s-nouveau
    ouverte_le: 2020-01-01
    regime: sva
    base_legale: CRPA L231-1
    canaux: [{type: courrier, adresse: BP 1}]
"""
INVALIDE = """demarches:
  - code: a
    titre: A
    resume: R
    theme: inconnu
    service: absent
    ouverte_le: 2020-01-01
    regime: silence
    canaux: [{type: courrier, adresse: X}]
"""


@pytest.fixture
def comptes(utilisateur_avec_role):
    from tests.comptes.factories import UtilisateurFactory

    service, autre = ServiceFactory(code="autonomie"), ServiceFactory(code="insertion")
    instructeur = UtilisateurFactory(username="instr", roles=[Role.INSTRUCTEUR])
    service.instructeurs.add(instructeur)
    etranger = UtilisateurFactory(username="instr-autre", roles=[Role.INSTRUCTEUR])
    autre.instructeurs.add(etranger)
    return {"service": service, "autre": autre, "instructeur": instructeur,
            "etranger": etranger, "agent": utilisateur_avec_role(Role.AGENT),
            "admin": utilisateur_avec_role(Role.ADMINISTRATEUR),
            "mediateur": utilisateur_avec_role(Role.MEDIATEUR)}  # fmt: skip


@pytest.fixture
def apa(comptes):
    return DemarcheFactory(service=comptes["service"], slug="apa", titre="APA à domicile",
                           a_verifier=False)  # fmt: skip


def _url(demarche):
    return reverse("espace:relation_demarche", args=[demarche.slug])


def test_liste_a_verifier_d_abord(client, comptes, apa):
    DemarcheFactory(service=comptes["autre"], slug="rsa", titre="RSA", a_verifier=True)
    assert client.get(CATALOGUE).status_code == 302
    client.force_login(comptes["mediateur"])
    assert client.get(CATALOGUE).status_code == 403
    client.force_login(comptes["agent"])
    r = client.get(CATALOGUE)
    contenu = r.content.decode()
    assert contenu.index("RSA") < contenu.index("APA à domicile")
    assert "Charger le catalogue" not in contenu and _url(apa) not in contenu
    client.force_login(comptes["instructeur"])
    assert _url(apa) in client.get(CATALOGUE).content.decode()


def test_qui_modifie(client, comptes, apa):
    assert client.get(_url(apa)).status_code == 302
    for compte, attendu in (("agent", 403), ("etranger", 403), ("instructeur", 200),
                            ("admin", 200)):  # fmt: skip
        client.force_login(comptes[compte])
        r = client.get(_url(apa))
        assert r.status_code == attendu, compte
    client.force_login(comptes["etranger"])
    r = client.post(_url(apa), {"action": "confirmer"})
    assert r.status_code == 403 and "instructeurs du service" in r.content.decode()


def _description(apa, **autres):
    return {"action": "modifier", "titre": apa.titre, "resume": "Court. Clair.",
            "theme": "autonomie", "cout": "Gratuit", "ouverte_le": "2016-01-01",
            "publics": ["personnes-agees"], "documents": "Pièce d'identité\nRIB",
            "publiee": "on", "saisine_electronique": "on", **autres}  # fmt: skip


def test_modifier_description_et_confirmer(client, comptes, apa):
    client.force_login(comptes["instructeur"])
    r = client.post(_url(apa), _description(apa, titre="APA, aide à domicile"))
    assert r.status_code == 302
    apa.refresh_from_db()
    assert apa.titre == "APA, aide à domicile" and apa.documents == ["Pièce d'identité", "RIB"]
    assert apa.publics == ["personnes-agees"] and apa.service == comptes["service"]
    r = client.post(_url(apa), _description(apa, titre="", service=comptes["autre"].pk))
    assert r.status_code == 400
    apa.refresh_from_db()
    assert apa.titre == "APA, aide à domicile" and apa.service == comptes["service"]
    Demarche.objects.filter(pk=apa.pk).update(a_verifier=True)
    client.post(_url(apa), {"action": "confirmer"})
    apa.refresh_from_db()
    assert not apa.a_verifier and apa.verifiee_par == comptes["instructeur"]


def test_seul_l_administrateur_change_le_service(client, comptes, apa):
    client.force_login(comptes["instructeur"])
    client.post(_url(apa), _description(apa, service=comptes["autre"].pk))
    apa.refresh_from_db()
    assert apa.service == comptes["service"]
    client.force_login(comptes["admin"])
    assert client.post(_url(apa), _description(apa, service=comptes["autre"].pk)).status_code == 302
    apa.refresh_from_db()
    assert apa.service == comptes["autre"]


def test_canaux(client, comptes, apa):
    client.force_login(comptes["instructeur"])
    nouveau = reverse("espace:relation_canal_nouveau", args=[apa.slug])
    r = client.post(nouveau, {"type": "telephone", "telephone": ""})
    assert r.status_code == 400 and "telephone" in r.content.decode()
    assert apa.canaux.count() == 1
    assert (
        client.post(nouveau, {"type": "telephone", "telephone": "04 68 11 68 11"}).status_code
        == 302
    )
    canal = apa.canaux.get(type="telephone")
    url = reverse("espace:relation_canal", args=[apa.slug, canal.pk])
    assert client.get(url).status_code == 200
    client.post(url, {"type": "telephone", "telephone": "04 68 00 00 01", "horaires": "9 h-12 h"})
    canal.refresh_from_db()
    assert canal.telephone == "04 68 00 00 01" and canal.horaires == "9 h-12 h"
    courrier = apa.canaux.get(type="courrier")
    client.post(_url(apa), {"action": "supprimer_canal", "canal": courrier.pk})
    assert list(apa.canaux.values_list("type", flat=True)) == ["telephone"]
    r = client.post(_url(apa), {"action": "supprimer_canal", "canal": canal.pk})
    assert r.status_code == 400 and "au moins un canal" in r.content.decode()
    assert Canal.objects.filter(pk=canal.pk).exists()
    autre = DemarcheFactory(service=comptes["autre"], slug="rsa")
    url_autre = reverse("espace:relation_canal", args=[autre.slug, autre.canaux.get().pk])
    assert client.get(url_autre).status_code == 403


def _regime(appliquer, **autres):
    return {"action": "regime", "regime": "svr", "delai_valeur": 4, "delai_unite": "mois",
            "base_legale": "CRPA L231-4 3°", "appliquer": appliquer, **autres}  # fmt: skip


def test_regime_nouvelles_ou_toutes(client, comptes, apa):
    jour = timezone.localdate()
    d = demande(apa, recue_le=jour - timedelta(days=3), aujourd_hui=jour)
    avant = d.date_decision_implicite
    client.force_login(comptes["instructeur"])
    page = client.get(_url(apa)).content.decode()
    assert "1 demande en cours" in page
    r = client.post(_url(apa), _regime("nouvelles", base_legale=""))
    assert r.status_code == 400 and "base légale" in r.content.decode()
    client.post(_url(apa), _regime("nouvelles"))
    apa.refresh_from_db()
    d.refresh_from_db()
    assert apa.regime == "svr" and d.regime == "sva" and d.date_decision_implicite == avant
    client.post(_url(apa), _regime("toutes", delai_valeur=3))
    d.refresh_from_db()
    assert (d.regime, d.delai_valeur) == ("svr", 3) and d.date_decision_implicite != avant
    assert Evenement.objects.filter(demande=d, type="regime").exists()


def test_televerser_un_catalogue(client, comptes):
    importer = reverse("espace:relation_catalogue_importer")
    client.force_login(comptes["instructeur"])
    fichier = SimpleUploadedFile("catalogue.yaml", VALIDE.encode())
    assert client.post(importer, {"fichier": fichier}).status_code == 403
    client.force_login(comptes["admin"])
    assert "Charger le catalogue" in client.get(CATALOGUE).content.decode()
    r = client.post(importer, {"fichier": SimpleUploadedFile("c.yaml", INVALIDE.encode())})
    contenu = r.content.decode()
    assert r.status_code == 400 and "refusé en entier" in contenu
    assert "thème inconnu" in contenu and "silence" in contenu
    assert not Demarche.objects.filter(slug="a").exists()
    r = client.post(importer, {"fichier": SimpleUploadedFile("c.txt", b"x")})
    assert r.status_code == 400 and "YAML (.yaml) ou un CSV" in r.content.decode()
    r = client.post(importer, {"fichier": SimpleUploadedFile("c.yaml", VALIDE.encode())},
                    follow=True)  # fmt: skip
    assert "Catalogue chargé" in r.content.decode()
    assert Demarche.objects.get(slug="nouvelle-aide").service.code == "s-nouveau"


def test_service_et_instructeurs(client, comptes, utilisateur_avec_role):
    from tests.comptes.factories import UtilisateurFactory

    service = comptes["service"]
    url = reverse("espace:relation_service_modifier", args=[service.code])
    client.force_login(comptes["instructeur"])
    assert client.get(url).status_code == 403
    client.force_login(comptes["admin"])
    assert client.get(url).status_code == 200
    r = client.post(url, {"action": "service", "nom": "Autonomie", "adresse_postale": "1 rue",
                          "telephone": ""})  # fmt: skip
    assert r.status_code == 400
    service.refresh_from_db()
    assert service.nom != "Autonomie"
    client.post(url, {"action": "service", "nom": "Autonomie", "adresse_postale": "1 rue",
                      "telephone": "04 68 00 00 00", "courriel": "a@example.fr"})  # fmt: skip
    service.refresh_from_db()
    assert service.nom == "Autonomie" and service.courriel == "a@example.fr"
    nouvel = UtilisateurFactory(username="instr-2", roles=[Role.INSTRUCTEUR])
    agent = comptes["agent"]
    r = client.post(url, {"action": "ajouter", "utilisateur": agent.pk})
    assert r.status_code == 400 and not service.instructeurs.filter(pk=agent.pk).exists()
    client.post(url, {"action": "ajouter", "utilisateur": nouvel.pk})
    assert service.instructeurs.filter(pk=nouvel.pk).exists()
    client.post(url, {"action": "retirer", "utilisateur": comptes["instructeur"].pk})
    assert list(service.instructeurs.values_list("username", flat=True)) == ["instr-2"]
    assert ServiceInstructeur.objects.count() == 2


def test_services_instructeurs_refuse_sans_role(utilisateur_avec_role):
    from sun.relation.catalogue.services_instructeurs import (
        InstructeurInvalide,
        ajouter_instructeur,
        retirer_instructeur,
    )

    service = ServiceFactory()
    agent = utilisateur_avec_role(Role.AGENT)
    with pytest.raises(InstructeurInvalide, match="rôle Instructeur"):
        ajouter_instructeur(service, agent)
    with pytest.raises(InstructeurInvalide, match="n'est pas instructeur"):
        retirer_instructeur(service, agent)
