"""Plan files: the Aude schéma as default content, any département's plan, broken files."""

from pathlib import Path

import pytest
import yaml

from sun.pilotage.models import Action, Axe, Historique, Indicateur, Plan, ValeurIndicateur
from sun.pilotage.plan_fichier import PlanInvalide, charger

pytestmark = pytest.mark.django_db

AUDE = Path(__file__).resolve().parents[2] / "plans" / "aude.yaml"
ACTIONS_DU_SOMMAIRE = [
    "1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "2.5", "3.1", "3.2", "3.3", "4.1", "4.2", "4.3",
    "5.1", "5.2", "5.3", "5.4", "6.1", "6.2", "7.1", "7.2", "7.3", "7.4", "8.1", "8.2", "9.1", "9.2",
    "9.3", "10.1", "10.2", "10.3", "11.1", "11.2", "11.3", "11.4",
]  # fmt: skip


def test_plan_de_l_aude_fidele_au_document():
    rapport = charger(AUDE)
    plan = rapport.plan
    assert plan.axes.filter(niveau="axe").count() == 5
    orientations = plan.axes.filter(niveau="orientation")
    assert orientations.count() == 11
    assert (
        sorted(
            plan.actions.values_list("code", flat=True), key=lambda c: tuple(map(int, c.split(".")))
        )
        == ACTIONS_DU_SOMMAIRE
    )
    assert orientations.get(code="1").titre == (
        "Coconstruire et copiloter la feuille de route départementale de l'inclusion numérique"
    )
    assert orientations.get(code="11").parent.titre == "Numérique et pilotage"
    action = plan.actions.get(code="1.3")
    assert action.titre == "Cartographier l’offre de service en matière de médiation numérique"
    assert action.etapes.first().titre.startswith("Administrer la base de données")
    assert orientations.get(code="2").objectifs == [
        "Accompagner au numérique en proximité, en continu, individuellement et collectivement",
        "Pérenniser les emplois de médiateur numérique",
        "Favoriser le « aller vers »",
    ]
    appels = Indicateur.objects.get(code="appels-decroches")
    assert appels.valeurs.get().objectif == 85 and appels.calcul == "qualite.taux_decroche"
    assert sorted(appels.actions.values_list("code", flat=True)) == ["3.3", "4.2"]
    assert list(
        Indicateur.objects.get(code="reemploi-parc").valeurs.values_list("objectif", flat=True)
    ) == [25, 35, 50]
    assert Indicateur.objects.get(code="lieux-mediation").calcul == "inclusion.lieux"
    # France Numérique Ensemble figures are followed by the copiloting action 1.1.
    fne = Indicateur.objects.get(code="fne-accompagnements")
    assert fne.calcul == "fne.accompagnements" and "1.1" in fne.actions.values_list(
        "code", flat=True
    )


def test_recharger_ne_change_rien_puis_suit_les_modifications(tmp_path):
    charger(AUDE)
    assert charger(AUDE).compteurs == {"crees": 0, "modifies": 0, "inchanges": 107}
    donnees = yaml.safe_load(AUDE.read_text(encoding="utf-8"))
    donnees["axes"][0]["orientations"][0]["actions"][0]["statut"] = "en_cours"
    del donnees["axes"][0]["orientations"][0]["actions"][1]
    for indicateur in donnees["indicateurs"]:  # the network indicator followed action 1.2 too
        indicateur["actions"] = [a for a in indicateur.get("actions", []) if a != "1.2"]
    modifie = tmp_path / "plan.yaml"
    modifie.write_text(yaml.safe_dump(donnees, allow_unicode=True), encoding="utf-8")
    rapport = charger(modifie)
    assert rapport.compteurs["modifies"] == 2 and rapport.absents == ["action 1.2"]
    assert Action.objects.get(code="1.1").statut == "en_cours"
    assert Action.objects.filter(code="1.2").exists()  # kept, with its history
    changement = Historique.objects.filter(code="1.1").first()
    assert changement.changements == {"statut": ["a_venir", "en_cours"]}


PLAN_MINIMAL = {
    "plan": {"code": "test", "titre": "Plan de test", "debut": 2025, "fin": 2027},
    "axes": [{"code": "A1", "titre": "Axe", "orientations": [
        {"code": "1", "titre": "Orientation", "actions": [
            {"code": "1.1", "titre": "Action", "date_debut": "2025-01-01", "date_fin_prevue": "2025-12-31",
             "sous_actions": [{"code": "1.1.1", "titre": "Sous-action"}]}]}]}],
    "indicateurs": [{"code": "i1", "libelle": "Indicateur", "actions": ["1.1.1"],
                     "valeurs": [{"date": "2025-12-31", "objectif": 10, "source": "Saisie"}]}],
}  # fmt: skip


