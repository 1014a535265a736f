"""Steering in the agent space and the public progress page, checked per role."""

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from sun.comptes.roles import Role
from sun.pilotage.models import (
    Action,
    Historique,
    Indicateur,
    LigneBudget,
    NoteSuivi,
    ValeurIndicateur,
)
from sun.pilotage.plan_fichier import charger
from sun.pilotage.services import calculer_indicateurs
from tests.outils import texte

pytestmark = pytest.mark.django_db

AUDE = Path(__file__).resolve().parents[2] / "plans" / "aude.yaml"


@pytest.fixture
def plan():
    return charger(AUDE).plan


@pytest.fixture
def pilote_de_1_3(plan, utilisateur_avec_role):
    """An agent who pilots action 1.3 only."""
    utilisateur = utilisateur_avec_role(Role.AGENT, identifiant="pilote-cartographie")
    Action.objects.get(code="1.3").pilotes.add(utilisateur)
    return utilisateur


def test_page_publique_d_avancement(client, plan):
    action = Action.objects.get(code="1.3")
    action.statut = "realise"
    action.save()
    NoteSuivi.objects.create(
        action=action, date=date(2025, 3, 1), texte="Note interne confidentielle"
    )
    LigneBudget.objects.create(action=action, annee=2025, type="fonctionnement", prevu=12000)
    page = texte(client.get("/avancement/"))
    assert "36 actions, dont 1 réalisée (3 %)" in page
    assert (
        "1. Coconstruire et copiloter" in page and "Taux d'appels téléphoniques décrochés" in page
    )
    assert "85,0 % en 2025" in page
    assert (
        "Note interne confidentielle" not in page and "12000" not in page and "12 000" not in page
    )


@pytest.mark.parametrize(
    ("role", "lecture"),
    [(Role.AGENT, 200), (Role.PILOTE, 200), (Role.ADMINISTRATEUR, 200), (Role.MEDIATEUR, 403), (None, 403)],
)  # fmt: skip
def test_lecture_par_role(client, plan, utilisateur_avec_role, role, lecture):
    client.force_login(utilisateur_avec_role(role) if role else utilisateur_avec_role())
    assert client.get("/espace/pilotage/").status_code == lecture
    action = Action.objects.get(code="2.1")
    assert client.get(f"/espace/pilotage/actions/{action.pk}/").status_code == lecture


def test_anonyme_renvoye_a_la_connexion(client, plan):
    assert client.get("/espace/pilotage/")["Location"].startswith("/se-connecter/")


def test_un_pilote_modifie_ses_actions_seulement(
    client, plan, pilote_de_1_3, utilisateur_avec_role
):
    client.force_login(pilote_de_1_3)
    sienne, autre = Action.objects.get(code="1.3"), Action.objects.get(code="1.1")
    reponse = client.post(f"/espace/pilotage/actions/{sienne.pk}/", {
        "quoi": "action", "statut": "en_cours", "priorite": "elevee", "date_debut": "2025-01-01",
        "date_fin_prevue": "2025-06-30", "description": "", "objectifs": ""})  # fmt: skip
    assert reponse.status_code == 302
    sienne.refresh_from_db()
    assert sienne.statut == "en_cours" and sienne.date_fin_prevue == date(2025, 6, 30)
    changement = Historique.objects.filter(code="1.3", auteur=pilote_de_1_3).first()
    assert changement.changements["statut"] == ["a_venir", "en_cours"]
    assert (
        client.post(
            f"/espace/pilotage/actions/{autre.pk}/", {"quoi": "action", "statut": "realise"}
        ).status_code
        == 403
    )
    # A pilot (role) reads everything and edits nothing; an administrator edits everything.
    client.force_login(utilisateur_avec_role(Role.PILOTE))
    assert (
        client.post(
            f"/espace/pilotage/actions/{sienne.pk}/",
            {"quoi": "note", "date": "2025-02-01", "texte": "x"},
        ).status_code
        == 403
    )
    client.force_login(utilisateur_avec_role(Role.ADMINISTRATEUR))
    assert client.post(f"/espace/pilotage/actions/{autre.pk}/", {"quoi": "note", "date": "2025-02-01",
                                                                 "texte": "Réunion de lancement tenue"}).status_code == 302  # fmt: skip
    assert NoteSuivi.objects.get(action=autre).texte == "Réunion de lancement tenue"


