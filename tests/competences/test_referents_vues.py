"""The directory of digital referents: reading (every member of staff), editing (the training
service, the IT service, administrators), bad inputs, deactivation, CSV and indicators."""

import csv
import io

import pytest
from django.urls import reverse

from sun.competences.models import Personne, Referent
from sun.competences.referents import exports
from sun.comptes.roles import ESPACE, Role
from sun.core.indicators import Niveau, obtenir
from tests.competences.factories import DirectionFactory, PersonneFactory, ReferentFactory

pytestmark = pytest.mark.django_db
ANNUAIRE = reverse("espace:competences_referents")
CSV = reverse("espace:competences_referents_csv")
AJOUTER = reverse("espace:competences_referents_ajouter")
REDACTEURS = (Role.FORMATION, Role.INFORMATIQUE, Role.ADMINISTRATEUR)


@pytest.fixture
def referent():
    d = DirectionFactory(code="education", nom="Direction de l'éducation", sigle="DEC")
    return ReferentFactory(direction=d, personne=PersonneFactory(direction=d, nom="Lefèvre"),
                           perimetre="Collèges du Lauragais", telephone="04 68 11 22 33")  # fmt: skip


@pytest.mark.parametrize("role", ESPACE)
def test_annuaire_et_csv_pour_tout_le_personnel(client, utilisateur_avec_role, referent, role):
    client.force_login(utilisateur_avec_role(role))
    r = client.get(ANNUAIRE)
    assert r.status_code == 200
    texte = r.content.decode()
    assert "Lefèvre" in texte and "Collèges du Lauragais" in texte and "Source" in texte
    assert ("Gérer l'annuaire" in texte) == (role in REDACTEURS)
    assert client.get(CSV).status_code == 200


@pytest.mark.parametrize("url", [ANNUAIRE, CSV, AJOUTER])
def test_anonyme_redirige(client, url):
    r = client.get(url)
    assert r.status_code == 302 and r["Location"].startswith("/se-connecter/")


def test_recherche_sans_accents(client, utilisateur_avec_role, referent):
    DirectionFactory(nom="Direction des routes")
    client.force_login(utilisateur_avec_role(Role.AGENT))
    texte = client.get(ANNUAIRE, {"q": "EDUCATION imprimantes"}).content.decode()
    assert "Lefèvre" in texte and "Direction des routes" not in texte
    texte = client.get(ANNUAIRE, {"q": "lefevre"}).content.decode()
    assert "Lefèvre" in texte


@pytest.mark.parametrize("role", [Role.AGENT, Role.PILOTE, Role.MEDIATEUR, Role.INSTRUCTEUR])
def test_edition_refusee(client, utilisateur_avec_role, referent, role):
    client.force_login(utilisateur_avec_role(role))
    modifier = reverse("espace:competences_referents_modifier", args=[referent.pk])
    desactiver = reverse("espace:competences_referents_desactiver", args=[referent.pk])
    assert client.get(AJOUTER).status_code == 403
    assert (
        client.post(
            AJOUTER,
            {
                "direction": referent.direction_id,
                "nom": "X",
                "perimetre": "P",
                "courriel": "x@example.org",
            },
        ).status_code
        == 403
    )
    assert client.get(modifier).status_code == 403
    assert client.post(desactiver).status_code == 403
    assert Referent.objects.get().actif and Referent.objects.count() == 1


@pytest.mark.parametrize("role", REDACTEURS)
def test_ajouter_modifier_desactiver(client, utilisateur_avec_role, referent, role):
    client.force_login(utilisateur_avec_role(role))
    assert client.get(AJOUTER).status_code == 200
    d = referent.direction
    r = client.post(AJOUTER, {"direction": d.pk, "nom": "Martin", "prenom": "Alix",
                              "perimetre": "Sites extérieurs", "courriel": "alix@example.org",
                              "questions": "Messagerie\nVisio"})  # fmt: skip
    assert r.status_code == 302
    nouveau = Referent.objects.get(personne__nom="Martin")
    assert nouveau.personne.direction == d and nouveau.actif
    assert "<h3>Alix Martin</h3>" in client.get(ANNUAIRE).content.decode()
    modifier = reverse("espace:competences_referents_modifier", args=[nouveau.pk])
    assert client.get(modifier).status_code == 200
    r = client.post(modifier, {"perimetre": "Tous les sites", "courriel": "alix@example.org"})
    assert r.status_code == 302
    nouveau.refresh_from_db()
    assert nouveau.perimetre == "Tous les sites"
    desactiver = reverse("espace:competences_referents_desactiver", args=[nouveau.pk])
    assert client.get(desactiver).status_code == 405
    assert client.post(desactiver).status_code == 302
    nouveau.refresh_from_db()
    assert not nouveau.actif
    assert "<h3>Alix Martin</h3>" not in client.get(ANNUAIRE).content.decode()
    assert "Martin" not in client.get(CSV).content.decode("utf-8-sig")
    # Deactivating twice: a French message, nothing changed.
    r = client.post(desactiver, follow=True)
    assert "déjà désactivé" in r.content.decode()