def _ecrire(tmp_path, donnees) -> Path:
    chemin = tmp_path / "plan.yaml"
    chemin.write_text(yaml.safe_dump(donnees, allow_unicode=True), encoding="utf-8")
    return chemin


def test_plan_d_un_autre_departement(tmp_path):
    rapport = charger(_ecrire(tmp_path, PLAN_MINIMAL))
    assert rapport.compteurs["crees"] == 6
    sous_action = Action.objects.get(code="1.1.1")
    assert sous_action.parent.code == "1.1" and sous_action.indicateurs.get().code == "i1"
    assert ValeurIndicateur.objects.get().objectif == 10


def test_fichier_avec_erreurs_refuse_entier_avec_chaque_erreur(tmp_path):
    donnees = yaml.safe_load(yaml.safe_dump(PLAN_MINIMAL))
    del donnees["plan"]["titre"]
    action = donnees["axes"][0]["orientations"][0]["actions"][0]
    action["date_fin_prevue"] = "2025-13-45"
    action["statut"] = "fini"
    action["couleur"] = "rouge"
    action["sous_actions"][0]["code"] = "1.1"
    action["sous_actions"][0]["sous_actions"] = []
    donnees["indicateurs"][0]["calcul"] = "inconnu.indicateur"
    donnees["indicateurs"][0]["actions"] = ["9.9"]
    with pytest.raises(PlanInvalide) as erreur:
        charger(_ecrire(tmp_path, donnees))
    texte = "\n".join(erreur.value.erreurs)
    for attendu in ["plan.titre : paramètre obligatoire", "date_fin_prevue : date invalide",
                    "statut : valeur non admise", "couleur : champ inconnu", "sous_actions.0.sous_actions : champ inconnu"]:  # fmt: skip
        assert attendu in texte, texte
    assert Plan.objects.count() == 0 and Axe.objects.count() == 0
    # Structure is fine, cross-checks fail: duplicate code, unknown indicator and action.
    donnees = yaml.safe_load(yaml.safe_dump(PLAN_MINIMAL))
    donnees["axes"][0]["orientations"][0]["actions"][0]["sous_actions"][0]["code"] = "1.1"
    donnees["indicateurs"][0].update(calcul="inconnu.indicateur", actions=["9.9"])
    with pytest.raises(PlanInvalide) as erreur:
        charger(_ecrire(tmp_path, donnees))
    texte = "\n".join(erreur.value.erreurs)
    for attendu in ["code « 1.1 » déjà utilisé", "indicateur inconnu de SUN « inconnu.indicateur »",
                    "action inconnue « 9.9 »", "niveau : obligatoire"]:  # fmt: skip
        assert attendu in texte, texte
    assert Plan.objects.count() == 0


@pytest.mark.parametrize(
    ("contenu", "message"),
    [
        ("plan: [", "YAML invalide"),
        ("- une liste", "sections « plan » et « axes »"),
        ("", "sections"),
    ],
)
def test_fichier_illisible(tmp_path, contenu, message):
    chemin = tmp_path / "plan.yaml"
    chemin.write_text(contenu, encoding="utf-8")
    with pytest.raises(PlanInvalide) as erreur:
        charger(chemin)
    assert message in erreur.value.erreurs[0]


def test_un_administrateur_amende_le_plan_sans_fichier(client, utilisateur_avec_role):
    from sun.comptes.roles import Role

    charger(AUDE)
    action = Action.objects.get(code="1.3")
    client.force_login(utilisateur_avec_role(Role.PILOTE))
    assert client.get("/admin/pilotage/action/").status_code in (302, 403)
    client.force_login(utilisateur_avec_role(Role.ADMINISTRATEUR))
    for adresse in ["/admin/pilotage/action/", f"/admin/pilotage/action/{action.pk}/change/",
                    "/admin/pilotage/indicateur/", "/admin/pilotage/axe/", "/admin/pilotage/plan/"]:  # fmt: skip
        assert client.get(adresse).status_code == 200, adresse


def test_chargements_de_plan_au_journal_des_imports(tmp_path):
    from sun.core.models import JournalImport

    charger(AUDE)
    casse = tmp_path / "plan.yaml"
    casse.write_text("plan: [", encoding="utf-8")
    with pytest.raises(PlanInvalide):
        charger(casse)
    reussi, refuse = JournalImport.objects.filter(genre="plan").order_by("pk")
    assert reussi.statut == "enregistre" and reussi.compteurs["nouveaux"] == 107
    assert refuse.statut == "refuse" and "YAML invalide" in refuse.message
