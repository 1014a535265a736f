"""Hostile input never makes a server error: nasty values (NUL, very long text, non-numeric
identifiers, numbers too large for the database, unicode oddities, paths, SQL and HTML
snippets) in every GET parameter of the public pages, in every public form, and in the
identifiers and choices posted to the forms of the agent space. Wrong input gets a 4xx page
or a form error in French, never a 500."""

import time

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse

from sun.inclusion.lieux.recherche import FILTRES
from sun.inclusion.models import PaireDoublon, SignalementErreur
from sun.web.forms.signalement import SEL_HORODATAGE
from tests.outils import texte
from tests.securite.adresses import ADMIN, adresses, construire_monde

pytestmark = pytest.mark.django_db

HOSTILES = [
    "\x00",
    "a\x00b",
    "x" * 10_000,
    "abc",
    "-1",
    "0",
    "1e309",
    "NaN",
    "99999999999999999999",
    "../../../../etc/passwd",
    "..%2F..%2Fetc%2Fpasswd",
    "' OR '1'='1' --",
    "1; DROP TABLE inclusion_lieu;",
    '<script>alert("x")</script>',
    '"><img src=x onerror=alert(1)>',
    "\u202eevil\u202c",
    "\ufeff𝕏𝖔𝖚 🏳️‍🌈 e\u0301" * 50,
    " ",
    "",
]
# The values that break a lookup by identifier, for the many forms of the agent space.
IDENTIFIANTS_HOSTILES = [
    "\x00", "x" * 10_000, "abc", "-1", "1e309", "99999999999999999999", "../../etc/passwd",
    "' OR '1'='1' --",
]  # fmt: skip
# Every parameter a public page reads from its address (read from the views).
PARAMETRES_PUBLICS = [
    "q", "page", "partout", "ou", "lat", "lon", "rayon", "jour", "ouvert", "format", "annee",
    *FILTRES,
]  # fmt: skip
# Identifiers and choices the agent space's forms post (hidden fields, buttons, choices).
CHAMPS_ESPACE = [
    "quoi", "decision", "lot", "paire", "signalement", "statut", "etape", "date", "source",
    "score_min", "jeton", "genre", "lieu", "lieux", "debut", "fin", "pilotes", "mediateur",
    "commune", "services", "besoins", "niveau", "resultat", "objectif", "texte", "employeur",
    "structure", "priorite", "type", "duree", "thematiques",
]  # fmt: skip


@pytest.fixture
def monde():
    return construire_monde()


def _client(compte=None) -> Client:
    client = Client(raise_request_exception=False)
    if compte is not None:
        client.force_login(compte)
    return client


def _url(adresse, monde) -> str:
    return reverse(adresse.nom, kwargs=monde["parametres"].get(adresse.nom, {}))


def _publiques():
    return [a for a in adresses() if not a.nom.startswith(("espace:", "admin:"))]


def _refus_serveur(reponses) -> list[str]:
    return [f"{quoi} → {r.status_code}" for quoi, r in reponses if r.status_code >= 500]


def test_parametres_hostiles_sur_les_pages_publiques(monde):
    client = _client()
    reponses = []
    for adresse in _publiques():
        url = _url(adresse, monde)
        for valeur in HOSTILES:
            donnees = {nom: valeur for nom in PARAMETRES_PUBLICS}
            reponses.append((f"GET {url} ({valeur[:20]!r})", client.get(url, donnees)))
    assert _refus_serveur(reponses) == []


@pytest.mark.parametrize("page", ["trouver", "recherche_communes"])
def test_chaque_parametre_de_recherche_seul(monde, page):
    """One hostile parameter at a time, the others absent: each reaches its own check."""
    client = _client()
    url = reverse(page)
    reponses = [
        (f"GET {url}?{nom}={valeur[:20]!r}", client.get(url, {nom: valeur}))
        for nom in PARAMETRES_PUBLICS
        for valeur in HOSTILES
    ]
    reponses += [(f"GET {url}?ou=Carcassonne&{nom}", client.get(url, {"ou": "Carcassonne", nom: v}))
                 for nom in PARAMETRES_PUBLICS for v in ("abc", "\x00", "99999999999999999999")]  # fmt: skip
    assert _refus_serveur(reponses) == []


def _signalement_valide() -> dict:
    """A report form as a person sends it a minute after opening the page."""
    return {
        "sujet": SignalementErreur.Sujet.HORAIRES,
        "message": "Le lieu est fermé le mardi désormais.",
        "courriel": "",
        "site_internet": "",
        "horodatage": signing.dumps(int(time.time()) - 60, salt=SEL_HORODATAGE),
    }


def test_formulaire_de_signalement_champ_par_champ(monde):
    url = reverse("lieu_public", args=[monde["lieu"].pk])
    reponses = []
    for champ in [*_signalement_valide(), "lieu", "id", "pk"]:
        for valeur in HOSTILES:
            client = _client()  # a fresh address: the limit per address is not the subject
            donnees = {**_signalement_valide(), champ: valeur}
            reponses.append((f"POST {url} {champ}={valeur[:20]!r}", client.post(url, donnees)))
    assert _refus_serveur(reponses) == []
    assert all(r.status_code in (302, 400) for _, r in reponses)


