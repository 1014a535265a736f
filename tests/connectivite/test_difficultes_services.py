"""Difficulties reported by communes: the services (report, status, comment, withdrawal),
their rules and refusals (French messages, nothing written), masking, reads and the demo.
The helpers at the top are shared by the other `test_difficultes*` files."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail
from django.test import override_settings

from sun.comptes.roles import Role
from sun.connectivite.models import (
    CompteCommune,
    EvenementSignalement,
    Fonction,
    Signalement,
    Statut,
)
from sun.connectivite.signalements import demo, queries
from sun.connectivite.signalements.services import (
    SignalementInvalide,
    TransitionInterdite,
    changer_statut,
    commenter,
    creer_compte_commune,
    retirer,
    signaler,
    suivants,
)
from tests.comptes.factories import UtilisateurFactory
from tests.territoire.factories import commune

pytestmark = pytest.mark.django_db

ARAGON, CARCASSONNE, NARBONNE = "11011", "11069", "11262"
LYON = "69123"
T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def compte_commune(identifiant: str, code: str = ARAGON, fonction: str = Fonction.MAIRE):
    utilisateur = UtilisateurFactory(username=identifiant, roles=[Role.COMMUNE])
    CompteCommune.objects.create(compte=utilisateur, commune=commune(code), fonction=fonction)
    return utilisateur


def agent(identifiant: str = "d-agent", role: Role = Role.AGENT):
    return UtilisateurFactory(username=identifiant, roles=[role])


def cas(compte, code: str = ARAGON, maintenant: datetime = T0, **champs) -> Signalement:
    valeurs = {
        "categorie": "refus_tiers_administratif", "adresse": "Chemin de la Garrigue",
        "description": "Le propriétaire refuse le passage du câble.", "nombre_locaux": 3,
    }  # fmt: skip
    valeurs.update(champs)
    return signaler(compte, commune(code), maintenant=maintenant, **valeurs)


def _rien_ecrit(avant: tuple[int, int]) -> bool:
    return (Signalement.objects.count(), EvenementSignalement.objects.count()) == avant


def _compter() -> tuple[int, int]:
    return Signalement.objects.count(), EvenementSignalement.objects.count()


def test_parcours_du_signalement_du_maire_a_la_resolution():
    maire = compte_commune("maire-aragon")
    partenaire = agent("syndicat", Role.PARTENAIRE)
    un_agent = agent()
    s = cas(maire)
    assert (s.statut, s.signale_par, s.cree_le) == (Statut.NOUVEAU, maire, T0)
    s = changer_statut(un_agent, s, Statut.TRANSMIS, "Transmis à Orange.", "Orange",
                       maintenant=T0 + timedelta(days=1))  # fmt: skip
    assert s.transmis_le == T0 + timedelta(days=1) and s.operateur == "Orange"
    commenter(maire, s, "Le propriétaire accepte un rendez-vous.",
              maintenant=T0 + timedelta(days=2))  # fmt: skip
    s = changer_statut(partenaire, s, Statut.EN_COURS, "", maintenant=T0 + timedelta(days=3))
    s = changer_statut(partenaire, s, Statut.RESOLU, "Poteau posé, raccordements possibles.",
                       maintenant=T0 + timedelta(days=10))  # fmt: skip
    s.refresh_from_db()
    assert s.statut == Statut.RESOLU and s.clos_le == T0 + timedelta(days=10)
    historique = list(s.evenements.values_list("statut", "auteur__username"))
    assert historique == [
        ("nouveau", "maire-aragon"), ("transmis_operateur", "d-agent"),
        ("transmis_operateur", "maire-aragon"), ("en_cours", "syndicat"), ("resolu", "syndicat"),
    ]  # fmt: skip
    # Reopening: agents only, never the partner; clos_le is cleared.
    with pytest.raises(TransitionInterdite, match="rouvrent"):
        changer_statut(partenaire, s, Statut.EN_COURS, "On rouvre")
    s = changer_statut(un_agent, s, Statut.EN_COURS, "Deux maisons restent sans fibre.")
    assert s.statut == Statut.EN_COURS and s.clos_le is None


def test_une_commune_ne_signale_que_pour_elle_meme():
    maire = compte_commune("maire-aragon")
    avant = _compter()
    with pytest.raises(SignalementInvalide, match="autre commune"):
        cas(maire, CARCASSONNE)
    assert _rien_ecrit(avant)


def test_un_agent_signale_pour_toute_commune_du_departement_mais_pas_ailleurs():
    un_agent = agent()
    assert cas(un_agent, NARBONNE).commune.code_insee == NARBONNE
    avant = _compter()
    with pytest.raises(SignalementInvalide, match="département servi"):
        cas(un_agent, LYON)
    assert _rien_ecrit(avant)


def test_le_partenaire_ne_signale_pas():
    with pytest.raises(SignalementInvalide):
        cas(agent("syndicat", Role.PARTENAIRE))


def test_compte_commune_sans_commune_ne_signale_pas():
    sans = UtilisateurFactory(username="maire-orphelin", roles=[Role.COMMUNE])
    with pytest.raises(SignalementInvalide):
        cas(sans)
    assert not queries.visibles(sans).exists()


@pytest.mark.parametrize(
    ("champs", "message"),
    [
        ({"categorie": "inconnue"}, "Type de difficulté inconnu"),
        ({"adresse": "  "}, "adresse"),
        ({"description": ""}, "Décrivez"),
        ({"nombre_locaux": 0}, "nombre de locaux"),
        ({"description": "x" * 4001}, "4000"),
    ],
)
def test_saisie_invalide_refusee_sans_rien_ecrire(champs, message):
    maire = compte_commune("maire-aragon")
    avant = _compter()
    with pytest.raises(SignalementInvalide, match=message):
        cas(maire, **champs)
    assert _rien_ecrit(avant)


@pytest.mark.parametrize(
    ("chemin", "vers"),
    [
        ([], Statut.RESOLU),  # nouveau → résolu: not without processing
        ([Statut.TRANSMIS], Statut.NOUVEAU),
        ([Statut.EN_COURS], Statut.NOUVEAU),
        ([Statut.SANS_SUITE], Statut.RESOLU),
        ([], "perdu"),
    ],
)
def test_transitions_interdites(chemin, vers):
    un_agent = agent()
    s = cas(compte_commune("maire-aragon"))
    for statut in chemin:
        s = changer_statut(un_agent, s, statut, "étape")
    avant, statut_avant = _compter(), s.statut
    with pytest.raises(TransitionInterdite, match=r"ne peut pas passer|inconnu"):
        changer_statut(un_agent, s, vers, "essai")
    s.refresh_from_db()
    assert _rien_ecrit(avant) and s.statut == statut_avant


def test_clore_demande_un_commentaire():
    s = cas(compte_commune("maire-aragon"))
    with pytest.raises(SignalementInvalide, match="commentaire"):
        changer_statut(agent(), s, Statut.SANS_SUITE, "  ")
    s.refresh_from_db()
    assert s.statut == Statut.NOUVEAU


def test_la_commune_ne_traite_pas_mais_retire_son_cas_nouveau():
    maire = compte_commune("maire-aragon")
    secretaire = compte_commune("secretaire-aragon", fonction=Fonction.SECRETAIRE)
    s = cas(maire)
    avant = _compter()
    with pytest.raises(SignalementInvalide, match="réservé"):
        changer_statut(maire, s, Statut.EN_COURS, "je traite")
    assert _rien_ecrit(avant) and suivants(maire, s) == []
    s = retirer(secretaire, s, "Réglé à l'amiable.")
    assert s.statut == Statut.SANS_SUITE and s.clos_le is not None
    assert "Retiré par la commune" in s.evenements.last().commentaire


def test_retrait_refuse_une_fois_pris_en_charge_ou_par_une_autre_commune():
    maire = compte_commune("maire-aragon")
    autre = compte_commune("maire-carcassonne", CARCASSONNE)
    s = cas(maire)
    with pytest.raises(SignalementInvalide):
        retirer(autre, s)
    with pytest.raises(SignalementInvalide):
        commenter(autre, s, "curieux")
    s = changer_statut(agent(), s, Statut.EN_COURS, "")
    with pytest.raises(SignalementInvalide, match="tant qu'il est"):
        retirer(maire, s)
    s.refresh_from_db()
    assert s.statut == Statut.EN_COURS


def test_masquage_des_courriels_et_telephones():
    maire = compte_commune("maire-aragon")
    s = cas(
        maire,
        adresse="12 rue Jean Jaurès, tel 06 12 34 56 78",
        description="Appeler M. Dupont au 04.68.11.22.33 ou jean.dupont@example.fr, "
        "il refuse l'élagage. Aragon attend.",
    )
    assert "06 12" not in s.adresse and "rue Jean Jaurès" in s.adresse
    assert "04.68" not in s.description and "example.fr" not in s.description
    assert "Dupont" not in s.description and "Aragon attend" in s.description
    assert "[téléphone masqué]" in s.description and "[courriel masqué]" in s.description
    e = commenter(maire, s, "Contact : +33 6 98 76 54 32, marie@mairie-aragon.fr")
    assert "98 76" not in e.commentaire and "marie@" not in e.commentaire


def test_visibilite_et_comptes():
    maire = compte_commune("maire-aragon")
    autre = compte_commune("maire-carcassonne", CARCASSONNE)
    un_agent = agent()
    cas(maire)
    cas(maire, categorie="elagage")
    cas(autre, CARCASSONNE)
    cas(un_agent, NARBONNE, categorie="elagage")
    assert set(queries.visibles(maire).values_list("commune__code_insee", flat=True)) == {ARAGON}
    assert queries.visibles(agent("syndicat", Role.PARTENAIRE)).count() == 4
    assert queries.visibles(agent("pilote", Role.PILOTE)).count() == 0
    assert queries.filtrer(queries.visibles(un_agent), categorie="elagage").count() == 2
    assert queries.filtrer(queries.visibles(un_agent), statut="ouverts").count() == 4
    assert queries.filtrer(queries.visibles(un_agent), statut="clos").count() == 0
    comptes = queries.comptes(queries.visibles(un_agent))
    assert [v for v, _ in comptes.categories] == ["refus_tiers_administratif", "elagage"]
    par_code = {ligne.code_insee: ligne for ligne in comptes.lignes}
    assert par_code[ARAGON].par_categorie == [1, 1] and par_code[ARAGON].total == 2
    assert comptes.total.total == 4 and comptes.total.ouverts == 4
    assert queries.detail(autre, Signalement.objects.filter(commune__code_insee=ARAGON)
                          .first().pk) is None  # fmt: skip


def test_cas_des_communes_pour_les_fiches():
    maire = compte_commune("maire-aragon")
    premier = cas(maire)
    second = cas(maire, maintenant=T0 + timedelta(days=1))
    cas(agent(), CARCASSONNE)
    demo.creer_demo(maintenant=T0)
    par_code = queries.cas_des_communes([ARAGON, NARBONNE])
    assert par_code == {ARAGON: [second, premier]}  # demonstration cases left out


@override_settings(SUN_LIMITE_SIGNALEMENTS_COMMUNE="2/h")
def test_limite_des_signalements_par_compte_commune():
    maire = compte_commune("maire-aragon")
    cas(maire)
    cas(maire)
    avant = _compter()
    with pytest.raises(SignalementInvalide, match="réessayez"):
        cas(maire)
    assert _rien_ecrit(avant)
    un_agent = agent()  # a desk enters many cases: no limit
    for _ in range(3):
        cas(un_agent)


def test_courriel_aux_partenaires(django_capture_on_commit_callbacks):
    UtilisateurFactory(username="syndicat", roles=[Role.PARTENAIRE], email="fibre@syndicat.fr")
    with django_capture_on_commit_callbacks(execute=True):
        cas(compte_commune("maire-aragon"), lien="https://sun.example/espace/x/")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["fibre@syndicat.fr"] and "Aragon" in mail.outbox[0].subject


def test_creer_compte_commune_refuse_commune_inconnue_ou_exterieure():
    for code in ("99999", LYON):
        with pytest.raises(SignalementInvalide):
            creer_compte_commune("maire-x", code, "maire")
    with pytest.raises(SignalementInvalide, match="Fonction"):
        creer_compte_commune("maire-x", ARAGON, "roi")
    assert not CompteCommune.objects.exists()
    lien, mot_de_passe = creer_compte_commune("maire-x", ARAGON, "maire", nom="Jeanne Roux")
    assert lien.commune.code_insee == ARAGON and mot_de_passe


def test_demo_idempotente_et_compte_demo_rattache():
    UtilisateurFactory(username="demo-commune", roles=[Role.COMMUNE])
    UtilisateurFactory(username="demo-agent", roles=[Role.AGENT])
    crees = demo.creer_demo(maintenant=T0)
    assert crees == len(demo.CAS)
    assert demo.creer_demo(maintenant=T0) == 0
    assert Signalement.objects.filter(demonstration=True).count() == crees
    assert not Signalement.objects.reels().exists()
    lien = CompteCommune.objects.get(compte__username="demo-commune")
    assert lien.commune.code_insee == ARAGON
    resolu = Signalement.objects.get(statut=Statut.RESOLU)
    assert resolu.clos_le and resolu.evenements.count() == 3
