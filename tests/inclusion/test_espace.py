"""Agent space for the register: permissions per role, edit, history, close/reopen, upload."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from sun.comptes.roles import Role
from sun.inclusion.demo.lieux import creer_lieux_demo, lignes_demo
from sun.inclusion.lieux.services import importer_lieux
from sun.inclusion.models import Lieu, Structure
from tests.inclusion.outils import DONNEES, ecrire_csv, lieu_v1
from tests.outils import texte

pytestmark = pytest.mark.django_db


@pytest.fixture
def lieux(tmp_path):
    lignes = [
        lieu_v1(),
        lieu_v1(
            id="2",
            nom="EPN de Lézignan",
            pivot="W111000001",
            adresse="10 avenue des Corbières",
            telephone="0468270099",
            latitude="43.2040",
            longitude="2.7610",
        ),
    ]
    importer_lieux(ecrire_csv(tmp_path / "l.csv", lignes), "Hub test")
    return Lieu.objects.get(nom="Médiathèque de Lézignan"), Lieu.objects.get(nom="EPN de Lézignan")


def _formulaire(lieu: Lieu, **modifs) -> dict:
    donnees = {
        "nom": lieu.nom, "pivot": lieu.pivot, "adresse": lieu.adresse, "code_postal": lieu.code_postal,
        "commune": lieu.commune, "code_insee": lieu.code_insee, "latitude": lieu.latitude,
        "longitude": lieu.longitude, "telephone": lieu.telephone, "horaires": lieu.horaires,
        "courriels": "\n".join(lieu.courriels), "services": lieu.services, "frais_a_charge": lieu.frais_a_charge,
        "typologie": lieu.typologie, "modalites_acces": lieu.modalites_acces,
        "modalites_accompagnement": lieu.modalites_accompagnement,
    }  # fmt: skip
    donnees.update(modifs)
    return {k: v for k, v in donnees.items() if v is not None}


def test_anonyme_redirige(client, lieux):
    for url in ("/espace/lieux/", f"/espace/lieux/{lieux[0].pk}/", "/espace/lieux/importer/"):
        assert client.get(url).status_code == 302


@pytest.mark.parametrize(
    ("role", "modifier_tout", "importer"),
    [
        (Role.AGENT, True, True),
        (Role.ADMINISTRATEUR, True, True),
        (Role.PILOTE, False, False),
        (Role.MEDIATEUR, False, False),
    ],
)
def test_droits_par_role(client, utilisateur_avec_role, lieux, role, modifier_tout, importer):
    client.force_login(utilisateur_avec_role(role))
    lieu = lieux[0]
    assert client.get("/espace/lieux/").status_code == 200
    assert client.get(f"/espace/lieux/{lieu.pk}/").status_code == 200
    assert (client.get(f"/espace/lieux/{lieu.pk}/modifier/").status_code == 200) is modifier_tout
    assert (client.post(f"/espace/lieux/{lieu.pk}/statut/").status_code == 302) is modifier_tout
    assert (client.get("/espace/lieux/importer/").status_code == 200) is importer
    assert (client.get("/espace/lieux/nouveau/").status_code == 200) is modifier_tout


def test_mediateur_modifie_seulement_les_lieux_de_sa_structure(
    client, utilisateur_avec_role, lieux
):
    mediateur = utilisateur_avec_role(Role.MEDIATEUR)
    Structure.objects.get(pivot="W111000001").membres.add(mediateur)
    client.force_login(mediateur)
    mien, autre = lieux[1], lieux[0]
    assert client.get(f"/espace/lieux/{mien.pk}/modifier/").status_code == 200
    assert client.get(f"/espace/lieux/{autre.pk}/modifier/").status_code == 403
    assert (
        client.post(
            f"/espace/lieux/{autre.pk}/modifier/", _formulaire(autre, nom="Piraté")
        ).status_code
        == 403
    )
    autre.refresh_from_db()
    assert autre.nom == "Médiathèque de Lézignan"
    reponse = client.post(
        f"/espace/lieux/{mien.pk}/modifier/", _formulaire(mien, telephone="0468270001")
    )
    assert reponse.status_code == 302
    mien.refresh_from_db()
    assert mien.telephone == "+33468270001"


def test_modification_historisee_et_date_maj(client, utilisateur_avec_role, lieux):
    client.force_login(utilisateur_avec_role(Role.AGENT))
    lieu = lieux[0]
    ancienne_date = lieu.date_maj
    client.post(f"/espace/lieux/{lieu.pk}/modifier/", _formulaire(lieu))  # nothing changed
    lieu.refresh_from_db()
    assert lieu.date_maj == ancienne_date
    client.post(
        f"/espace/lieux/{lieu.pk}/modifier/", _formulaire(lieu, horaires="Mo-Fr 10:00-12:00")
    )
    lieu.refresh_from_db()
    assert lieu.horaires == "Mo-Fr 10:00-12:00" and lieu.date_maj > ancienne_date
    page = texte(client.get(f"/espace/lieux/{lieu.pk}/"))
    assert "horaires : « Tu-Fr 14:00-18:00; Sa 09:00-12:00 » → « Mo-Fr 10:00-12:00 »" in page
    assert "par test-agent" in page
    assert "On vous aide à faire vos démarches en ligne" in page


def test_erreurs_de_saisie_en_francais_sans_rien_perdre(client, utilisateur_avec_role, lieux):
    client.force_login(utilisateur_avec_role(Role.AGENT))
    lieu = lieux[0]
    reponse = client.post(
        f"/espace/lieux/{lieu.pk}/modifier/",
        _formulaire(
            lieu,
            nom="Nouveau nom",
            horaires="le matin",
            telephone="12",
            courriels="pas-une-adresse",
        ),
    )
    page = texte(reponse)
    assert reponse.status_code == 200
    assert "Rien n'a été enregistré" in page
    assert "Horaires illisibles" in page and "Numéro de téléphone invalide" in page
    assert 'value="Nouveau nom"' in page  # what the agent typed is kept
    lieu.refresh_from_db()
    assert lieu.nom == "Médiathèque de Lézignan"


def test_fermer_et_rouvrir_en_une_action(client, utilisateur_avec_role, lieux):
    client.force_login(utilisateur_avec_role(Role.AGENT))
    lieu = lieux[0]
    client.post(f"/espace/lieux/{lieu.pk}/statut/", {"commentaire": "Travaux"})
    lieu.refresh_from_db()
    assert lieu.statut == Lieu.Statut.FERME
    client.post(f"/espace/lieux/{lieu.pk}/statut/")
    lieu.refresh_from_db()
    assert lieu.statut == Lieu.Statut.ACTIF
    assert [h.action for h in lieu.historique.all()[:2]] == ["reouverture", "fermeture"]


def test_creer_un_lieu(client, utilisateur_avec_role):
    client.force_login(utilisateur_avec_role(Role.AGENT))
    reponse = client.post("/espace/lieux/nouveau/", {
        "nom": "Point numérique de Bram", "adresse": "1 place de la mairie", "commune": "Bram", "code_postal": "11150",
        "services": ["Aide aux démarches administratives"], "frais_a_charge": ["Gratuit"],
    })  # fmt: skip
    assert reponse.status_code == 302
    lieu = Lieu.objects.get(nom="Point numérique de Bram")
    assert lieu.code_insee == "11049" and lieu.precision_localisation == "commune"
    assert lieu.historique.first().action == "creation"


def test_import_par_televersement_essai_puis_reel(client, utilisateur_avec_role, tmp_path):
    client.force_login(utilisateur_avec_role(Role.AGENT))
    contenu = ecrire_csv(
        tmp_path / "u.csv", [lieu_v1(id="u1"), lieu_v1(id="u2", nom="")]
    ).read_bytes()
    reponse = client.post("/espace/lieux/importer/", {
        "fichier": SimpleUploadedFile("hub.csv", contenu, content_type="text/csv"), "source": "Hub", "essai": "on",
    })  # fmt: skip
    page = texte(reponse)
    assert "Résultat de l'essai à blanc" in page and "Nouveaux : 1 ;" in page
    assert "nom du lieu absent" in page
    assert not Lieu.objects.filter(sources__source="Hub").exists()
    client.post(
        "/espace/lieux/importer/",
        {"fichier": SimpleUploadedFile("hub.csv", contenu), "source": "Hub"},
    )
    assert Lieu.objects.filter(sources__source="Hub").count() == 1


def test_import_fichier_incomprehensible(client, utilisateur_avec_role):
    client.force_login(utilisateur_avec_role(Role.AGENT))
    reponse = client.post("/espace/lieux/importer/", {
        "fichier": SimpleUploadedFile("x.csv", b"a;b\n1;2\n"), "source": "X",
    })  # fmt: skip
    assert "Colonnes non reconnues" in texte(reponse) and "Rien n'a été enregistré" in texte(
        reponse
    )


def test_import_avec_correspondance_televersee(client, utilisateur_avec_role):
    client.force_login(utilisateur_avec_role(Role.ADMINISTRATEUR))
    mapping = Path("src/sun/inclusion/mappings/aix-en-provence.yaml").read_bytes()
    reponse = client.post("/espace/lieux/importer/", {
        "fichier": SimpleUploadedFile("aix.json", (DONNEES / "mednum-cli_input_aix-en-provence.json").read_bytes()),
        "correspondance": SimpleUploadedFile("aix.yaml", mapping),
    })  # fmt: skip
    assert "Nouveaux : 38 ;" in texte(reponse)


def test_demonstration_deterministe_et_marquee():
    assert lignes_demo("11") == lignes_demo("11")
    nombre = creer_lieux_demo("11")
    assert nombre > 50
    assert creer_lieux_demo("11") == nombre
    lieux = Lieu.objects.filter(demonstration=True)
    assert all(
        "(démonstration)" in l.nom and l.source == "démonstration" and not l.telephone
        for l in lieux
    )
    assert all(l.latitude is not None for l in lieux)
