"""Import of « Je donne mon avis » CSV exports, files built from the documented header
(NOTES-relation §5.3, JDMA's `generate-csv.ts`: comma, no BOM, « / » between answers,
« parent : réponse » for sub-answers): fields, UTC dates, masking, idempotency, refused
lines with their reasons, dry run, wrong header, the command and the upload page."""

import csv
from datetime import UTC, datetime

import pytest
from django.urls import reverse

from sun.cli import main
from sun.comptes.roles import Role
from sun.core.imports import ColonnesManquantes
from sun.qualite.models import Avis, Emplacement, Moderation
from sun.qualite.satisfaction.importation import importer_avis
from sun.qualite.satisfaction.services import moderer
from tests.relation.factories import DemarcheFactory, ServiceFactory

pytestmark = pytest.mark.django_db
# The root form's columns as JDMA labels them (its seed: straight and curly apostrophes).
ENTETE = [
    "Date de l'avis", "Nom du formulaire", "Lien d'intégration", "Identifiant Avis",
    "De façon générale, comment ça s'est passé ?",
    "Qu'avez-vous pensé des informations et des instructions fournies ?",
    "Durant votre parcours, avez-vous tenté d’obtenir de l’aide par l’un des moyens suivants ?",
    "Quand vous avez cherché de l'aide, avez-vous réussi à joindre l'administration ?",
    "Comment évaluez-vous la qualité de l'aide que vous avez obtenue de la part de l'administration ?",
    "Souhaitez-vous nous en dire plus ?", "Adresse mail",
]  # fmt: skip
FORM, LIEN = "Évaluation de la satisfaction usager", "Bouton fin de démarche"
LIGNES = [
    ["2024-03-01 23:30:00", FORM, LIEN, "a1b2c3d", "Très bien", "5",
     "Au guichet avec l’administration / Par téléphone avec l’administration",
     "Au guichet avec l’administration : Oui / Par téléphone avec l’administration : Non",
     "Au guichet avec l’administration : Excellente",
     "Reçu par Mme Lefèvre, parfait. Mon tél : 06 11 22 33 44", "jeanne@example.fr"],
    ["2024-03-02 08:00:00", FORM, LIEN, "b2c3d4e", "Moyen", "3", "Je n'ai pas eu besoin d'aide",
     "", "", "", ""],
    ["2024-03-03 10:15:00", FORM, LIEN, "c3d4e5f", "Pas bien", "", "", "", "", "", ""],
    ["2024-04-10 14:00:00", FORM, LIEN, "d4e5f6a", "Très bien", "4",
     "Une personne proche / Des sites internet", "", "", "", ""],
]  # fmt: skip


def _ecrire(chemin, lignes, entete=ENTETE):
    with chemin.open("w", encoding="utf-8", newline="") as f:
        ecrivain = csv.writer(f)  # csv-stringify's defaults: comma, quotes when needed
        ecrivain.writerow(entete)
        ecrivain.writerows(lignes)
    return chemin


@pytest.fixture
def export(tmp_path):
    return _ecrire(tmp_path / "Avis_APA_2024-04-30.csv", LIGNES)


def test_import_des_champs_dates_utc_et_masquage(export):
    rapport = importer_avis(export)
    assert (rapport.lues, rapport.nouveaux, rapport.refusees) == (4, 4, 0)
    a = Avis.objects.get(identifiant_jdma="a1b2c3d")
    assert a.recu_le == datetime(2024, 3, 1, 23, 30, tzinfo=UTC)  # 2 March, 00:30 in Paris
    assert (a.satisfaction, a.comprehension, a.emplacement, a.canal) == (
        "good",
        5,
        Emplacement.JDMA,
        "en_ligne",
    )
    assert a.contact_tried == ["guichet", "telephone"] and a.autonome is False
    assert a.contact_reached == {"guichet": True, "telephone": False}
    assert a.contact_satisfaction == {"guichet": 5}
    assert a.verbatim == "Reçu par Mme [nom masqué], parfait. Mon tél : [téléphone masqué]"
    assert a.moderation == Moderation.A_LIRE and a.formulaire == f"{FORM} — {LIEN}"
    assert "jeanne" not in str(Avis.objects.values().get(pk=a.pk))  # the e-mail is never read
    b = Avis.objects.get(identifiant_jdma="b2c3d4e")
    assert (b.contact_tried, b.autonome, b.verbatim, b.moderation) == (["aucune"], True, "", "")
    c = Avis.objects.get(identifiant_jdma="c3d4e5f")
    assert (c.satisfaction, c.comprehension, c.contact_tried, c.autonome) == ("bad", None, [], None)


def test_reimporter_ne_change_rien_et_garde_la_moderation(export, utilisateur_avec_role):
    importer_avis(export)
    agent = utilisateur_avec_role(Role.AGENT)
    moderer(Avis.objects.get(identifiant_jdma="a1b2c3d"), Moderation.ACCEPTE, agent)
    rapport = importer_avis(export)
    assert (rapport.nouveaux, rapport.modifies, rapport.inchanges) == (0, 0, 4)
    a = Avis.objects.get(identifiant_jdma="a1b2c3d")
    assert a.moderation == Moderation.ACCEPTE and a.modere_par == agent
    assert Avis.objects.count() == 4


