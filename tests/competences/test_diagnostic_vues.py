"""The skills diagnosis pages: filling in (draft, then « Terminer »), the result with the
sessions proposed, who reads it (the person; the manager once shared), deleting it."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from sun.competences import referentiel
from sun.competences.diagnostic import services
from sun.competences.erreurs import Refus
from sun.competences.models import Diagnostic
from sun.competences.services import ma_personne
from sun.comptes.roles import Role
from tests.competences.factories import PersonneFactory, SessionFactory

pytestmark = pytest.mark.django_db
FORMULAIRE = reverse("espace:competences_diagnostic")
EQUIPE = reverse("espace:competences_diagnostic_equipe")


def _saisie(niveau: int = 5, **autres) -> dict:
    saisie = {f"niveau_{c.code}": str(niveau) for c in referentiel.COMPETENCES}
    saisie.update({f"niveau_{k.replace('_', '.')}": str(v) for k, v in autres.items()})
    return saisie


def _resultat(d) -> str:
    return reverse("espace:competences_diagnostic_resultat", args=[d.pk])


@pytest.fixture
def agent(utilisateur_avec_role):
    return utilisateur_avec_role(Role.AGENT)


@pytest.fixture
def termine(agent):
    """A finished diagnosis of the agent (4.1 weak: « à renforcer »)."""
    reponses = {c.code: 5 for c in referentiel.COMPETENCES} | {"4.1": 1}
    return services.enregistrer(ma_personne(agent), reponses, terminer=True).diagnostic


def test_anonyme_redirige_vers_la_connexion(client):
    for url in (FORMULAIRE, EQUIPE):
        r = client.get(url)
        assert r.status_code == 302 and r["Location"].startswith("/se-connecter/")


def test_deux_etapes_brouillon_puis_terminer(client, agent):
    client.force_login(agent)
    moitie = {k: v for i, (k, v) in enumerate(_saisie(4).items()) if i < 8}
    r = client.post(FORMULAIRE, {**moitie, "action": "brouillon"}, follow=True)
    assert r.status_code == 200
    assert "Diagnostic enregistré comme brouillon : 8 compétences sur 16" in r.content.decode()
    brouillon = Diagnostic.objects.get()
    assert brouillon.termine_le is None and len(brouillon.reponses) == 8
    # « Terminer » with answers missing: 400, the French message, the draft kept.
    r = client.post(FORMULAIRE, {"action": "terminer"})
    assert r.status_code == 400
    assert "ne peut pas être terminé : 8 compétences" in r.content.decode()
    assert Diagnostic.objects.get().termine_le is None
    # The form shows the answers kept (checked).
    assert 'value="4" checked' in client.get(FORMULAIRE).content.decode()
    # A bad level: 400, nothing written.
    r = client.post(FORMULAIRE, {**_saisie(4), "niveau_1.1": "12", "action": "terminer"})
    assert r.status_code == 400 and "n&#x27;est pas valide" in r.content.decode()
    assert len(Diagnostic.objects.get().reponses) == 8
    r = client.post(FORMULAIRE, {**_saisie(4), "action": "terminer"})
    d = Diagnostic.objects.get()
    assert d.termine_le is not None and r["Location"] == _resultat(d)


def test_resultat_stades_moyennes_a_renforcer_et_sessions(client, agent):
    futur = SessionFactory(titre="Se protéger en ligne", competences=["4.1"])
    SessionFactory(titre="Session passée", competences=["4.1"],
                   debut=timezone.now() - timedelta(days=3))  # fmt: skip
    SessionFactory(titre="Session annulée", competences=["4.1"], annulee=True)
    SessionFactory(titre="Session de démonstration", competences=["4.1"], demonstration=True)
    SessionFactory(titre="Tableurs avancés", competences=["1.3"])
    client.force_login(agent)
    r = client.post(FORMULAIRE, {**_saisie(6, **{"4_1": 1, "2_1": 2}), "action": "terminer"})
    texte = client.get(r["Location"]).content.decode()
    assert futur.titre in texte
    for absente in ("Session passée", "Session annulée", "Session de démonstration",
                    "Tableurs avancés"):  # fmt: skip
        assert absente not in texte
    assert "Compétences à renforcer" in texte and "4.1 Sécuriser" in texte
    assert "2.1 " in texte and "Aucune session prévue" in texte  # 2.1 weak, no session
    assert referentiel.stade(6) in texte and referentiel.stade(1) in texte
    # Domain 4: (1 + 6 + 6) / 3 = 4.3; domain 2: (2 + 6 + 6 + 6) / 4 = 5.0.
    assert "moyenne 4,3" in texte or "moyenne 4.3" in texte
    assert "<svg" in texte and "<caption>" in texte and "Source" in texte


@pytest.mark.parametrize("role", [Role.MEDIATEUR, Role.PILOTE, Role.FORMATION,
                                  Role.INFORMATIQUE, Role.ADMINISTRATEUR, Role.INSTRUCTEUR,
                                  Role.ARCHIVISTE])  # fmt: skip
def test_aucun_autre_role_ne_lit_le_resultat(client, utilisateur_avec_role, termine, role):
    client.force_login(utilisateur_avec_role(role))
    assert client.get(_resultat(termine)).status_code in (403, 404)
    partager = reverse("espace:competences_diagnostic_partager", args=[termine.pk])
    assert client.post(partager, {"partage": "oui"}).status_code in (403, 404)
    supprimer = reverse("espace:competences_diagnostic_supprimer", args=[termine.pk])
    assert client.post(supprimer).status_code in (403, 404)
    assert Diagnostic.objects.filter(pk=termine.pk).exists()


def test_un_autre_agent_ne_lit_pas(client, utilisateur_avec_role, termine):
    client.force_login(utilisateur_avec_role(Role.AGENT, identifiant="autre-agent"))
    assert client.get(_resultat(termine)).status_code == 403
    assert client.get(reverse("espace:competences_diagnostic_resultat",
                              args=[termine.pk + 999])).status_code == 404  # fmt: skip


def test_partage_avec_le_responsable_puis_retrait(client, utilisateur_avec_role, agent, termine):
    chef_compte = utilisateur_avec_role(Role.AGENT, identifiant="chef")
    chef = ma_personne(chef_compte)
    moi = ma_personne(agent)
    moi.responsable = chef
    moi.save()
    autre_chef = utilisateur_avec_role(Role.AGENT, identifiant="autre-chef")
    PersonneFactory(responsable=ma_personne(autre_chef))  # a team of their own
    partager = reverse("espace:competences_diagnostic_partager", args=[termine.pk])

    client.force_login(chef_compte)
    assert client.get(_resultat(termine)).status_code == 403  # not shared yet
    assert str(moi) not in client.get(EQUIPE).content.decode()

    client.force_login(agent)
    assert client.get(partager).status_code == 405
    client.post(partager, {"partage": "oui"})
    termine.refresh_from_db()
    assert termine.partage_avec_responsable

    client.force_login(chef_compte)
    assert _resultat(termine) in client.get(EQUIPE).content.decode()
    r = client.get(_resultat(termine))
    assert r.status_code == 200 and "Supprimer mon diagnostic" not in r.content.decode()
    assert client.post(partager, {}).status_code == 403  # only the person decides
    supprimer = reverse("espace:competences_diagnostic_supprimer", args=[termine.pk])
    assert client.post(supprimer).status_code == 403

    client.force_login(autre_chef)
    assert client.get(_resultat(termine)).status_code == 403
    assert _resultat(termine) not in client.get(EQUIPE).content.decode()

    client.force_login(agent)
    client.post(partager, {})
    client.force_login(chef_compte)
    assert _resultat(termine) not in client.get(EQUIPE).content.decode()
    assert client.get(_resultat(termine)).status_code == 403


def test_partage_refuse_sans_responsable(client, agent, termine):
    client.force_login(agent)
    partager = reverse("espace:competences_diagnostic_partager", args=[termine.pk])
    r = client.post(partager, {"partage": "oui"})
    assert r.status_code == 400 and "Aucun responsable" in r.content.decode()
    termine.refresh_from_db()
    assert not termine.partage_avec_responsable
    with pytest.raises(Refus, match="Aucun responsable"):
        services.partager(termine, ma_personne(agent), True)
    termine.refresh_from_db()
    assert not termine.partage_avec_responsable


def test_supprimer_mon_diagnostic(client, utilisateur_avec_role, agent, termine):
    supprimer = reverse("espace:competences_diagnostic_supprimer", args=[termine.pk])
    client.force_login(agent)
    assert "Supprimer mon diagnostic" in client.get(_resultat(termine)).content.decode()
    assert client.get(supprimer).status_code == 405
    r = client.post(supprimer, follow=True)
    assert r.status_code == 200 and "a été supprimé" in r.content.decode()
    assert not Diagnostic.objects.exists()


def test_service_supprimer_refuse_un_autre(utilisateur_avec_role, termine):
    with pytest.raises(Refus, match="Seule la personne"):
        services.supprimer(utilisateur_avec_role(Role.ADMINISTRATEUR), termine)
    assert Diagnostic.objects.filter(pk=termine.pk).exists()


def test_partage_refuse_pour_un_brouillon(agent):
    moi = ma_personne(agent)
    moi.responsable = PersonneFactory()
    moi.save()
    brouillon = services.enregistrer(moi, {"1.1": 2}).diagnostic
    with pytest.raises(Refus, match="Terminez d'abord"):
        services.partager(brouillon, moi, True)
    brouillon.refresh_from_db()
    assert not brouillon.partage_avec_responsable


def test_supprimer_un_brouillon(agent):
    moi = ma_personne(agent)
    brouillon = services.enregistrer(moi, {"1.1": 2}).diagnostic
    services.supprimer(agent, brouillon)
    assert Diagnostic.objects.brouillon_de(moi) is None


def test_formulaire_en_get_et_methodes(client, agent):
    client.force_login(agent)
    r = client.get(FORMULAIRE)
    assert r.status_code == 200 and "16 questions" in r.content.decode()
    assert client.put(FORMULAIRE).status_code == 405
