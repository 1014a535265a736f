"""Services Publics+: the reference file of the 8 commitments (loaded twice, refused whole when
wrong), the writes of self-assessments and actions, the indicators of the wing, the relation
indicators per service, and the results assembled from the registry (never invented,
demonstration apart, unknown indicators « non mesuré »). The small helpers below create calls
and answers directly; the other test files of the wing import them."""

import itertools
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from sun.core import indicators as registre
from sun.core.indicators import Niveau, obtenir
from sun.qualite.engagements import queries, resultats
from sun.qualite.engagements.referentiel import (
    ReferentielInvalide,
    charger_engagements,
    lire,
    referentiel,
)
from sun.qualite.engagements.services import (
    SaisieAction,
    SaisieInvalide,
    creer_action,
    enregistrer_auto_evaluations,
    modifier_action,
)
from sun.qualite.models import (
    ActionAmelioration,
    Appel,
    AutoEvaluation,
    Avis,
    Engagement,
    FileAttente,
)
from sun.relation.models import Canal
from tests.relation.factories import DemarcheFactory, ServiceFactory
from tests.relation.test_statistiques import creer

pytestmark = pytest.mark.django_db
JOUR = date(2025, 6, 16)
_numeros = itertools.count(1)


# --- small local helpers (calls, answers, fixed day) -------------------------------------


def file_de(service, *, demonstration=False, abandon_court_s=5, code=None) -> FileAttente:
    return FileAttente.objects.create(
        code=code or f"file-{service.code}-{next(_numeros)}", nom=f"Accueil {service.nom}",
        service=service, abandon_court_s=abandon_court_s, demonstration=demonstration,
    )  # fmt: skip


def appels(file, n, issue="decroche", *, jour=date(2025, 3, 3), attente_s=30, demonstration=False):
    debut = timezone.make_aware(datetime.combine(jour, datetime.min.time()) + timedelta(hours=10))
    return Appel.objects.bulk_create([
        Appel(file=file, source="test", identifiant=f"a{next(_numeros)}", debut=debut, jour=jour,
              jour_semaine=jour.isoweekday(), demi_heure=20, issue=issue, attente_s=attente_s,
              demonstration=demonstration)
        for _ in range(n)
    ])  # fmt: skip


def avis(n, satisfaction="good", *, service=None, demarche=None, demonstration=False,
         jour=date(2025, 4, 1)):  # fmt: skip
    recu = timezone.make_aware(datetime.combine(jour, datetime.min.time()) + timedelta(hours=9))
    return Avis.objects.bulk_create([
        Avis(recu_le=recu, emplacement="demarche", satisfaction=satisfaction, service=service,
             demarche=demarche, demonstration=demonstration)
        for _ in range(n)
    ])  # fmt: skip


def en_ligne(service, slug=None):
    return DemarcheFactory(service=service, slug=slug or f"d-{next(_numeros)}",
                           canaux=[{"type": "en_ligne", "outil": "sun"}])  # fmt: skip


@pytest.fixture
def jour_fixe(monkeypatch):
    """Today is JOUR (at 10:00) for `timezone.localdate()` and `timezone.now()`, so that the
    dates Django stamps (`auto_now`) agree with it."""
    vraie = timezone.localdate
    maintenant = timezone.make_aware(datetime.combine(JOUR, datetime.min.time())
                                     + timedelta(hours=10))  # fmt: skip

    def localdate(value=None, timezone=None):
        return JOUR if value is None else vraie(value, timezone)

    monkeypatch.setattr("django.utils.timezone.localdate", localdate)
    monkeypatch.setattr("django.utils.timezone.now", lambda: maintenant)
    return JOUR


@pytest.fixture
def engagements():
    charger_engagements()
    return list(Engagement.objects.order_by("numero"))


# --- reference data ----------------------------------------------------------------------


def test_referentiel_livre_8_engagements_et_chargement_idempotent():
    ref = referentiel()
    assert [e.numero for e in ref.engagements] == list(range(1, 9))
    assert ref.date == date(2024, 7, 18) and "juillet 2024" in ref.source
    assert "qualite.taux_decroche" in ref.indicateurs(2)
    premier = charger_engagements()
    assert len(premier.crees) == 8 and not premier.modifies
    Engagement.objects.filter(numero=3).update(titre="Ancien titre")
    second = charger_engagements()
    assert second.crees == [] and second.modifies == [3] and len(second.inchanges) == 7
    assert charger_engagements().inchanges == list(range(1, 9))
    assert Engagement.objects.count() == 8
    assert Engagement.objects.get(numero=3).titre == ref.engagements[2].titre