def test_formulaire_de_signalement_sujet_inconnu_dit_quoi_faire(monde):
    url = reverse("lieu_public", args=[monde["lieu"].pk])
    reponse = _client().post(url, {**_signalement_valide(), "sujet": "12abc"})
    assert reponse.status_code == 400
    assert "Sélectionnez un choix valide" in texte(reponse)


def test_connexion_avec_des_valeurs_hostiles(monde):
    url = reverse("connexion")
    reponses = [
        (f"POST {url} {champ}={valeur[:20]!r}", _client().post(url, {"username": "x", "password": "y", champ: valeur}))
        for champ in ("username", "password", "next")
        for valeur in HOSTILES
    ]  # fmt: skip
    assert _refus_serveur(reponses) == []


def test_tout_formulaire_public_recoit_des_valeurs_hostiles(monde):
    """Every public address, posted every field name with each hostile value."""
    client = _client()
    champs = [*PARAMETRES_PUBLICS, *_signalement_valide(), "username", "password"]
    reponses = [
        (f"POST {_url(a, monde)} ({v[:20]!r})", client.post(_url(a, monde), dict.fromkeys(champs, v)))
        for a in _publiques()
        for v in HOSTILES
    ]  # fmt: skip
    assert _refus_serveur(reponses) == []


def test_identifiants_hostiles_dans_les_formulaires_de_l_espace(monde):
    """Every address of the agent space, as an administrator (who reaches every form), posted
    hostile values in its identifiers and choices: all of them at once, then one at a time
    on the forms that read them."""
    client = _client(monde["comptes"][ADMIN])
    reponses = []
    for adresse in adresses():
        if not adresse.nom.startswith("espace:"):
            continue
        url = _url(adresse, monde)
        for valeur in IDENTIFIANTS_HOSTILES:
            donnees = dict.fromkeys(CHAMPS_ESPACE, valeur)
            reponses.append((f"POST {url} ({valeur[:20]!r})", client.post(url, donnees)))
    # (url name, what the form sends besides, the fields it reads)
    cibles = [
        ("espace:doublons", {"decision": "fusionner"}, ["paire", "lot", "source", "score_min"]),
        ("espace:doublons", {"decision": "distincts", "lot": "oui"}, ["source", "score_min"]),
        ("espace:signalements", {"statut": "traite"}, ["signalement"]),
        ("espace:signalements", {}, ["statut"]),
        ("espace:pilotage_action", {"quoi": "etape"}, ["etape"]),
        ("espace:pilotage_action", {"quoi": "note"}, ["date", "texte"]),
        ("espace:pilotage_action", {}, ["statut", "priorite", "pilotes", "date_debut"]),
        ("espace:pilotage_indicateur", {"resultat": "3"}, ["date", "objectif"]),
        ("espace:tache_confirmer", {"decision": "confirmer"}, ["jeton", "genre"]),
    ]
    for nom, base, champs in cibles:
        url = reverse(nom, kwargs=monde["parametres"].get(nom, {}))
        for champ in champs:
            for valeur in IDENTIFIANTS_HOSTILES:
                reponse = client.post(url, {**base, champ: valeur})
                reponses.append((f"POST {url} {base} {champ}={valeur[:20]!r}", reponse))
    assert _refus_serveur(reponses) == []


@pytest.mark.parametrize("paire", ["abc", "1e3", "99999999999999999999", "-1", ""])
def test_doublons_identifiant_invalide_page_400_en_francais(monde, paire):
    from tests.inclusion.factories import PaireDoublonFactory

    PaireDoublonFactory()
    client = _client(monde["comptes"][ADMIN])
    reponse = client.post(reverse("espace:doublons"), {"paire": paire, "decision": "fusionner"})
    assert reponse.status_code == 400
    assert "rechargez la liste des doublons" in texte(reponse)
    assert PaireDoublon.objects.filter(statut=PaireDoublon.Statut.A_REVOIR).count() == 1


def test_doublons_decision_inconnue_page_400(monde):
    client = _client(monde["comptes"][ADMIN])
    reponse = client.post(reverse("espace:doublons"), {"paire": "1", "decision": "<b>"})
    assert reponse.status_code == 400 and "Choisissez « fusionner »" in texte(reponse)


def test_signalement_inconnu_dans_l_espace_page_400(monde):
    client = _client(monde["comptes"][ADMIN])
    reponse = client.post(
        reverse("espace:signalements"), {"signalement": "abc", "statut": "traite"}
    )
    assert reponse.status_code == 400 and "rechargez la liste" in texte(reponse)


def test_etape_inconnue_d_une_action_page_400(monde):
    client = _client(monde["comptes"][ADMIN])
    url = reverse("espace:pilotage_action", args=[monde["action"].pk])
    reponse = client.post(url, {"quoi": "etape", "etape": "abc"})
    assert reponse.status_code == 400 and "Cette étape n'existe pas" in texte(reponse)


def test_valeur_d_indicateur_a_une_date_illisible_erreur_de_formulaire(monde):
    client = _client(monde["comptes"][ADMIN])
    url = reverse(
        "espace:pilotage_indicateur", kwargs=monde["parametres"]["espace:pilotage_indicateur"]
    )
    reponse = client.post(url, {"date": "-1", "resultat": "3"})
    assert reponse.status_code == 200 and "Saisissez une date valide" in texte(reponse)
