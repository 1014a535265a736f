"""The services of the wing « demandes »: submission (likely duplicates refused and nothing
written, « pas la même » passes), support, qualification (close date, score), duplicates
(supporters moved, no self-pointing), and the score rules."""

from decimal import Decimal

import pytest

from sun.comptes.roles import Role, RoleManquant
from sun.projets.demandes import score, services
from sun.projets.demandes.doublons import DoublonProbable
from sun.projets.erreurs import Refus
from sun.projets.models import Demande, Soutien
from tests.projets.factories import DemandeFactory, OutilFactory, TypeDemandeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def agent(utilisateur_avec_role):
    return utilisateur_avec_role(Role.AGENT)


@pytest.fixture
def info(utilisateur_avec_role):
    return utilisateur_avec_role(Role.INFORMATIQUE)


def test_soumettre_enregistre_une_demande(agent):
    outil = OutilFactory()
    d = services.soumettre(agent, services.Saisie(
        titre="  Trier les courriers par date  ", nature="evolution", outil=outil,
        utilisateurs_concernes=12, frequence="hebdomadaire"))  # fmt: skip
    assert (d.titre, d.statut, d.demandeur, d.source) == (
        "Trier les courriers par date",
        "nouvelle",
        agent,
        "sun",
    )
    assert d.utilisateurs_concernes == 12 and d.close_le is None


def test_doublon_refuse_et_rien_ecrit_puis_pas_la_meme(agent):
    outil = OutilFactory()
    existante = DemandeFactory(titre="Pouvoir exporter la liste des agents", outil=outil)
    saisie = services.Saisie(titre="Exporter liste des agents", nature="evolution", outil=outil)
    with pytest.raises(DoublonProbable) as exc:
        services.soumettre(agent, saisie)
    assert exc.value.demandes == [existante]
    assert f"n° {existante.pk}" in exc.value.message
    assert Demande.objects.count() == 1
    d = services.soumettre(agent, saisie, pas_la_meme=True)
    assert Demande.objects.count() == 2 and d.pk != existante.pk


def test_un_doublon_de_demonstration_ne_bloque_pas(agent):
    outil = OutilFactory()
    DemandeFactory(titre="Exporter la liste des agents", outil=outil, demonstration=True)
    services.soumettre(agent, services.Saisie(titre="Exporter la liste des agents",
                                              nature="evolution", outil=outil))  # fmt: skip
    assert Demande.objects.reels().count() == 1


@pytest.mark.parametrize("saisie, champ", [
    (dict(titre="", nature="evolution"), "titre"),
    (dict(titre="x" * 256, nature="evolution"), "titre"),
    (dict(titre="Titre", nature="autre"), "nature"),
    (dict(titre="Titre", nature="evolution", utilisateurs_concernes=-1), "utilisateurs_concernes"),
    (dict(titre="Titre", nature="evolution", frequence="parfois"), "frequence"),
])  # fmt: skip
def test_saisies_refusees(agent, saisie, champ):
    with pytest.raises(Refus) as exc:
        services.soumettre(agent, services.Saisie(**saisie))
    assert exc.value.champ == champ and "rien n'a été enregistré" in exc.value.message
    assert not Demande.objects.exists()


def test_type_inactif_ou_d_une_autre_nature_refuse(agent):
    inactif = TypeDemandeFactory(libelle="Ancien", actif=False)
    incident = TypeDemandeFactory(libelle="Panne", nature="incident")
    for t in (inactif, incident):
        with pytest.raises(Refus):
            services.soumettre(agent, services.Saisie(titre="Titre", nature="evolution", type=t))
    assert not Demande.objects.exists()


def test_sans_role_refuse(utilisateur_avec_role):
    with pytest.raises(RoleManquant):
        services.soumettre(utilisateur_avec_role(), services.Saisie(titre="T", nature="question"))


