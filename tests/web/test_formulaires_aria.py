"""Every id a form cites (aria-describedby, aria-labelledby, label for=) exists in its page,
and no page speaks of command-line options (« --source »).

For EVERY page of the site listed in the URL configuration (public site and agent space,
not the Django admin nor the API), opened by an account holding every role, with objects
for the URLs that take one; then, for each page whose form posts to itself, after sending it
empty, which shows the errors. Screen readers read nothing for an id that is not there."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import NoReverseMatch, URLResolver, get_resolver, reverse

from sun.comptes.roles import Role
from sun.inclusion.models import Activite
from tests.inclusion.factories import (
    ActiviteFactory,
    LieuActiviteFactory,
    LieuFactory,
    MediateurFactory,
    OrientationFactory,
    PaireDoublonFactory,
    SignalementFactory,
)
from tests.pilotage.factories import ActionFactory, IndicateurFactory

pytestmark = pytest.mark.django_db

OPTION = re.compile(r"(?<![\w-])--[a-z][a-z-]+")  # a command-line option in the text
ATTRIBUTS_LISTES = ("aria-describedby", "aria-labelledby", "aria-controls")
# Posting an empty form here would act (delete, close, confirm, log out), not show errors.
SANS_ENVOI = ("supprimer", "statut", "confirmer", "terminer", "deconnexion")
# Pages whose form the test must have seen: a check that finds no form cannot pass.
FORMULAIRES_ATTENDUS = {
    "espace:lieu_nouveau", "espace:lieu_modifier", "espace:lieux_importer",
    "espace:reseau_nouveau", "espace:reseau_modifier", "espace:reseau_structure_nouvelle",
    "espace:activite_nouvelle", "espace:activite_modifier", "espace:activites_importer",
    "espace:pilotage_action", "espace:pilotage_indicateur", "espace:orientation",
    "lieu_public", "connexion",
}  # fmt: skip


class References(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.citees: list[tuple[str, str, str]] = []  # (tag, attribute, id)
        self.formulaires: list[dict] = []
        self.options: list[str] = []
        self._dans_code = 0

    def handle_endtag(self, tag):
        if tag in ("style", "script"):
            self._dans_code -= 1

    def handle_data(self, data):
        if not self._dans_code:
            self.options += OPTION.findall(data)

    def handle_starttag(self, tag, attrs):
        attributs = dict(attrs)
        if tag in ("style", "script"):
            self._dans_code += 1
        if attributs.get("id"):
            self.ids.add(attributs["id"])
        for nom in ATTRIBUTS_LISTES:
            for cible in (attributs.get(nom) or "").split():
                self.citees.append((tag, nom, cible))
        if tag in ("label", "output") and "for" in attributs:
            self.citees.append((tag, "for", attributs["for"] or ""))
        if tag == "form":
            self.formulaires.append(attributs)


def _motifs(resolveur, espace=""):
    for motif in resolveur.url_patterns:
        if isinstance(motif, URLResolver):
            yield from _motifs(motif, espace + (f"{motif.namespace}:" if motif.namespace else ""))
        elif motif.name:
            yield espace + motif.name, list(motif.pattern.regex.groupindex)


def _pages_du_site():
    return [
        (nom, parametres)
        for nom, parametres in _motifs(get_resolver())
        if not nom.startswith(("admin:", "api:"))
    ]


@pytest.fixture
def tous_roles(client, utilisateur_avec_role):
    compte = utilisateur_avec_role(*Role, identifiant="test-tous-roles")
    client.force_login(compte)
    return client, compte


@pytest.fixture
def objets(tous_roles):
    """One object of each kind a URL may name, the account's own where it matters."""
    _, compte = tous_roles
    mediateur = MediateurFactory(compte=compte)
    lieu = LieuFactory()
    lieu_activite = LieuActiviteFactory(mediateur=mediateur, lieu=lieu)
    activite = ActiviteFactory(mediateur=mediateur, lieu=lieu, source=Activite.Source.SAISIE)
    action = ActionFactory(pilotes=[compte])
    PaireDoublonFactory()
    SignalementFactory(lieu=lieu)
    return {
        "pk": [lieu.pk, mediateur.pk, action.pk, IndicateurFactory(plan=action.plan, actions=[action]).pk,
               OrientationFactory(lieux_proposes=[str(lieu.pk)]).pk, activite.pk],
        "activite": [lieu_activite.pk],
        "code_insee": ["11069"], "code_siren": ["200035715"], "code": ["11"],
    }  # fmt: skip


