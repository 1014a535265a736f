"""Free texts and their moderation, per role: the service's instructeurs, agents and
administrators read and moderate (who and when kept); instructeurs of another service see
nothing of them; pilotes read accepted texts only; médiateurs and the public nothing. Only
accepted texts are publishable (`verbatims_publiables`)."""

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from sun.comptes.roles import Role
from sun.qualite.models import Avis, Emplacement, Moderation
from sun.qualite.satisfaction.queries import verbatims_publiables
from tests.comptes.factories import UtilisateurFactory
from tests.relation.factories import DemarcheFactory, ServiceFactory

pytestmark = pytest.mark.django_db
TEXTES = reverse("espace:qualite_avis_textes")


def _texte(demarche, verbatim, moderation=Moderation.A_LIRE, **autres):
    return Avis.objects.create(
        recu_le=datetime(2024, 5, 2, 10, tzinfo=UTC), emplacement=Emplacement.DEMARCHE,
        demarche=demarche, service=demarche.service if demarche else None, satisfaction="medium",
        verbatim=verbatim, moderation=moderation, **autres,
    )  # fmt: skip


@pytest.fixture
def monde():
    autonomie = ServiceFactory(code="autonomie", nom="Autonomie")
    insertion = ServiceFactory(code="insertion", nom="Insertion")
    instructeur = UtilisateurFactory(username="instr-autonomie", roles=[Role.INSTRUCTEUR])
    autonomie.instructeurs.add(instructeur)
    etranger = UtilisateurFactory(username="instr-insertion", roles=[Role.INSTRUCTEUR])
    insertion.instructeurs.add(etranger)
    apa = DemarcheFactory(slug="apa", service=autonomie)
    rsa = DemarcheFactory(slug="rsa", service=insertion)
    return {
        "instructeur": instructeur, "etranger": etranger, "autonomie": autonomie,
        "apa": _texte(apa, "Texte APA à lire"), "rsa": _texte(rsa, "Texte RSA à lire"),
        "acceptee": _texte(apa, "Texte APA accepté", Moderation.ACCEPTE),
        "ecartee": _texte(apa, "Texte APA écarté", Moderation.ECARTE),
        "lieu": _texte(None, "Texte d'un lieu"),
        "demo": _texte(apa, "Texte de démonstration", Moderation.ACCEPTE, demonstration=True),
    }  # fmt: skip


def _lit(client, etat="") -> str:
    r = client.get(TEXTES + (f"?etat={etat}" if etat else ""))
    assert r.status_code == 200
    return r.content.decode()


def test_anonyme_et_mediateur(client, monde, utilisateur_avec_role):
    assert client.get(TEXTES).status_code == 302
    assert client.post(reverse("espace:qualite_avis_moderer", args=[monde["apa"].pk]),
                       {"decision": "accepte"}).status_code == 302  # fmt: skip
    client.force_login(utilisateur_avec_role(Role.MEDIATEUR))
    assert client.get(TEXTES).status_code == 403
    assert client.post(reverse("espace:qualite_avis_moderer", args=[monde["apa"].pk]),
                       {"decision": "accepte"}).status_code == 403  # fmt: skip
    assert Avis.objects.get(pk=monde["apa"].pk).moderation == Moderation.A_LIRE


def test_instructeur_du_service_lit_et_modere_les_siens(client, monde):
    client.force_login(monde["instructeur"])
    contenu = _lit(client)
    assert "Texte APA à lire" in contenu and "Texte RSA" not in contenu and "Texte d" not in contenu
    assert "Texte APA écarté" in _lit(client, "ecarte")
    r = client.post(
        reverse("espace:qualite_avis_moderer", args=[monde["apa"].pk]), {"decision": "accepte"}
    )
    assert r.status_code == 302
    apa = Avis.objects.get(pk=monde["apa"].pk)
    assert (apa.moderation, apa.modere_par) == (Moderation.ACCEPTE, monde["instructeur"])
    assert apa.modere_le is not None
    assert "Accepté par instr-autonomie" in _lit(client, "accepte")
    refus = client.post(
        reverse("espace:qualite_avis_moderer", args=[monde["rsa"].pk]), {"decision": "ecarte"}
    )
    assert refus.status_code == 403
    assert Avis.objects.get(pk=monde["rsa"].pk).moderation == Moderation.A_LIRE


def test_instructeur_d_un_autre_service(client, monde):
    client.force_login(monde["etranger"])
    contenu = _lit(client) + _lit(client, "accepte")
    assert "Texte RSA à lire" in contenu and "APA" not in contenu
    assert client.post(reverse("espace:qualite_avis_moderer", args=[monde["apa"].pk]),
                       {"decision": "ecarte"}).status_code == 403  # fmt: skip


def test_agent_et_administrateur_tous_les_services(client, monde, utilisateur_avec_role):
    for role in (Role.AGENT, Role.ADMINISTRATEUR):
        client.force_login(utilisateur_avec_role(role))
        contenu = _lit(client)
        assert (
            "Texte APA à lire" in contenu
            and "Texte RSA à lire" in contenu
            and "Texte d&#x27;un lieu" in contenu
        )
    r = client.post(
        reverse("espace:qualite_avis_moderer", args=[monde["lieu"].pk]), {"decision": "ecarte"}
    )
    assert (
        r.status_code == 302
        and Avis.objects.get(pk=monde["lieu"].pk).moderation == Moderation.ECARTE
    )
    forge = client.post(
        reverse("espace:qualite_avis_moderer", args=[monde["rsa"].pk]), {"decision": "publier"}
    )
    assert (
        forge.status_code == 302
        and Avis.objects.get(pk=monde["rsa"].pk).moderation == Moderation.A_LIRE
    )


def test_pilote_lit_les_resultats_et_les_textes_acceptes_seulement(
    client, monde, utilisateur_avec_role
):
    client.force_login(utilisateur_avec_role(Role.PILOTE))
    contenu = _lit(client, "a_lire")  # asked for the texts to moderate: given the accepted ones
    assert "Texte APA accepté" in contenu
    assert "à lire" not in contenu and "écarté" not in contenu and "Accepter" not in contenu
    assert client.post(reverse("espace:qualite_avis_moderer", args=[monde["acceptee"].pk]),
                       {"decision": "ecarte"}).status_code == 403  # fmt: skip
    assert client.get(reverse("espace:qualite_avis")).status_code == 200


def test_seuls_les_textes_acceptes_sont_publiables(monde):
    assert [t for _, t in verbatims_publiables(monde["autonomie"])] == ["Texte APA accepté"]
    assert verbatims_publiables(monde["autonomie"].pk)[0][0] == datetime(2024, 5, 2, 10, tzinfo=UTC)
