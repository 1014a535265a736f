"""Import of call records: the two shipped layouts (Asterisk CDR Master.csv, Webex Calling
Detailed Call History) read from example exports written as their documentation describes,
SUN's template, the caller's number never stored, idempotence, queues created."""

import csv
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from sun.qualite.models import Appel, FileAttente, Issue
from sun.qualite.telephonie.importation.services import importer_appels

pytestmark = pytest.mark.django_db
DONNEES = Path(__file__).parent / "donnees"
ASTERISK = DONNEES / "asterisk-Master.csv"
WEBEX = DONNEES / "webex-detailed-call-history.csv"
PARIS = ZoneInfo("Europe/Paris")


def _par_id():
    return {a.identifiant: a for a in Appel.objects.select_related("file")}


def test_asterisk_master_csv_sans_en_tete(settings):
    settings.SUN_TELEPHONIE_CLE = "cle-de-test"
    rapport = importer_appels(ASTERISK, correspondance="asterisk-cdr")
    assert (rapport.lues, rapport.nouveaux, rapport.refusees) == (6, 5, 0)
    assert rapport.autres["ignorees"] == 1  # the internal call (from-internal)
    appels = _par_id()
    decroche = appels["1707121954.2587|SIP/operateur-00000a1b|2024-02-05 09:12:34"]
    assert decroche.issue == Issue.DECROCHE
    assert (decroche.attente_s, decroche.conversation_s) == (46, 282)  # duration − billsec
    assert decroche.debut == datetime(2024, 2, 5, 9, 12, 34, tzinfo=PARIS)
    assert (decroche.jour, decroche.jour_semaine, decroche.demi_heure) == (date(2024, 2, 5), 1, 18)
    assert decroche.file.code == "mdph"
    issues = sorted(a.issue for a in appels.values())
    assert issues == sorted([Issue.DECROCHE, Issue.ABANDON_ATTENTE, Issue.DEBORDEMENT,
                             Issue.HORS_HORAIRES, Issue.MESSAGERIE])  # fmt: skip
    abandon = next(a for a in appels.values() if a.issue == Issue.ABANDON_ATTENTE)
    assert (abandon.attente_s, abandon.conversation_s) == (95, 0)
    # Queues met for the first time: created with the export's name, no service, reported.
    assert set(FileAttente.objects.values_list("code", "nom")) == {
        ("mdph", "mdph"),
        ("social", "social"),
    }
    assert not FileAttente.objects.exclude(service=None).exists()
    assert rapport.autres["files_creees"] == 2
    assert any("nouvelle file d'attente « mdph »" in ligne for ligne in rapport.apercu)
    # The number: a keyed hash, the same for the same caller, never the number itself.
    assert decroche.appelant and len(decroche.appelant) == 64
    meme = next(a for a in appels.values() if a.issue == Issue.HORS_HORAIRES)
    assert meme.appelant == decroche.appelant
    assert not Appel.objects.filter(appelant__contains="0468").exists()


def test_sans_cle_le_numero_est_abandonne(settings):
    settings.SUN_TELEPHONIE_CLE = ""
    importer_appels(ASTERISK, correspondance="asterisk-cdr")
    assert set(Appel.objects.values_list("appelant", flat=True)) == {""}


def test_reimporter_le_meme_fichier_n_ecrit_rien():
    importer_appels(ASTERISK, correspondance="asterisk-cdr")
    avant = list(Appel.objects.order_by("pk").values())
    rapport = importer_appels(ASTERISK, correspondance="asterisk-cdr")
    assert (rapport.nouveaux, rapport.modifies, rapport.inchanges) == (0, 0, 5)
    assert "files_creees" not in rapport.autres
    assert list(Appel.objects.order_by("pk").values()) == avant


def test_essai_a_blanc_n_ecrit_rien():
    rapport = importer_appels(ASTERISK, correspondance="asterisk-cdr", essai=True)
    assert rapport.nouveaux == 5 and rapport.essai
    assert not Appel.objects.exists() and not FileAttente.objects.exists()


def test_asterisk_reconnu_sans_correspondance():
    rapport = importer_appels(ASTERISK)
    assert rapport.nouveaux == 5 and "asterisk-cdr" in rapport.format


def test_webex_jambes_regroupees_par_correlation_id():
    rapport = importer_appels(WEBEX, correspondance="webex-calling")
    assert rapport.lues == 8 and rapport.refusees == 0
    assert rapport.autres["ignorees"] == 1  # the ORIGINATING leg
    assert rapport.autres["hors_file"] == 1  # the direct call to an agent
    appels = _par_id()
    assert set(appels) == {"8e8e1dc7-0001", "8e8e1dc7-0002", "8e8e1dc7-0003"}
    premier = appels["8e8e1dc7-0001"]
    assert premier.issue == Issue.DECROCHE  # one agent's leg answered
    assert premier.debut == datetime(2024, 2, 5, 9, 12, 34, tzinfo=PARIS)  # UTC → Paris
    assert (premier.attente_s, premier.conversation_s) == (30, 356)
    assert premier.demi_heure == 18 and premier.file.code == "Accueil MDPH"
    assert premier.groupe_agents == "Carcassonne"
    abandon = appels["8e8e1dc7-0002"]
    assert (abandon.issue, abandon.attente_s, abandon.conversation_s) == (
        Issue.ABANDON_ATTENTE,
        90,
        0,
    )
    assert appels["8e8e1dc7-0003"].issue == Issue.HORS_HORAIRES
    assert rapport.nouveaux == 3
    assert importer_appels(WEBEX).inchanges == 3  # recognised by its header, idempotent