def test_etapes_notes_et_erreurs(client, plan, pilote_de_1_3):
    client.force_login(pilote_de_1_3)
    action = Action.objects.get(code="1.3")
    etape = action.etapes.first()
    client.post(f"/espace/pilotage/actions/{action.pk}/", {"quoi": "etape", "etape": etape.pk})
    etape.refresh_from_db()
    assert etape.realisee
    reponse = client.post(f"/espace/pilotage/actions/{action.pk}/", {
        "quoi": "action", "statut": "en_cours", "priorite": "moyenne", "date_debut": "2025-06-01",
        "date_fin_prevue": "2025-01-01"})  # fmt: skip
    assert reponse.status_code == 200 and "La fin prévue ne peut pas précéder le début" in texte(
        reponse
    )
    page = texte(client.get(f"/espace/pilotage/actions/{action.pk}/"))
    assert "Étape réalisée : Administrer la base de données" in page


def test_tableau_de_bord_filtres_retards_et_exports(client, plan, pilote_de_1_3):
    Action.objects.filter(code="2.1").update(date_fin_prevue=date(2020, 1, 1), statut="en_cours")
    client.force_login(pilote_de_1_3)
    page = texte(client.get("/espace/pilotage/", {"retard": "1"}))
    assert (
        "1 action." in page
        and "2.1 Définir des orientations partagées" in page
        and "en retard" in page
    )
    page = texte(client.get("/espace/pilotage/", {"pilote": pilote_de_1_3.pk}))
    assert "1.3 Cartographier" in page and "2.1 Définir" not in page
    csv = client.get("/espace/pilotage/", {"format": "csv", "axe": "A1"})
    contenu = csv.content.decode("utf-8-sig")
    assert csv["Content-Type"].startswith("text/csv") and contenu.splitlines()[0].startswith(
        "Code;Action;"
    )
    assert len(contenu.splitlines()) == 9  # header + the 8 actions of axe 1
    xlsx = client.get("/espace/pilotage/", {"format": "xlsx", "retard": "1"})
    import io

    feuille = load_workbook(io.BytesIO(xlsx.content)).active
    assert feuille["A2"].value == "2.1" and feuille["K2"].value == "oui"


def test_indicateurs_calcules_et_historises(client, plan, utilisateur_avec_role):
    resultats = calculer_indicateurs()
    codes = {r.indicateur.code for r in resultats}
    assert {c for c in codes if not c.startswith(("relation-", "qualite-", "accessibilite-"))} == {
        "lieux-mediation", "lieux-pour-10000", "fne-mediateurs", "fne-accompagnements",
        "fne-personnes-accompagnees", "appels-decroches", "satisfaction-usagers",
        "couverture-fibre", "communes-cuivre-ferme-sans-fibre",
        "difficultes-raccordement-ouvertes", "difficultes-raccordement-resolues",
        "reemploi-parc", "achats-reemploi-parc", "empreinte-parc-par-agent", "duree-vie-parc",
        "equipements-donnes", "reconditionnement-local",
        "donnees-jeux-publies", "donnees-jeux-conformes", "donnees-jeux-en-retard",
        "donnees-inventaire", "donnees-inventaire-ouverts", "donnees-regles-validees",
        "donnees-bordereaux-en-attente",
        "competences-agents-formes", "competences-elus-formes",
        "competences-formes-cybersecurite", "competences-formes-numerique-responsable",
        "competences-formes-ia", "competences-niveau-crcn", "competences-referents",
        "competences-directions-avec-referent", "projets-besoins-formalises",
        "projets-demandes-ouvertes", "projets-demandes-closes", "projets-delai-median",
        "projets-membres-panel", "projets-financements-obtenus",
    }  # fmt: skip
    # and 9 of the register of requests (tests/relation), 6 of quality and accessibility
    assert len(codes) == 53
    # An empty register has no processing time nor share: those say why, the others compute.
    assert all(r.valeur is not None for r in resultats if r.indicateur.code in {
        "lieux-mediation", "lieux-pour-10000", "fne-mediateurs", "fne-accompagnements",
        "fne-personnes-accompagnees", "relation-demandes", "relation-reclamations"})  # fmt: skip
    valeur = ValeurIndicateur.objects.get(indicateur__code="lieux-mediation")
    assert valeur.resultat == 0 and valeur.source
    assert (
        Indicateur.objects.get(code="appels-decroches").valeurs.count() == 1
    )  # entered, not computed
    client.force_login(utilisateur_avec_role(Role.PILOTE))
    page = texte(client.get("/espace/pilotage/"))
    assert (
        "Lieux de médiation numérique actifs dans le département" in page
        and "SUN (inclusion.lieux)" in page
    )