def test_soutenir_une_fois_et_pas_la_sienne(agent, utilisateur_avec_role):
    d = DemandeFactory(demandeur=agent, effort=1)
    with pytest.raises(Refus, match="la vôtre"):
        services.soutenir(agent, d)
    autre = utilisateur_avec_role(Role.PILOTE)
    services.soutenir(autre, d)
    d.refresh_from_db()
    assert d.soutiens.count() == 1 and d.score == Decimal("1.00")
    with pytest.raises(Refus, match="déjà"):
        services.soutenir(autre, d)
    assert Soutien.objects.count() == 1


def test_soutenir_une_demande_close_refuse(agent):
    d = DemandeFactory(statut="realisee")
    with pytest.raises(Refus, match="close"):
        services.soutenir(agent, d)
    assert not Soutien.objects.exists()


def test_qualifier_pose_et_efface_la_date_de_cloture(info):
    d = DemandeFactory()
    q = services.Qualification(statut="realisee", utilisateurs_concernes=60,
                               frequence="quotidienne", effort=3)  # fmt: skip
    services.qualifier(info, d, q)
    d.refresh_from_db()
    assert d.close_le is not None and d.score == Decimal("4.00")
    q.statut = "en_cours"
    services.qualifier(info, d, q)
    d.refresh_from_db()
    assert d.close_le is None and d.statut == "en_cours"


@pytest.mark.parametrize("q", [
    dict(statut="inconnu"), dict(statut="qualifiee", effort=6), dict(statut="doublon"),
    dict(statut="qualifiee", frequence="jamais"),
])  # fmt: skip
def test_qualification_refusee_rien_ecrit(info, q):
    d = DemandeFactory()
    with pytest.raises(Refus):
        services.qualifier(info, d, services.Qualification(**q))
    d.refresh_from_db()
    assert d.statut == "nouvelle" and d.effort is None


def test_un_agent_ne_qualifie_pas(agent):
    d = DemandeFactory()
    with pytest.raises(RoleManquant):
        services.qualifier(agent, d, services.Qualification(statut="rejetee"))


def test_marquer_doublon_deplace_les_soutiens(info, utilisateur_avec_role):
    auteur = utilisateur_avec_role(Role.AGENT)
    soutien = utilisateur_avec_role(Role.PILOTE)
    cible = DemandeFactory(effort=1)
    doublon = DemandeFactory(demandeur=auteur)
    Soutien.objects.create(demande=doublon, compte=soutien)
    services.marquer_doublon(info, doublon, cible.pk)
    doublon.refresh_from_db()
    cible.refresh_from_db()
    assert doublon.statut == "doublon" and doublon.doublon_de == cible
    assert doublon.close_le is not None and not doublon.soutiens.exists()
    assert set(cible.soutiens.values_list("compte", flat=True)) == {auteur.pk, soutien.pk}
    assert cible.score == Decimal("2.00")
    services.annuler_doublon(info, doublon)
    doublon.refresh_from_db()
    assert doublon.statut == "nouvelle" and doublon.close_le is None
    assert list(cible.soutiens.values_list("compte", flat=True)) == [soutien.pk]


def test_doublon_de_soi_meme_ou_inconnu_refuse(info):
    d = DemandeFactory()
    for numero in (d.pk, 999999, None):
        with pytest.raises(Refus):
            services.marquer_doublon(info, d, numero)
    d.refresh_from_db()
    assert d.statut == "nouvelle" and d.doublon_de is None


def test_score_obligation_legale_en_premier():
    legal = score.calculer(1, "rare", True, 0, 5)
    meilleur_sans = score.calculer(10_000, "quotidienne", False, 50, 1)
    assert legal > meilleur_sans
    assert meilleur_sans == Decimal("26.00")  # 10 + 6 + 10 (capped supports)


def test_score_regles():
    assert score.calculer(60, "quotidienne", False, 3, None) is None
    assert score.calculer(60, "quotidienne", False, 3, 0) is None
    assert score.calculer(60, "quotidienne", False, 3, 3) == Decimal("5.00")
    assert score.calculer(None, "", False, 0, 2) == Decimal("0.00")
    assert score.calculer(9, "mensuelle", False, 0, 3) == Decimal("1.00")
    assert score.REGLES[0][0] == "Utilisateurs concernés"