@pytest.mark.parametrize("contenu, message", [
    ("engagements: 3", "liste « engagements »"),
    ("source: x\ndate: 2024-07-18\nengagements:\n  - numero: 1\n    titre: T\n    description: D\n",
     "8 engagements"),
    ("source: x\ndate: hier\nengagements:\n  - {numero: 1, titre: T, description: D}\n"
     "  - {numero: 1, titre: U, description: E}\n", "même numéro"),
    ("source: x\ndate: 2024-07-18\nengagements:\n  - {numero: deux, titre: T}\n", "entier"),
    ("a: [", "illisible"),
])  # fmt: skip
def test_referentiel_invalide_refuse_entier(tmp_path, contenu, message):
    fichier = tmp_path / "ref.yaml"
    fichier.write_text(contenu, encoding="utf-8")
    with pytest.raises(ReferentielInvalide) as exc:
        charger_engagements(fichier)
    assert message in str(exc.value)
    assert Engagement.objects.count() == 0


def test_referentiel_livre_relu_sans_erreur():
    assert len(lire(Path(resultats.__file__).with_name("referentiel.yaml")).engagements) == 8


# --- writes ------------------------------------------------------------------------------


def test_auto_evaluation_et_actions(engagements, utilisateur_avec_role):
    auteur = utilisateur_avec_role()
    service = ServiceFactory(code="mds-narbonne")
    n = enregistrer_auto_evaluations(service, 2025, {
        engagements[0].pk: ("atteint", " Accueil formé. "), engagements[1].pk: ("", ""),
    }, auteur, JOUR)  # fmt: skip
    assert n == 1
    e = AutoEvaluation.objects.get()
    assert (e.niveau, e.constat, e.annee) == ("atteint", "Accueil formé.", 2025)
    enregistrer_auto_evaluations(service, 2025, {engagements[0].pk: ("en_cours", "")}, auteur,
                                 JOUR)  # fmt: skip
    assert AutoEvaluation.objects.get().niveau == "en_cours"
    with pytest.raises(SaisieInvalide, match="année"):
        enregistrer_auto_evaluations(service, 2031, {engagements[0].pk: ("atteint", "")},
                                     auteur, JOUR)  # fmt: skip
    with pytest.raises(SaisieInvalide, match="Niveau inconnu"):
        enregistrer_auto_evaluations(service, 2025, {engagements[2].pk: ("parfait", "")},
                                     auteur, JOUR)  # fmt: skip
    assert AutoEvaluation.objects.count() == 1  # all or nothing

    action = creer_action(service, SaisieAction("Rappeler sous 48 h", engagements[1],
                                                statut="en_cours", avancement=40), auteur)  # fmt: skip
    assert action.avancement == 40 and action.publique
    modifier_action(action, SaisieAction("Rappeler sous 48 h", None, statut="realisee",
                                         avancement=60), auteur)  # fmt: skip
    action.refresh_from_db()
    assert action.statut == "realisee" and action.avancement == 100  # done is 100 %
    for mauvaise, message in [(SaisieAction(" ", None), "intitulé"),
                              (SaisieAction("X", None, avancement=120), "pourcentage"),
                              (SaisieAction("X", None, statut="prevue", avancement=100), "réalisée")]:  # fmt: skip
        with pytest.raises(SaisieInvalide, match=message):
            creer_action(service, mauvaise, auteur)
    assert ActionAmelioration.objects.count() == 1


