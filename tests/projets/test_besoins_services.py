"""The needs' writes: a draft is saved even incomplete, submission is refused with the list of
what is missing (nothing changed) and accepted once complete, a submitted need is no longer
editable, only the IT service and administrators change its status; the template, the
indicator and the demonstration content."""

import pytest
from django.utils import timezone

from sun.competences.services import choisir_ma_direction
from sun.comptes.roles import Role
from sun.core.indicators import Niveau, obtenir
from sun.projets.besoins import demo, modele, services
from sun.projets.erreurs import Refus
from sun.projets.models import ExpressionBesoin
from tests.competences.factories import DirectionFactory
from tests.projets.fabriques_besoins import besoin_complet
from tests.projets.factories import BesoinFactory, OutilFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def agent(utilisateur_avec_role):
    return utilisateur_avec_role(Role.AGENT)


def _saisie(direction=None, **kwargs):
    valeurs = {"titre": "Réserver les salles", "direction": direction, "sections": {},
               "criteres": []}  # fmt: skip
    valeurs.update(kwargs)
    return services.Saisie(**valeurs)


def test_le_modele_couvre_chaque_section_du_besoin():
    champs = {f.name for f in ExpressionBesoin._meta.fields}
    assert len(modele.SECTIONS) == 9 and set(modele.CODES_SECTIONS) <= champs
    assert all(s.aide and s.exemple for s in modele.SECTIONS)
    assert 8 <= len(modele.CRITERES_SOBRIETE) <= 12
    assert "RGAA" in modele.section("accessibilite").aide


def test_un_brouillon_incomplet_est_enregistre(agent):
    d = DirectionFactory()
    outil = OutilFactory()
    b = services.creer(agent, _saisie(d, outil=outil, sections={"contexte": " Trop de mails "},
                                      criteres=["licence_libre", "pages_legeres"]))  # fmt: skip
    b.refresh_from_db()
    assert b.statut == "brouillon" and b.redige_par == agent and b.outil == outil
    assert b.contexte == "Trop de mails" and b.utilisateurs == ""
    # Kept in the template's order.
    assert b.criteres_sobriete == ["pages_legeres", "licence_libre"]
    assert modele.texte_completude(b) == "1 section sur 9 renseignée"


@pytest.mark.parametrize("changement, champ", [
    ({"titre": "  "}, "titre"), ({"titre": "x" * 201}, "titre"), ({"direction": None}, "direction"),
    ({"criteres": ["inconnu"]}, "criteres_sobriete"),
])  # fmt: skip
def test_saisie_refusee_rien_ecrit(agent, changement, champ):
    saisie = _saisie(**{"direction": DirectionFactory(), **changement})
    with pytest.raises(Refus) as exc:
        services.creer(agent, saisie)
    assert exc.value.champ == champ and "rien n'a été enregistré" in exc.value.message
    assert not ExpressionBesoin.objects.exists()


def test_soumission_refusee_quand_incomplet(agent):
    b = BesoinFactory(redige_par=agent, contexte="Pourquoi", volumes="200 par semaine")
    avant = ExpressionBesoin.objects.filter(pk=b.pk).values().get()
    with pytest.raises(Refus) as exc:
        services.soumettre(agent, b)
    message = exc.value.message
    assert "Services attendus" in message and "Accessibilité" in message
    assert "au moins un critère de sobriété" in message
    assert "Contexte et objectifs" not in message and "Volumes" not in message
    assert ExpressionBesoin.objects.filter(pk=b.pk).values().get() == avant


def test_soumission_acceptee_quand_complet_puis_plus_modifiable(agent):
    b = besoin_complet(redige_par=agent)
    services.soumettre(agent, b)
    b.refresh_from_db()
    assert b.statut == "soumis" and b.soumis_le is not None
    with pytest.raises(Refus, match="plus modifiable"):
        services.modifier(agent, b, _saisie(b.direction, titre="Autre titre"))
    with pytest.raises(Refus):
        services.soumettre(agent, b)
    b.refresh_from_db()
    assert b.titre != "Autre titre"


def test_un_autre_agent_ne_modifie_pas(agent, utilisateur_avec_role):
    b = BesoinFactory(redige_par=agent)
    autre = utilisateur_avec_role(Role.AGENT, identifiant="autre")
    with pytest.raises(Refus):
        services.modifier(autre, b, _saisie(b.direction, titre="Pris"))
    it = utilisateur_avec_role(Role.INFORMATIQUE)
    services.modifier(it, b, _saisie(b.direction, titre="Corrigé"))
    b.refresh_from_db()
    assert b.titre == "Corrigé" and b.redige_par == agent


def test_changer_statut_seulement_informatique_et_admin(agent, utilisateur_avec_role):
    b = besoin_complet(redige_par=agent, statut="soumis")
    with pytest.raises(Refus):
        services.changer_statut(agent, b, "retenu")
    it = utilisateur_avec_role(Role.INFORMATIQUE)
    with pytest.raises(Refus):
        services.changer_statut(it, b, "brouillon")
    services.changer_statut(it, b, "etudie")
    b.refresh_from_db()
    assert b.statut == "etudie"
    brouillon = BesoinFactory()
    with pytest.raises(Refus, match="brouillon"):
        services.changer_statut(utilisateur_avec_role(Role.ADMINISTRATEUR), brouillon, "retenu")
    brouillon.refresh_from_db()
    assert brouillon.statut == "brouillon"


def test_direction_par_defaut(agent):
    assert services.direction_par_defaut(agent) is None
    d = DirectionFactory()
    choisir_ma_direction(agent, d)
    assert services.direction_par_defaut(agent) == d


def test_indicateur_exclut_demonstration_et_brouillons(agent):
    d, autre = DirectionFactory(code="dsi"), DirectionFactory(code="drh")

    besoin_complet(direction=d, statut="soumis", soumis_le=timezone.now())
    besoin_complet(direction=d, statut="retenu", soumis_le=timezone.now())
    besoin_complet(direction=autre, statut="etudie", soumis_le=timezone.now())
    besoin_complet(direction=d, statut="soumis", soumis_le=timezone.now(), demonstration=True)
    besoin_complet(direction=d)  # complete but still a draft
    BesoinFactory(direction=d, statut="soumis", soumis_le=timezone.now())  # incomplete
    ind = obtenir("projets.besoins_formalises")
    v = ind.calculer(Niveau.DEPARTEMENT, "11")
    assert v.valeur == 3 and v.source == "Expressions de besoin (SUN)" and v.date is not None
    assert "1 besoins de démonstration non compté" in v.note
    assert ind.calculer(Niveau.DIRECTION, "dsi").valeur == 2
    assert ind.calculer(Niveau.DIRECTION, "drh").valeur == 1


def test_indicateur_vide_sans_date():
    v = obtenir("projets.besoins_formalises").calculer(Niveau.DEPARTEMENT, "11")
    assert v.valeur == 0 and v.date is None


def test_demo_deux_fois_sans_doublon():
    lignes = demo.creer_demo()
    assert lignes and "DÉMONSTRATION" in lignes[0]
    demo.creer_demo()
    qs = ExpressionBesoin.objects.all()
    assert qs.count() == 5 and qs.filter(demonstration=False).count() == 0
    assert len(set(qs.values_list("statut", flat=True))) >= 4
    assert obtenir("projets.besoins_formalises").calculer(Niveau.DEPARTEMENT, "11").valeur == 0