def test_mauvaises_saisies_400_rien_ecrit(client, utilisateur_avec_role, referent):
    client.force_login(utilisateur_avec_role(Role.FORMATION))
    d, p = referent.direction, referent.personne
    personnes = Personne.objects.count()
    cas = [
        ({"direction": d.pk, "personne": p.pk, "perimetre": "Tout", "courriel": "a@example.org"},
         "déjà référent"),
        ({"direction": d.pk, "nom": p.nom, "prenom": p.prenom, "perimetre": "Tout",
          "courriel": "a@example.org"}, "existe déjà dans cette direction"),
        ({"direction": d.pk, "nom": "Sans courriel", "perimetre": "Tout", "courriel": ""},
         "adresse électronique de contact est obligatoire"),
        ({"direction": d.pk, "nom": "Mauvais", "perimetre": "Tout", "courriel": "pas-une-adresse"},
         "pas valide"),
        ({"direction": "", "nom": "Sans direction", "perimetre": "Tout",
          "courriel": "a@example.org"}, "Choisissez la direction"),
        ({"direction": d.pk, "nom": "Sans périmètre", "perimetre": "",
          "courriel": "a@example.org"}, "périmètre"),
        ({"direction": DirectionFactory().pk, "personne": p.pk, "perimetre": "Tout",
          "courriel": "a@example.org"}, "pas de la direction"),
    ]  # fmt: skip
    for saisie, message in cas:
        r = client.post(AJOUTER, saisie)
        texte = r.content.decode().replace("&#x27;", "'")
        assert r.status_code == 400 and message in texte, message
        if saisie.get("nom"):
            assert f'value="{saisie["nom"]}"' in texte  # what was typed is kept
    assert Referent.objects.count() == 1 and Personne.objects.count() == personnes
    modifier = reverse("espace:competences_referents_modifier", args=[referent.pk])
    r = client.post(modifier, {"perimetre": "Nouveau", "courriel": ""})
    assert r.status_code == 400 and "obligatoire" in r.content.decode()
    referent.refresh_from_db()
    assert referent.perimetre == "Collèges du Lauragais"
    assert client.get(reverse("espace:competences_referents_modifier",
                              args=[referent.pk + 99])).status_code == 404  # fmt: skip


def test_reactivation_d_un_referent_desactive(client, utilisateur_avec_role, referent):
    referent.actif = False
    referent.save()
    client.force_login(utilisateur_avec_role(Role.INFORMATIQUE))
    r = client.post(AJOUTER, {"direction": referent.direction_id, "personne": referent.personne_id,
                              "perimetre": "Retour", "courriel": "retour@example.org"})  # fmt: skip
    assert r.status_code == 302
    referent.refresh_from_db()
    assert referent.actif and referent.perimetre == "Retour" and Referent.objects.count() == 1


def test_csv_colonnes(client, utilisateur_avec_role, referent):
    client.force_login(utilisateur_avec_role(Role.AGENT))
    r = client.get(CSV)
    assert r["Content-Type"].startswith("text/csv")
    lignes = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig")), delimiter=";"))
    assert lignes[0] == exports.COLONNES
    assert "Prénom" in lignes[0] and "Adresse électronique" in lignes[0]
    assert lignes[1][0] == "Direction de l'éducation" and lignes[1][3] == "Lefèvre"
    assert lignes[1][7] == "Messagerie ; Imprimantes ; Accès aux applications"


def test_csv_neutralise_les_formules(client, utilisateur_avec_role, referent):
    referent.perimetre = "=HYPERLINK(1)"
    referent.save()
    client.force_login(utilisateur_avec_role(Role.AGENT))
    assert "\n=HYPERLINK" not in client.get(CSV).content.decode("utf-8-sig")
    assert ";=HYPERLINK" not in client.get(CSV).content.decode("utf-8-sig")


def test_indicateurs(referent):
    d2 = DirectionFactory(code="routes")
    DirectionFactory(code="culture")
    ReferentFactory(direction=d2)
    ReferentFactory(direction=d2, actif=False)
    demo = DirectionFactory(code="demo-x", demonstration=True)
    ReferentFactory(direction=demo)
    v = obtenir("competences.referents").calculer(Niveau.DEPARTEMENT, "departement")
    assert v.valeur == 2 and "démonstration" in v.note and v.source and v.date
    assert obtenir("competences.referents").calculer(Niveau.DIRECTION, "routes").valeur == 1
    assert obtenir("competences.referents").calculer(Niveau.DIRECTION, "demo-x").valeur == 0
    v = obtenir("competences.directions_avec_referent").calculer(Niveau.DEPARTEMENT,
                                                                 "departement")  # fmt: skip
    # education and routes of 3 real directions (the demonstration one left out).
    assert v.valeur == 66.7 and "2 direction(s) sur 3" in v.note


def test_indicateur_sans_direction():
    v = obtenir("competences.directions_avec_referent").calculer(Niveau.DEPARTEMENT,
                                                                 "departement")  # fmt: skip
    assert v.valeur is None and v.note