def test_actions_de_l_annee_et_en_retard(engagements):
    service = ServiceFactory(code="routes")

    def action(intitule, statut, echeance, cree):
        a = creer_action(service, SaisieAction(intitule, None, statut=statut, echeance=echeance),
                         None)  # fmt: skip
        ActionAmelioration.objects.filter(pk=a.pk).update(
            cree_le=timezone.make_aware(datetime(cree, 3, 1)),
            date_maj=timezone.make_aware(datetime(cree, 3, 1)),
        )  # fmt: skip
        return a

    ouverte = action("Ouverte depuis 2023", "en_cours", date(2024, 1, 31), 2023)
    finie = action("Finie en 2024", "realisee", date(2024, 6, 30), 2024)
    future = action("Engagée en 2025", "prevue", date(2026, 1, 31), 2025)
    du = {a: {x.intitule for x in queries.actions().de_l_annee(a)} for a in (2023, 2024, 2025)}
    assert du[2023] == {ouverte.intitule}
    assert du[2024] == {ouverte.intitule, finie.intitule}
    assert du[2025] == {ouverte.intitule, future.intitule}
    assert list(queries.actions().en_retard(JOUR)) == [ouverte]
    assert queries.annees(JOUR, service.pk) == [2026, 2025, 2024]


# --- indicators --------------------------------------------------------------------------


def test_demarches_satisfaisantes_par_demarche_et_service():
    social, routes = ServiceFactory(code="social"), ServiceFactory(code="routes")
    bonne, moyenne, petite = en_ligne(social), en_ligne(social), en_ligne(routes)
    papier = DemarcheFactory(service=social)  # no online channel: not counted
    avis(5, "good", demarche=bonne)  # 10/10
    avis(3, "good", demarche=moyenne)
    avis(3, "medium", demarche=moyenne)  # (30 + 15) / 6 = 7.5 < 8
    avis(4, "good", demarche=petite)  # fewer than 5: left out, and said
    avis(9, "bad", demarche=papier)
    avis(20, "good", demarche=moyenne, demonstration=True)
    valeur = obtenir("qualite.demarches_satisfaisantes").calculer(Niveau.DEPARTEMENT, "11")
    assert valeur.valeur == 50.0 and valeur.date == date(2025, 4, 1)
    assert "1 sur 2 démarches" in valeur.note and "1 démarche en ligne écartée" in valeur.note
    assert "démonstration" in valeur.note
    assert obtenir("qualite.demarches_satisfaisantes").calculer("service", "routes").valeur is None
    assert obtenir("qualite.demarches_satisfaisantes").calculer("service", "social").valeur == 50.0
    Canal.objects.create(demarche=bonne, ordre=5, type="en_ligne", outil="sun")
    assert obtenir("qualite.demarches_satisfaisantes").calculer("service", "social").valeur == 50.0


def test_nombre_avis_masque_sous_5_et_relation_par_service():
    social = ServiceFactory(code="social")
    avis(4, service=social)
    v = obtenir("qualite.nombre_avis").calculer(Niveau.SERVICE, "social")
    assert v.valeur is None and "Moins de 5" in v.note
    avis(1, service=social)
    assert obtenir("qualite.nombre_avis").calculer(Niveau.SERVICE, "social").valeur == 5
    routes = ServiceFactory(code="routes")
    recue = date(2020, 1, 10)
    creer(DemarcheFactory(service=social), 5, recue_le=recue, jours=10, dans_les_temps=True)
    creer(DemarcheFactory(service=routes), 5, recue_le=recue, jours=30, dans_les_temps=False)
    creer(DemarcheFactory(service=routes), 1, recue_le=recue, jours=30, dans_les_temps=True)
    creer(DemarcheFactory(service=routes), 7, recue_le=recue, jours=2, demonstration=True)

    def v(code, niveau, c):
        return obtenir(code).calculer(niveau, c).valeur

    assert v("relation.part_dans_les_temps", "service", "social") == 100.0
    assert v("relation.part_dans_les_temps", "service", "routes") == round(100 / 6, 1)
    assert v("relation.part_dans_les_temps", "departement", "11") == round(600 / 11, 1)
    assert v("relation.delai_median", "service", "routes") == 30
    assert v("relation.delai_median", "departement", "11") == 30
    assert v("relation.demandes", "service", "routes") == 6
    # Under 5 decided requests, neither share nor delay is shown.
    creer(DemarcheFactory(service=ServiceFactory(code="petit")), 4, recue_le=recue, jours=3,
          dans_les_temps=True)  # fmt: skip
    petit = obtenir("relation.part_dans_les_temps").calculer("service", "petit")
    assert petit.valeur is None and "Moins de 5" in petit.note
    assert v("relation.delai_median", "service", "petit") is None
    assert "7 demandes de démonstration" in obtenir("relation.demandes").calculer(
        "service", "routes").note  # fmt: skip


