"""Difficulties reported by communes, in the agent space: every role on every page, the
object-level checks (another commune's case is a 404), the forms from a mayor's report to its
resolution, the counts and the CSV export."""

import csv
import io

import pytest
from django.urls import reverse

from sun.comptes.roles import Role
from sun.connectivite.models import EvenementSignalement, Signalement, Statut
from tests.comptes.factories import UtilisateurFactory
from tests.connectivite.test_difficultes_services import (
    ARAGON,
    CARCASSONNE,
    agent,
    cas,
    compte_commune,
)

pytestmark = pytest.mark.django_db

LISTE = "espace:connectivite_difficultes"
CSV = "espace:connectivite_difficultes_csv"
NOUVELLE = "espace:connectivite_difficulte_nouvelle"
CAS = "espace:connectivite_difficulte"


@pytest.fixture
def monde():
    comptes = {
        "sans_role": UtilisateurFactory(username="v-sans-role"),
        "agent": agent("v-agent"),
        "mediateur": agent("v-mediateur", Role.MEDIATEUR),
        "pilote": agent("v-pilote", Role.PILOTE),
        "instructeur": agent("v-instructeur", Role.INSTRUCTEUR),
        "administrateur": agent("v-admin", Role.ADMINISTRATEUR),
        "commune": compte_commune("v-maire"),
        "autre_commune": compte_commune("v-maire-carcassonne", CARCASSONNE),
        "partenaire": agent("v-syndicat", Role.PARTENAIRE),
    }
    return {"comptes": comptes, "cas": cas(comptes["commune"])}


L = "connexion"
ATTENDU = {
    # identity: (list and CSV, new, the commune's case)
    "anonyme": (L, L, L),
    "sans_role": (403, 403, 403),
    "mediateur": (403, 403, 403),
    "pilote": (403, 403, 403),
    "instructeur": (403, 403, 403),
    "agent": (200, 200, 200),
    "administrateur": (200, 200, 200),
    "commune": (200, 200, 200),
    "autre_commune": (200, 200, 404),
    "partenaire": (200, 403, 200),
}


@pytest.mark.parametrize("identite", list(ATTENDU))
def test_qui_ouvre_quoi(client, monde, identite):
    if identite != "anonyme":
        client.force_login(monde["comptes"][identite])
    adresses = [reverse(LISTE), reverse(CSV), reverse(NOUVELLE),
                reverse(CAS, kwargs={"pk": monde["cas"].pk})]  # fmt: skip
    attendus = [ATTENDU[identite][0], *ATTENDU[identite]]
    for adresse, attendu in zip(adresses, attendus, strict=True):
        reponse = client.get(adresse)
        if attendu == L:
            assert reponse.status_code == 302 and "/se-connecter/" in reponse["Location"], adresse
        else:
            assert reponse.status_code == attendu, (identite, adresse)


def test_la_commune_ne_voit_que_ses_cas(client, monde):
    cas(monde["comptes"]["autre_commune"], CARCASSONNE, adresse="Rue de Carcassonne secrète")
    client.force_login(monde["comptes"]["commune"])
    page = client.get(reverse(LISTE)).content.decode()
    assert "Chemin de la Garrigue" in page and "secrète" not in page
    export = client.get(reverse(CSV)).content.decode("utf-8-sig")
    assert "Garrigue" in export and "secrète" not in export
    # Filtering on another commune's code shows nothing of it.
    page = client.get(reverse(LISTE), {"commune": CARCASSONNE}).content.decode()
    assert "secrète" not in page


def test_signalement_depuis_le_formulaire_commune_fixee(client, monde):
    maire = monde["comptes"]["commune"]
    client.force_login(maire)
    page = client.get(reverse(NOUVELLE)).content.decode()
    assert "Aragon" in page and 'name="commune"' not in page
    donnees = {"commune": "999999", "categorie": "elagage", "adresse": "Route de Fraisse",
               "nombre_locaux": "2", "description": "Arbres sur le câble, tel 0612345678."}  # fmt: skip
    reponse = client.post(reverse(NOUVELLE), donnees)
    s = Signalement.objects.latest("cree_le")
    assert reponse.status_code == 302 and reponse["Location"] == reverse(CAS, kwargs={"pk": s.pk})
    assert s.commune.code_insee == ARAGON and "0612345678" not in s.description


def test_agent_choisit_la_commune_et_erreurs_sans_ecriture(client, monde):
    client.force_login(monde["comptes"]["agent"])
    avant = Signalement.objects.count()
    reponse = client.post(reverse(NOUVELLE), {"categorie": "elagage", "adresse": "x",
                                              "nombre_locaux": "1", "description": "y"})  # fmt: skip
    assert reponse.status_code == 400 and "rien n&#x27;a été enregistré" in reponse.content.decode()
    assert Signalement.objects.count() == avant
    from tests.territoire.factories import commune

    reponse = client.post(reverse(NOUVELLE), {
        "commune": commune(CARCASSONNE).pk, "categorie": "adresse_manquante",
        "adresse": "Lotissement Les Amandiers", "nombre_locaux": "12", "description": "BAN",
    })  # fmt: skip
    assert reponse.status_code == 302
    assert Signalement.objects.latest("cree_le").commune.code_insee == CARCASSONNE