def test_lignes_refusees_avec_leurs_raisons(tmp_path):
    fautives = [
        ["2024-03-05 09:00:00", FORM, LIEN, "e5f6a7b", "Super", "", "", "", "", "", ""],
        ["2024-03-05 09:05:00", FORM, LIEN, "f6a7b8c", "Moyen", "7", "", "", "", "", ""],
        ["05/03/2024 09:10", FORM, LIEN, "a7b8c9d", "Moyen", "", "", "", "", "", ""],
        ["2024-03-05 09:15:00", FORM, LIEN, "b8c9d0e", "Moyen", "", "Au guichet",
         "Au guichet avec l’administration : Peut-être", "", "", ""],
        ["2024-03-05 09:20:00", FORM, LIEN, "a1b2c3d", "Très bien", "", "", "", "", "", ""],
    ]  # fmt: skip
    rapport = importer_avis(_ecrire(tmp_path / "avis.csv", [LIGNES[0], *fautives]))
    assert (rapport.nouveaux, rapport.refusees) == (1, 5)
    raisons = {r.ligne: r.raison for r in rapport.lignes_rejetees}
    assert (
        "hors de l'échelle du questionnaire : attendu « Pas bien », « Moyen » ou « Très bien »"
        in raisons[3]
    )
    assert "note de 1 à 5 attendue" in raisons[4]
    assert "date illisible (attendu : AAAA-MM-JJ HH:MM:SS, en UTC)" in raisons[5]
    assert "« Oui » ou « Non » attendu" in raisons[6]
    assert raisons[7] == "identifiant en double dans le fichier"
    assert set(Avis.objects.values_list("identifiant_jdma", flat=True)) == {"a1b2c3d"}


def test_essai_a_blanc_n_ecrit_rien(export):
    rapport = importer_avis(export, essai=True)
    assert rapport.essai and rapport.nouveaux == 4 and not Avis.objects.exists()


@pytest.mark.parametrize("entete, manque", [
    ([c for c in ENTETE if c != "Identifiant Avis"], "Colonnes absentes du fichier : Identifiant Avis"),
    (["Date de l'avis", "Identifiant Avis", "Note"], "De façon générale, comment ça s'est passé ? (étape 1"),
])  # fmt: skip
def test_mauvais_en_tete_refuse_rien_d_ecrit(tmp_path, entete, manque):
    fichier = _ecrire(tmp_path / "autre.csv", [["x"] * len(entete)], entete)
    with pytest.raises(ColonnesManquantes) as erreur:
        importer_avis(fichier)
    assert manque in str(erreur.value)
    assert not Avis.objects.exists()


def test_commande_avec_demarche(export, capsys):
    apa = DemarcheFactory(slug="apa", service=ServiceFactory(code="autonomie"))
    assert main(["avis", "importer", str(export), "--demarche", "apa", "--essai"]) == 0
    assert "ESSAI" in capsys.readouterr().out and not Avis.objects.exists()
    assert main(["avis", "importer", str(export), "--demarche", "apa"]) == 0
    assert set(Avis.objects.values_list("demarche", "service__code")) == {(apa.pk, "autonomie")}
    assert main(["avis", "importer", str(export), "--service", "inconnu"]) == 3
    assert "Service inconnu : « inconnu »" in capsys.readouterr().err


def test_commande_fichier_au_mauvais_en_tete(tmp_path, capsys):
    fichier = _ecrire(tmp_path / "appels.csv", [["1", "2"]], ["Date", "Durée"])
    assert main(["avis", "importer", str(fichier)]) == 3
    assert "Colonnes absentes du fichier" in capsys.readouterr().err and not Avis.objects.exists()


def test_page_d_import_de_l_espace(client, export, utilisateur_avec_role):
    from tests.comptes.factories import UtilisateurFactory

    url = reverse("espace:qualite_avis_importer")
    assert client.get(url).status_code == 302
    client.force_login(utilisateur_avec_role(Role.PILOTE))
    assert client.get(url).status_code == 403
    service = ServiceFactory(code="autonomie")
    instructeur = UtilisateurFactory(username="instr-auto", roles=[Role.INSTRUCTEUR])
    service.instructeurs.add(instructeur)
    client.force_login(instructeur)
    with export.open("rb") as f:
        refus = client.post(url, {"fichier": f})
    assert refus.status_code == 400 and "Choisissez le service" in refus.content.decode()
    with export.open("rb") as f:
        r = client.post(url, {"fichier": f, "service": service.pk})
    assert r.status_code == 200 and "Nouveaux : 4" in r.content.decode()
    assert Avis.objects.filter(service=service).count() == 4
    client.force_login(utilisateur_avec_role(Role.AGENT))
    mauvais = _ecrire(export.parent / "mauvais.csv", [["1"]], ["Numéro"])
    with mauvais.open("rb") as f:
        r = client.post(url, {"fichier": f})
    assert r.status_code == 400 and "Rien n&#x27;a été enregistré" in r.content.decode()
    assert Avis.objects.count() == 4