def test_services_objectif_et_auto_evalues(engagements, jour_fixe):
    a, b, c = (ServiceFactory(code=x) for x in ("a", "b", "c"))
    appels(file_de(a), 9)
    appels(file_de(a), 1, "abandon_attente", attente_s=60)  # 90 %
    appels(file_de(b), 8)
    appels(file_de(b), 2, "rappel")  # 80 %
    appels(file_de(c, demonstration=True), 50, demonstration=True)
    v = obtenir("qualite.services_objectif_decroche").calculer(Niveau.DEPARTEMENT, "11")
    assert v.valeur == 50.0 and "1 service(s) sur 2" in v.note
    enregistrer_auto_evaluations(a, 2025, {e.pk: ("en_cours", "") for e in engagements}, None,
                                 JOUR)  # fmt: skip
    enregistrer_auto_evaluations(b, 2025, {engagements[0].pk: ("atteint", "")}, None, JOUR)
    v = obtenir("qualite.services_auto_evalues").calculer(Niveau.DEPARTEMENT, "11")
    assert v.valeur == round(100 / 3, 1) and "1 service(s) sur 3, année 2025" in v.note


# --- results assembled from the registry -------------------------------------------------


def test_resultats_d_un_service_lus_dans_le_registre(engagements):
    social = ServiceFactory(code="social")
    file = file_de(social, abandon_court_s=8)
    appels(file, 17)
    appels(file, 3, "abandon_attente", attente_s=40)
    appels(file, 5, "abandon_attente", attente_s=3)  # shorter than 8 s: not counted
    appels(file, 4, "hors_horaires")
    avis(6, "good", service=social)
    avis(2, "medium", service=social)
    r = resultats.resultats_service(social, JOUR)
    taux = r.chiffre("qualite.taux_decroche")
    assert taux.mesure and taux.valeur == 85.0 and taux.texte == "85 %"
    assert taux.date == date(2025, 3, 3) and taux.source and taux.definition
    assert "8 secondes" in r.seuil_abandon
    sat = r.chiffre("qualite.satisfaction")
    assert sat.valeur == 8.8 and sat.texte == "8,8 sur 10"
    assert r.chiffre("qualite.nombre_avis").texte == "8 avis"
    assert r.chiffre("relation.part_dans_les_temps").texte == "pas encore mesuré"
    assert r.chiffre("relation.demandes").texte == "pas encore mesuré"  # none recorded
    assert not r.aucun_chiffre_reel and not r.demonstration_seule


def test_indicateur_inconnu_non_mesure_et_demonstration_seule(monkeypatch):
    social = ServiceFactory(code="social")
    appels(file_de(social, demonstration=True), 40, demonstration=True)
    avis(30, service=social, demonstration=True)
    avis(3, service=social)
    r = resultats.resultats_service(social, JOUR)
    simplicite = r.chiffre("qualite.simplicite_langage")
    if simplicite.etat == resultats.Etat.NON_MESURE:
        assert simplicite.texte == "non mesuré" and simplicite.valeur is None
    assert r.chiffre("qualite.taux_decroche").texte == "pas encore mesuré"
    assert r.chiffre("qualite.nombre_avis").texte == "non affiché (moins de 5)"
    assert r.demonstration_seule and r.aucun_chiffre_reel
    # An indicator missing from the registry is « non mesuré », never a crash or a zero.
    monkeypatch.delitem(registre._REGISTRE, "qualite.satisfaction")
    sat = resultats.resultats_service(social, JOUR).chiffre("qualite.satisfaction")
    assert sat.etat == resultats.Etat.NON_MESURE and sat.texte == "non mesuré"
    # Not computed at that level: « non mesuré » too.
    assert resultats.chiffre("relation.part_en_ligne", Niveau.SERVICE, "social").texte == (
        "non mesuré")  # fmt: skip


def test_nombres_en_francais():
    assert resultats.nombre(1234567) == "1\u202f234\u202f567"
    assert resultats.nombre(82.45) == "82,5" and resultats.nombre(12.0) == "12"