def _action(client, pk, action, **champs):
    donnees = {"action": action, **{f"{action}-{k}": v for k, v in champs.items()}}
    return client.post(reverse(CAS, kwargs={"pk": pk}), donnees)


def test_parcours_complet_par_les_pages(client, monde):
    pk = monde["cas"].pk
    client.force_login(monde["comptes"]["agent"])
    assert _action(client, pk, "statut", vers="transmis_operateur", operateur="Orange",
                   commentaire="Transmis").status_code == 302  # fmt: skip
    client.force_login(monde["comptes"]["commune"])
    assert _action(client, pk, "commentaire", commentaire="Merci !").status_code == 302
    client.force_login(monde["comptes"]["partenaire"])
    assert _action(client, pk, "statut", vers="en_cours", commentaire="").status_code == 302
    assert _action(client, pk, "statut", vers="resolu",
                   commentaire="Raccordé le 12/03.").status_code == 302  # fmt: skip
    client.force_login(monde["comptes"]["commune"])
    page = client.get(reverse(CAS, kwargs={"pk": pk})).content.decode()
    for texte in ("Résolu", "Transmis à l&#x27;opérateur", "Merci !", "Raccordé le 12/03.",
                  "Orange"):  # fmt: skip
        assert texte in page
    assert 'name="statut-vers"' not in page  # the commune never processes
    assert list(EvenementSignalement.objects.filter(signalement_id=pk)
                .values_list("statut", flat=True)) == [
        "nouveau", "transmis_operateur", "transmis_operateur", "en_cours", "resolu"]  # fmt: skip


def test_la_commune_ne_change_pas_le_statut_mais_retire(client, monde):
    pk = monde["cas"].pk
    client.force_login(monde["comptes"]["commune"])
    assert _action(client, pk, "statut", vers="en_cours", commentaire="").status_code == 403
    assert Signalement.objects.get(pk=pk).statut == Statut.NOUVEAU
    assert _action(client, pk, "retrait", commentaire="Réglé").status_code == 302
    assert Signalement.objects.get(pk=pk).statut == Statut.SANS_SUITE


def test_autre_commune_404_meme_en_post(client, monde):
    pk = monde["cas"].pk
    client.force_login(monde["comptes"]["autre_commune"])
    assert _action(client, pk, "commentaire", commentaire="Je regarde").status_code == 404
    assert _action(client, pk, "retrait").status_code == 404
    assert EvenementSignalement.objects.filter(signalement_id=pk).count() == 1


def test_transition_interdite_message_en_francais(client, monde):
    pk = monde["cas"].pk
    client.force_login(monde["comptes"]["agent"])
    reponse = _action(client, pk, "statut", vers="resolu", commentaire="Fini")
    assert reponse.status_code == 400  # « résolu » is not offered from « nouveau »
    assert "rien n&#x27;a été enregistré" in reponse.content.decode()
    assert Signalement.objects.get(pk=pk).statut == Statut.NOUVEAU
    reponse = _action(client, pk, "inconnue")
    assert reponse.status_code == 400 and "Action inconnue" in reponse.content.decode()


def test_comptes_par_commune_et_csv(client, monde):
    cas(monde["comptes"]["autre_commune"], CARCASSONNE, categorie="elagage")
    cas(monde["comptes"]["agent"], CARCASSONNE, categorie="elagage")
    client.force_login(monde["comptes"]["partenaire"])
    page = client.get(reverse(LISTE)).content.decode()
    assert "Nombre de signalements par commune et par type" in page and "Élagage non fait" in page
    reponse = client.get(reverse(CSV), {"categorie": "elagage"})
    assert reponse["Content-Type"].startswith("text/csv")
    lignes = list(csv.reader(io.StringIO(reponse.content.decode("utf-8-sig")), delimiter=";"))
    assert lignes[0][:3] == ["numero", "code_insee", "commune"]
    assert [ligne[1] for ligne in lignes[1:]] == [CARCASSONNE, CARCASSONNE]
    assert all("v-" not in cellule for ligne in lignes for cellule in ligne)  # no account names


def test_compte_commune_sans_rattachement(client):
    client.force_login(UtilisateurFactory(username="v-orphelin", roles=[Role.COMMUNE]))
    assert client.get(reverse(LISTE)).status_code == 200
    assert client.get(reverse(NOUVELLE)).status_code == 403