def test_modele_sun(tmp_path):
    from sun.qualite.telephonie.importation.modele import ecrire_modele

    chemin = ecrire_modele(tmp_path / "modele.csv")
    rapport = importer_appels(chemin)
    assert rapport.nouveaux == 3 and rapport.source == "Modèle SUN"
    issues = dict(Appel.objects.values_list("identifiant", "issue"))
    assert issues["2024-0205-0003"] == Issue.HORS_HORAIRES
    assert Appel.objects.get(identifiant="2024-0205-0001").attente_s == 46


def test_source_distincte_et_demonstration(tmp_path):
    importer_appels(ASTERISK, correspondance="asterisk-cdr", source="Standard A")
    importer_appels(
        ASTERISK, correspondance="asterisk-cdr", source="Standard B", demonstration=True
    )
    assert Appel.objects.filter(source="Standard A", demonstration=False).count() == 5
    assert Appel.objects.filter(source="Standard B", demonstration=True).count() == 5


def test_le_numero_n_est_jamais_dans_le_rapport_des_lignes(tmp_path, settings):
    settings.SUN_TELEPHONIE_CLE = "k"
    lignes = ASTERISK.read_text(encoding="utf-8").splitlines()
    # Every row refused (times backwards): the report lists them, never with the number.
    mauvais = [
        l.replace(
            '"2024-02-05 09:12:34","2024-02-05 09:13:20"',
            '"2024-02-05 09:12:34","2024-02-05 09:10:00"',
        )
        for l in lignes
    ]
    (tmp_path / "Master.csv").write_text("\n".join(mauvais), encoding="utf-8")
    rapport = importer_appels(tmp_path / "Master.csv", correspondance="asterisk-cdr")
    assert rapport.refusees == 1
    contenu = Path(rapport.chemin_rapport).read_text(encoding="utf-8")
    assert "heures à rebours" in contenu
    for numero in ("0468112233", "0612345678", "+33468112233"):
        assert numero not in contenu and numero not in " ".join(rapport.lignes())
    assert next(csv.reader(contenu.splitlines())) == [
        "ligne",
        "champ",
        "valeur",
        "raison",
        "gravite",
    ]


def test_exemple_de_correspondance_de_la_documentation(tmp_path):
    doc = (Path(__file__).parents[2] / "docs" / "telephonie.md").read_text(encoding="utf-8")
    yaml = doc.split("### Un autre export")[1].split("```yaml\n")[1].split("```")[0]
    (tmp_path / "mdph.yaml").write_text(yaml, encoding="utf-8")
    (tmp_path / "export.csv").write_text(
        "Id;Date;Heure;Ligne;Sens;Statut;Attente;Durée com.\n"
        "1;05/02/2024;09:12;Accueil;entrant;Répondu;12;300\n"
        "2;05/02/2024;18:30;Accueil nuit;entrant;Perdu;0;0\n"
        "3;05/02/2024;09:40;Accueil;sortant;Répondu;0;60\n",
        encoding="utf-8",
    )
    rapport = importer_appels(tmp_path / "export.csv", correspondance=str(tmp_path / "mdph.yaml"))
    assert (rapport.nouveaux, rapport.autres["ignorees"], rapport.source) == (
        2,
        1,
        "Standard de la MDPH",
    )
    appels = dict(Appel.objects.values_list("identifiant", "issue"))
    assert appels == {"1": Issue.DECROCHE, "2": Issue.HORS_HORAIRES}
    assert Appel.objects.get(identifiant="1").debut == datetime(2024, 2, 5, 9, 12, tzinfo=PARIS)


def test_en_tete_repete_saute_et_fichier_a_16_colonnes(tmp_path):
    """cdr_custom may write the header; loguniqueid off gives 16 columns: both read."""
    entete = ("accountcode,src,dst,dcontext,clid,channel,dstchannel,lastapp,lastdata,start,answer,"
              "end,duration,billsec,disposition,amaflags,uniqueid,userfield")  # fmt: skip
    ligne = ('"","0468112233","mdph","accueil","","SIP/op-0001","","Queue","mdph",'
             '"2024-07-01 10:00:00","2024-07-01 10:00:20","2024-07-01 10:01:00",60,40,"ANSWERED","DOCUMENTATION"')  # fmt: skip
    (tmp_path / "Master.csv").write_text(f"{entete}\n{ligne}\n", encoding="utf-8")
    rapport = importer_appels(tmp_path / "Master.csv", correspondance="asterisk-cdr")
    assert (rapport.lues, rapport.nouveaux, rapport.refusees) == (1, 1, 0)
    appel = Appel.objects.get()
    assert appel.identifiant == "SIP/op-0001|2024-07-01 10:00:00"  # no uniqueid: channel and time
    assert appel.debut == datetime(2024, 7, 1, 8, 0, tzinfo=ZoneInfo("UTC"))  # summer time
    assert (appel.demi_heure, appel.attente_s) == (20, 20)