def test_relances_une_seule_fois_par_echeance(plan, pilote_de_1_3, mailoutbox):
    from sun.pilotage.relances import relancer

    pilote_de_1_3.email = "pilote@example.org"
    pilote_de_1_3.save()
    Action.objects.filter(code="1.3").update(date_fin_prevue=date(2026, 1, 20))
    Action.objects.filter(code="1.1").update(date_fin_prevue=date(2025, 12, 1))  # no pilot
    Action.objects.filter(code="1.2").update(date_fin_prevue=date(2025, 12, 1), statut="realise")
    echeances = relancer(date(2026, 1, 1))
    assert [(e.action.code, e.evenement) for e in echeances] == [
        ("1.1", "passee"),
        ("1.3", "proche"),
    ]
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["pilote@example.org"]
    assert "1.3" in mailoutbox[0].subject and "20/01/2026" in mailoutbox[0].body
    relancer(date(2026, 1, 2))
    assert len(mailoutbox) == 1  # same event: not sent again
    relancer(date(2026, 1, 25))  # now passed: a new event
    assert len(mailoutbox) == 2 and "dépassée" in mailoutbox[1].subject
    assert relancer(date(2026, 1, 26), envoyer=False)[1].deja_relances == 1


def test_rapport_annuel(client, plan, utilisateur_avec_role, tmp_path):
    action = Action.objects.get(code="1.3")
    action.statut = "bloque"
    action.save()
    NoteSuivi.objects.create(
        action=action, date=date(2025, 5, 2), texte="Base des lieux ouverte aux agents"
    )
    NoteSuivi.objects.create(action=action, date=date(2024, 5, 2), texte="Note de l'an passé")
    indicateur = Indicateur.objects.get(code="appels-decroches")
    ValeurIndicateur.objects.create(
        indicateur=indicateur, date=date(2024, 12, 31), resultat=70, source="Standard"
    )
    ValeurIndicateur.objects.create(
        indicateur=indicateur, date=date(2025, 11, 30), resultat=78, source="Standard"
    )
    client.force_login(utilisateur_avec_role(Role.PILOTE))
    page = texte(client.get("/espace/pilotage/rapport/", {"annee": "2025", "format": "html"}))
    assert "rapport d'avancement 2025" in page and "Base des lieux ouverte aux agents" in page
    assert "Note de l'an passé" not in page
    assert "+8,0" in page and "<svg" in page  # evolution since 2024, chart with its table
    assert "Bloquées : 1.3 Cartographier" in page.replace("</strong>", "")
    pdf = client.get("/espace/pilotage/rapport/", {"annee": "2025", "format": "pdf"})
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    client.force_login(utilisateur_avec_role(Role.MEDIATEUR))
    assert client.get("/espace/pilotage/rapport/").status_code == 403


def test_rapport_en_ligne_de_commande(plan, tmp_path, capsys):
    from sun import cli

    sortie = tmp_path / "rapport.html"
    assert cli.main(["pilotage", "rapport", "--annee", "2025", "--sortie", str(sortie)]) == 0
    assert "Avancement par axe et orientation" in sortie.read_text(encoding="utf-8")


def test_recalculer_depuis_le_tableau_de_bord(client, plan, utilisateur_avec_role):
    # An agent only reads the plan (tests/pilotage/test_calcul_droits.py): an administrator.
    client.force_login(utilisateur_avec_role(Role.ADMINISTRATEUR))
    reponse = client.post("/espace/pilotage/", {"quoi": "calculer"}, follow=True)
    assert "28 indicateur(s) recalculé(s) et enregistré(s) ; 25 sans valeur" in texte(reponse)
    assert ValeurIndicateur.objects.filter(indicateur__calcul="inclusion.lieux").count() == 1