def _adresses(nom: str, parametres: list[str], objets: dict):
    """Every URL of the pattern with the candidate objects (a pk may be any kind)."""
    if not parametres:
        yield reverse(nom)
        return
    choix = [{}]
    for parametre in parametres:
        choix = [{**c, parametre: v} for c in choix for v in objets.get(parametre, [])]
    for kwargs in choix:
        try:
            yield reverse(nom, kwargs=kwargs)
        except NoReverseMatch:  # a uuid where an int is expected: not this one
            continue


def _verifier(reponse, adresse: str, quand: str) -> list[str]:
    lecteur = References()
    lecteur.feed(reponse.content.decode())
    return [
        f'{adresse} ({quand}) : <{tag} {attribut}="{cible}"> ne désigne aucun élément'
        for tag, attribut, cible in lecteur.citees
        if cible not in lecteur.ids
    ] + [
        f"{adresse} ({quand}) : option de ligne de commande « {option} » dans la page"
        for option in lecteur.options
    ], lecteur.formulaires


def _html(reponse) -> bool:
    return reponse.status_code == 200 and reponse["Content-Type"].startswith("text/html")


def _parcourir(client, objets: dict, publiques_seulement: bool) -> tuple[list[str], set[str]]:
    problemes: list[str] = []
    vus: set[str] = set()
    for nom, parametres in _pages_du_site():
        if publiques_seulement and nom.startswith("espace:"):
            continue
        for adresse in _adresses(nom, parametres, objets):
            reponse = client.get(adresse)
            if not _html(reponse):
                continue
            erreurs, formulaires = _verifier(reponse, adresse, "affichage")
            problemes += erreurs
            a_soi = [f for f in formulaires
                     if f.get("action", "").split("#")[0] in ("", adresse)]  # fmt: skip
            vus.update([nom] if a_soi else [])
            postes = [f for f in a_soi if f.get("method", "get").lower() == "post"]
            if postes and not any(mot in nom for mot in SANS_ENVOI):
                envoi = client.post(adresse, {})
                if _html(envoi):
                    problemes += _verifier(envoi, adresse, "après un envoi invalide")[0]
            break  # the first object that opens the page is enough
    return problemes, vus


def test_chaque_id_cite_par_un_formulaire_existe(tous_roles, objets):
    client, _ = tous_roles
    problemes, vus = _parcourir(client, objets, publiques_seulement=False)
    client.logout()  # the public pages as a resident sees them (the login form too)
    publiques, vues = _parcourir(client, objets, publiques_seulement=True)
    assert not problemes + publiques, "\n".join(problemes + publiques)
    assert vus | vues >= FORMULAIRES_ATTENDUS, sorted(FORMULAIRES_ATTENDUS - vus - vues)


def test_le_controle_voit_un_id_manquant():
    lecteur = References()
    lecteur.feed('<label for="a">A</label><input id="a" aria-describedby="a_helptext">')
    assert [c for c in lecteur.citees if c[2] not in lecteur.ids] == [
        ("input", "aria-describedby", "a_helptext")
    ]


def test_le_controle_voit_une_option_de_ligne_de_commande():
    lecteur = References()
    lecteur.feed("<style>:root { --couleur: red; }</style><p>Indiquez la source (--source).</p>")
    assert lecteur.options == ["--source"]
