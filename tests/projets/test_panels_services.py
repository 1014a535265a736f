"""Services of the user panels: volunteering (consent required, nothing written otherwise; an
address already registered creates nothing), leaving (member deleted, answer kept anonymous),
consultations (past date refused, e-mails only to the targeted members), answers (closed or
not targeted refused, a second answer updates the first), results masked under 5, indicators
without demonstration content, the demonstration content and the command."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from sun.comptes.roles import Role
from sun.core.indicators import NON_AFFICHE, SEUIL_PERSONNES, Niveau, obtenir
from sun.projets.erreurs import Refus
from sun.projets.models import Avis, Consultation, MembrePanel
from sun.projets.panels import demo, services
from sun.projets.panels.resultats import resultats
from tests.projets.factories import ConsultationFactory, DemandeFactory, MembrePanelFactory

pytestmark = pytest.mark.django_db
BASE = "https://sun.example.org/"


def _inscription(**kw) -> services.Inscription:
    valeurs = {"prenom": "Camille", "courriel": "camille@example.org", "code_insee": "11069",
               "centres_interet": "démarches en ligne", "consentement": True}  # fmt: skip
    valeurs.update(kw)
    return services.Inscription(**valeurs)


def test_inscription_envoie_le_courriel_de_bienvenue_avec_le_lien_pour_quitter():
    membre = services.inscrire_usager(_inscription(), BASE)
    assert membre.type == "usager" and membre.code_insee == "11069" and len(membre.jeton) >= 40
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["camille@example.org"]
    assert f"/panel/quitter/{membre.jeton}/" in mail.outbox[0].body


@pytest.mark.parametrize(("champs", "champ"), [
    ({"consentement": False}, "consentement"),
    ({"prenom": "  "}, "prenom"),
    ({"courriel": "pas-une-adresse"}, "courriel"),
    ({"code_insee": "99999"}, "code_insee"),
    ({"code_insee": "Carcassonne"}, "code_insee"),
])  # fmt: skip
def test_inscription_refusee_sans_rien_ecrire(champs, champ):
    with pytest.raises(Refus) as exc:
        services.inscrire_usager(_inscription(**champs), BASE)
    assert exc.value.champ == champ and exc.value.message
    assert not MembrePanel.objects.exists() and not mail.outbox


def test_adresse_deja_inscrite_ne_cree_pas_de_second_membre():
    MembrePanelFactory(courriel="camille@example.org", prenom="Première")
    assert services.inscrire_usager(_inscription(courriel="Camille@Example.org "), BASE) is None
    assert MembrePanel.objects.count() == 1 and MembrePanel.objects.get().prenom == "Première"
    assert not mail.outbox


def test_commune_vide_acceptee():
    assert services.inscrire_usager(_inscription(code_insee=""), BASE).code_insee == ""


def test_quitter_supprime_le_membre_et_garde_l_avis_anonyme():
    membre = MembrePanelFactory(type="agent")
    c = ConsultationFactory()
    services.repondre(c, membre, "utile", "Pratique")
    services.quitter(membre)
    assert not MembrePanel.objects.exists()
    avis = Avis.objects.get()
    assert avis.membre is None and avis.type_membre == "agent" and avis.reponse == "utile"


def test_agent_rejoint_avec_son_compte(utilisateur_avec_role):
    user = utilisateur_avec_role(Role.AGENT)
    user.first_name, user.email = "Alix", "alix@aude.example"
    user.save()
    with pytest.raises(Refus):
        services.rejoindre_agent(user, False, "", BASE)
    assert not MembrePanel.objects.exists()
    membre = services.rejoindre_agent(user, True, "messagerie", BASE)
    assert (membre.type, membre.prenom, membre.courriel, membre.compte) == (
        "agent",
        "Alix",
        "alix@aude.example",
        user,
    )
    with pytest.raises(Refus):
        services.rejoindre_agent(user, True, "", BASE)
    assert MembrePanel.objects.count() == 1


def test_agent_sans_adresse_refuse(utilisateur_avec_role):
    with pytest.raises(Refus):
        services.rejoindre_agent(utilisateur_avec_role(Role.AGENT), True, "", BASE)
    assert not MembrePanel.objects.exists()


def _nouvelle(**kw) -> services.NouvelleConsultation:
    valeurs = {"question": "Utile ?", "close_le": timezone.localdate() + timedelta(days=7),
               "publics": "usager", "demande": DemandeFactory()}  # fmt: skip
    valeurs.update(kw)
    return services.NouvelleConsultation(**valeurs)


def test_consultation_envoyee_aux_seuls_membres_cibles(utilisateur_avec_role):
    user = utilisateur_avec_role(Role.INFORMATIQUE)
    usagers = [MembrePanelFactory(type="usager") for _ in range(2)]
    MembrePanelFactory(type="agent", courriel="agent@example.org")
    MembrePanelFactory(type="usager", courriel="demo@demo.invalid", demonstration=True)
    c = services.creer_consultation(user, _nouvelle(), BASE)
    assert c.envoyee_a == 2 and c.creee_par == user
    assert sorted(m.to[0] for m in mail.outbox) == sorted(u.courriel for u in usagers)
    for u in usagers:
        corps = next(m.body for m in mail.outbox if m.to == [u.courriel])
        assert f"/panel/avis/{c.pk}/{u.jeton}/" in corps


@pytest.mark.parametrize(("champs", "champ"), [
    ({"close_le": timezone.localdate() - timedelta(days=1)}, "close_le"),
    ({"close_le": None}, "close_le"),
    ({"question": " "}, "question"),
    ({"publics": "elus"}, "publics"),
    ({"demande": None}, "demande"),
])  # fmt: skip
def test_consultation_refusee_sans_rien_ecrire(utilisateur_avec_role, champs, champ):
    MembrePanelFactory()
    with pytest.raises(Refus) as exc:
        services.creer_consultation(utilisateur_avec_role(Role.PILOTE), _nouvelle(**champs),
                                    BASE)  # fmt: skip
    assert exc.value.champ == champ
    assert not Consultation.objects.exists() and not mail.outbox


def test_consultation_refusee_a_un_agent(utilisateur_avec_role):
    with pytest.raises(Refus):
        services.creer_consultation(utilisateur_avec_role(Role.AGENT), _nouvelle(), BASE)
    assert not Consultation.objects.exists()


def test_repondre_deux_fois_met_a_jour():
    membre, c = MembrePanelFactory(), ConsultationFactory()
    _a, mis_a_jour = services.repondre(c, membre, "utile")
    assert not mis_a_jour
    avis, mis_a_jour = services.repondre(c, membre, "genant", "Finalement non")
    assert mis_a_jour and Avis.objects.count() == 1
    assert (avis.reponse, avis.commentaire) == ("genant", "Finalement non")


def test_repondre_refuse_close_non_cible_ou_reponse_inconnue():
    membre = MembrePanelFactory(type="usager")
    close = ConsultationFactory(close_le=timezone.localdate() - timedelta(days=1))
    agents = ConsultationFactory(publics="agent")
    ouverte = ConsultationFactory()
    for c, reponse in ((close, "utile"), (agents, "utile"), (ouverte, "peut-etre")):
        with pytest.raises(Refus):
            services.repondre(c, membre, reponse)
    assert not Avis.objects.exists()


def _avis(c, n: int, type_membre="usager"):
    for i in range(n):
        m = MembrePanelFactory(type=type_membre)
        services.repondre(c, m, "utile" if i % 2 else "genant", f"Commentaire {i}")


def test_resultats_masques_sous_5():
    c = ConsultationFactory()
    _avis(c, SEUIL_PERSONNES - 1)
    r = resultats(c)
    assert r.masque and not r.lignes and not r.commentaires and "moins de 5" in r.message.lower()


def test_resultats_a_partir_de_5_et_type_peu_nombreux_masque():
    c = ConsultationFactory(publics="tous")
    _avis(c, SEUIL_PERSONNES)
    _avis(c, 2, "agent")
    r = resultats(c)
    assert not r.masque and r.total == SEUIL_PERSONNES + 2
    ensemble, agents, usagers = r.lignes
    assert ensemble.total == 7 and sum(ensemble.cellules) == 7
    # the agents' row is masked, and the residents' too (else 7 - 5 would give it back)
    assert agents.total == NON_AFFICHE and usagers.total == NON_AFFICHE
    assert usagers.cellules == [NON_AFFICHE] * 3
    assert len(r.commentaires) == 7


def test_resultats_detailles_par_type_a_partir_de_5_chacun():
    c = ConsultationFactory(publics="tous")
    _avis(c, SEUIL_PERSONNES)
    _avis(c, SEUIL_PERSONNES, "agent")
    _ensemble, agents, usagers = resultats(c).lignes
    assert agents.total == usagers.total == SEUIL_PERSONNES
    assert agents.cellules == [2, 0, 3]


def test_indicateurs_sans_la_demonstration_et_masques_sous_5():
    c = ConsultationFactory()
    membres = [MembrePanelFactory() for _ in range(SEUIL_PERSONNES)]
    services.repondre(c, membres[0], "utile")
    demo_c = ConsultationFactory(demande=DemandeFactory(demonstration=True))
    services.repondre(demo_c, MembrePanelFactory(demonstration=True), "utile")
    m = obtenir("projets.membres_panel").calculer(Niveau.DEPARTEMENT, "11")
    a = obtenir("projets.avis_panel").calculer(Niveau.DEPARTEMENT, "11")
    assert m.valeur == SEUIL_PERSONNES and "démonstration" in m.note and m.source and m.date
    assert a.valeur is None and "Moins de 5 avis" in a.note and "1 avis de démo" in a.note
    for membre in membres[1:]:
        services.repondre(c, membre, "genant")
    a = obtenir("projets.avis_panel").calculer(Niveau.DEPARTEMENT, "11")
    assert a.valeur == SEUIL_PERSONNES and "1 avis de démonstration" in a.note


def test_demo_idempotente():
    DemandeFactory(demonstration=True)
    lignes = demo.creer_demo()
    demo.creer_demo()
    assert lignes and MembrePanel.objects.filter(demonstration=True).count() == 12
    assert all(m.courriel.endswith("@demo.invalid") for m in MembrePanel.objects.all())
    assert Consultation.objects.count() == 1 and Avis.objects.count() == 7
    assert obtenir("projets.membres_panel").calculer(Niveau.DEPARTEMENT, "11").valeur == 0


def test_demo_sans_demande_de_demonstration():
    demo.creer_demo()
    assert MembrePanel.objects.count() == 12 and not Consultation.objects.exists()


def test_commande_panel(capsys):
    from sun.cli import main

    MembrePanelFactory(type="agent")
    ConsultationFactory()
    assert main(["projets", "panel"]) == 0
    sortie = capsys.readouterr().out
    assert "Agent du département : 1" in sortie and "Consultations ouvertes : 1" in sortie
