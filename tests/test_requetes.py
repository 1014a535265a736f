"""No N+1 queries: every page and API endpoint that lists things makes as many queries for 3N
objects as for N (what a page shows of each object is fetched with the list, not one by one).

Each page is read twice and the second reading counted, so that caches (the search index, the
register's version) are warm both times; the objects listed are checked on the page.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sun.comptes.roles import Role
from sun.inclusion.models import Orientation, SignalementErreur
from tests.comptes.factories import UtilisateurFactory
from tests.core.factories import JournalImportFactory
from tests.inclusion.factories import (
    ActiviteFactory,
    LieuActiviteFactory,
    LieuFactory,
    MediateurFactory,
    OrientationFactory,
    PaireDoublonFactory,
    SignalementFactory,
    StructureFactory,
)
from tests.outils import texte
from tests.pilotage.factories import (
    ActionFactory,
    AxeFactory,
    IndicateurFactory,
    OrientationDuPlanFactory,
    PlanFactory,
    ValeurIndicateurFactory,
)
from tests.territoire.factories import communes

pytestmark = pytest.mark.django_db
N = 3


def _compter(client, url: str) -> tuple[int, str, list[str]]:
    client.get(url)  # warms the caches
    with CaptureQueriesContext(connection) as requetes:
        reponse = client.get(url)
    assert reponse.status_code == 200, f"{url} : {reponse.status_code}"
    return len(requetes), texte(reponse), [q["sql"] for q in requetes.captured_queries]


def _sans_n_plus_1(client, url: str, creer) -> None:
    """`creer(n)` adds n objects to the list and returns what the page shows of each."""
    creer(N)
    avec_n, _, avant = _compter(client, url)
    montres = creer(2 * N)
    avec_3n, page, apres = _compter(client, url)
    assert all(m in page for m in montres), f"{url} ne montre pas {montres}"
    nouvelles = "\n".join(q for q in apres if q not in avant)
    assert avec_3n <= avec_n, (
        f"{url} : {avec_n} requêtes pour {N}, {avec_3n} pour {3 * N}\n{nouvelles}"
    )


def _connecte(client, *roles: Role):
    utilisateur = UtilisateurFactory(roles=roles)
    client.force_login(utilisateur)
    return utilisateur


# --- builders: n objects, and what the page shows of each ---------------------------------
def _lieux(n: int) -> list[str]:
    return [LieuFactory(structure=StructureFactory()).nom for _ in range(n)]


def _mediateurs_en_activite(n: int) -> list[str]:
    activites = LieuActiviteFactory.create_batch(n)
    return [f"{a.mediateur.prenom} {a.mediateur.nom}" for a in activites]


def _structures(n: int) -> list[str]:
    return [m.employeur.nom for m in MediateurFactory.create_batch(n)]


def _imports(n: int, genre: str = "lieux") -> list[str]:
    auteur = UtilisateurFactory()
    return [JournalImportFactory(genre=genre, auteur=auteur).fichier for _ in range(n)]


def _paires(n: int) -> list[str]:
    paires = []
    for _ in range(n):
        nom = LieuFactory.build().nom
        paires.append(PaireDoublonFactory(lieu_a__nom=nom, lieu_b__nom=nom).lieu_a.nom)
    return paires


def _signalements(n: int) -> list[str]:
    return [SignalementFactory().lieu.nom for _ in range(n)]


def _actions(n: int, montrer: str = "titre") -> list[str]:
    """n actions under n orientations of the plan, each piloted and followed by an indicator
    with a value; returns their titles (`montrer="orientation"`: their orientation's)."""
    plan = PlanFactory(code="schema")
    montres = []
    for _ in range(n):
        orientation = OrientationDuPlanFactory(parent=AxeFactory(plan=plan))
        action = ActionFactory(orientation=orientation, pilotes=[UtilisateurFactory()])
        indicateur = IndicateurFactory(plan=plan, actions=[action])
        ValeurIndicateurFactory(indicateur=indicateur)
        montres.append(orientation.titre if montrer == "orientation" else action.titre)
    return montres


# --- pages ----------------------------------------------------------------------------------
def test_registre_des_lieux(client):
    _connecte(client, Role.AGENT)
    _sans_n_plus_1(client, "/espace/lieux/", _lieux)


def test_trouver_de_l_aide(client):
    _sans_n_plus_1(client, "/trouver/?ou=Carcassonne&rayon=50", _lieux)


def test_annuaire_du_reseau(client):
    _connecte(client, Role.AGENT)
    _sans_n_plus_1(client, "/espace/reseau/", _mediateurs_en_activite)


def test_structures_employeuses(client):
    _connecte(client, Role.AGENT)
    _sans_n_plus_1(client, "/espace/reseau/structures/", _structures)


def test_mes_activites(client):
    mediateur = _connecte(client, Role.MEDIATEUR)

    def activites(n):
        return [ActiviteFactory(saisi_par=mediateur).lieu.nom for _ in range(n)]

    _sans_n_plus_1(client, "/espace/activites/", activites)


def test_journal_des_imports(client):
    _connecte(client, Role.AGENT)
    _sans_n_plus_1(client, "/espace/imports/", _imports)


def test_derniers_imports_de_lieux(client):
    _connecte(client, Role.AGENT)
    _sans_n_plus_1(client, "/espace/lieux/importer/", _imports)


def test_doublons_a_examiner(client):
    _connecte(client, Role.AGENT)
    _sans_n_plus_1(client, "/espace/lieux/doublons/", _paires)


def test_signalements(client):
    _connecte(client, Role.AGENT)
    _sans_n_plus_1(client, "/espace/lieux/signalements/", _signalements)
    traites = SignalementErreur.objects.all()
    traites.update(statut=SignalementErreur.Statut.TRAITE, traite_par=UtilisateurFactory())
    _sans_n_plus_1(
        client,
        "/espace/lieux/signalements/?statut=traite",
        lambda n: [
            SignalementFactory(statut="traite", traite_par=UtilisateurFactory()).lieu.nom
            for _ in range(n)
        ],
    )


def test_tableau_de_bord_du_pilotage(client):
    _connecte(client, Role.AGENT)
    _sans_n_plus_1(client, "/espace/pilotage/", _actions)


def test_avancement_public(client):
    _sans_n_plus_1(client, "/avancement/", lambda n: _actions(n, montrer="orientation"))


def test_lieux_proposes_a_une_orientation(client):
    _connecte(client, Role.AGENT)
    orientation = OrientationFactory()

    def proposer(n):
        lieux = [LieuFactory() for _ in range(n)]
        orientation.lieux_proposes += [str(lieu.pk) for lieu in lieux]
        orientation.save()
        return [lieu.nom for lieu in lieux]

    _sans_n_plus_1(client, f"/espace/orientation/{orientation.pk}/", proposer)


def test_statistiques_des_orientations(client):
    _connecte(client, Role.AGENT)

    def orientations(n):
        deja = Orientation.objects.count()
        return [OrientationFactory(commune=c).commune.nom for c in communes("11", deja + n)[deja:]]

    _sans_n_plus_1(client, "/espace/orientation/statistiques/", orientations)


# --- API ------------------------------------------------------------------------------------
def test_api_des_lieux(client):
    _sans_n_plus_1(client, "/api/lieux?lat=43.2130&lon=2.3491&rayon_km=50", _lieux)


@pytest.mark.parametrize(
    "url",
    [
        "/api/communes?departement=11&taille={taille}",
        "/api/communes?q=saint&taille={taille}",
        "/api/epci?departement=11&taille={taille}",
    ],
)
def test_listes_du_territoire(client, url):
    """The territory is loaded once: lists of N and 3N of its communes and EPCI."""
    _memes_requetes(client, url.format(taille=N), url.format(taille=3 * N))
    assert len(client.get(url.format(taille=3 * N)).json()["resultats"]) == 3 * N


def test_recherche_de_communes(client):
    """One commune found, then a page of 20."""
    page = _memes_requetes(client, "/communes/?q=lezignan", "/communes/?q=saint")
    assert "Saint-Hilaire" in page and "Page 1 sur" in page


def _memes_requetes(client, url_courte: str, url_longue: str) -> str:
    courte, _, avant = _compter(client, url_courte)
    longue, page, apres = _compter(client, url_longue)
    nouvelles = "\n".join(q for q in apres if q not in avant)
    assert longue <= courte, (
        f"{url_longue} : {longue} requêtes, {courte} pour {url_courte}\n{nouvelles}"
    )
    return page