def test_action_publique_montre_notes_et_budget(client, plan):
    action = Action.objects.get(code="7.3")
    NoteSuivi.objects.create(
        action=action, date=date(2025, 9, 1), texte="Archives numérisées en ligne"
    )
    LigneBudget.objects.create(
        action=action, annee=2025, type="investissement", prevu=40000, reel=38500
    )
    assert "Archives numérisées en ligne" not in texte(client.get("/avancement/"))
    action.publique = True
    action.save()
    page = texte(client.get("/avancement/"))
    assert "Actions suivies publiquement" in page and "Archives numérisées en ligne" in page
    assert "38 500" in page.replace("\u202f", " ").replace("\xa0", " ")


def test_sous_action_d_un_seul_niveau_et_administration_historisee(
    client, plan, utilisateur_avec_role
):
    from django.core.exceptions import ValidationError

    parent = Action.objects.get(code="1.1")
    sous = Action.objects.create(
        plan=plan, orientation=parent.orientation, parent=parent, code="1.1.a", titre="Sous"
    )
    petite = Action(
        plan=plan, orientation=parent.orientation, parent=sous, code="1.1.a.i", titre="Trop profond"
    )
    with pytest.raises(ValidationError, match="un seul niveau"):
        petite.full_clean()
    client.force_login(utilisateur_avec_role(Role.ADMINISTRATEUR))
    page = client.get(f"/admin/pilotage/action/{parent.pk}/change/")
    formulaire = page.context["adminform"].form
    donnees = {champ: formulaire.initial.get(champ) or "" for champ in formulaire.fields}
    donnees.update({"statut": "en_cours", "pilotes": [], "pilotes_services": "", "partenaires": "",
                    "orientation": parent.orientation_id, "plan": plan.pk, "parent": "", "priorite": "moyenne",
                    "ordre": parent.ordre})  # fmt: skip
    for prefixe in ("etapes", "notes", "budget"):
        total = parent.etapes.count() if prefixe == "etapes" else 0
        donnees.update({f"{prefixe}-TOTAL_FORMS": total, f"{prefixe}-INITIAL_FORMS": total})
        for n, etape in enumerate(parent.etapes.all() if prefixe == "etapes" else []):
            donnees.update({f"etapes-{n}-id": etape.pk, f"etapes-{n}-action": parent.pk,
                            f"etapes-{n}-ordre": etape.ordre, f"etapes-{n}-titre": etape.titre})  # fmt: skip
    reponse = client.post(
        f"/admin/pilotage/action/{parent.pk}/change/",
        {k: v for k, v in donnees.items() if v is not None},
    )
    assert reponse.status_code == 302, (
        reponse.context["adminform"].form.errors if reponse.context else reponse
    )
    changement = Historique.objects.filter(
        code="1.1", commentaire="Modifié dans l'administration"
    ).get()
    assert changement.changements["statut"] == ["a_venir", "en_cours"]


def test_titre_de_la_page_d_avancement_sans_balises(client, plan):
    Action.objects.filter(code="7.3").update(publique=True)
    page = client.get("/avancement/").content.decode()
    assert "<title>Avancement du schéma —" in page
    assert page.count('id="publiques-titre"') == 1


def test_saisir_la_valeur_d_un_indicateur(client, plan, pilote_de_1_3, utilisateur_avec_role):
    indicateur = Indicateur.objects.get(code="lieux-mediation")  # measures 1.3
    autre = Indicateur.objects.get(code="appels-decroches")
    valeur = {
        "date": "2025-12-31",
        "resultat": "131",
        "objectif": "",
        "source": "Recensement des coordinateurs",
    }
    client.force_login(pilote_de_1_3)
    assert client.post(f"/espace/pilotage/indicateurs/{indicateur.pk}/", valeur).status_code == 302
    assert indicateur.valeurs.get(date=date(2025, 12, 31)).resultat == 131
    assert client.post(f"/espace/pilotage/indicateurs/{autre.pk}/", valeur).status_code == 403
    page = texte(
        client.post(f"/espace/pilotage/indicateurs/{indicateur.pk}/", {**valeur, "resultat": ""})
    )
    assert "Indiquez un résultat, une cible, ou les deux" in page
    client.force_login(utilisateur_avec_role(Role.PILOTE))
    page = texte(client.get(f"/espace/pilotage/indicateurs/{indicateur.pk}/"))
    assert "Recensement des coordinateurs" in page and "Saisir une valeur" not in page


def test_page_d_avancement_sans_plan(client):
    reponse = client.get("/avancement/")
    assert reponse.status_code == 200 and "pas encore publié" in texte(reponse)
