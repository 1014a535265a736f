"""Bad input to the import of calls: each a clear French message, nothing written."""

import gzip
from pathlib import Path

import pytest

from sun.core.imports import (
    ColonnesManquantes,
    CorrespondanceInvalide,
    FichierIllisible,
    ImportImpossible,
)
from sun.core.models import JournalImport
from sun.qualite.models import Appel, FileAttente
from sun.qualite.telephonie.importation import correspondances
from sun.qualite.telephonie.importation.services import importer_appels

pytestmark = pytest.mark.django_db
ASTERISK = Path(__file__).parent / "donnees" / "asterisk-Master.csv"
LIGNE = ('"","0468112233","mdph","accueil","","SIP/op-0001","","Queue","mdph","{debut}","{reponse}",'
         '"{fin}",{duree},{billsec},"{disposition}","DOCUMENTATION","{id}",""')  # fmt: skip


def _master(tmp_path, *lignes) -> Path:
    chemin = tmp_path / "Master.csv"
    chemin.write_text("\n".join(lignes) + "\n", encoding="utf-8")
    return chemin


def _ligne(**autres) -> str:
    valeurs = {"debut": "2024-02-05 09:00:00", "reponse": "2024-02-05 09:00:30",
               "fin": "2024-02-05 09:05:00", "duree": 300, "billsec": 270,
               "disposition": "ANSWERED", "id": "1.1"} | autres  # fmt: skip
    return LIGNE.format(**valeurs)


def _rien_ecrit():
    assert not Appel.objects.exists() and not FileAttente.objects.exists()


def test_autre_disposition_sans_correspondance(tmp_path):
    chemin = tmp_path / "export.csv"
    chemin.write_text(
        "Date;Heure;Numéro;Service\n05/02/2024;09:00;0468112233;MDPH\n", encoding="utf-8"
    )
    with pytest.raises(ImportImpossible) as erreur:
        importer_appels(chemin)
    message = str(erreur.value)
    assert "Colonnes non reconnues" in message
    for attendu in (
        "asterisk-cdr",
        "webex-calling",
        "modele-sun",
        "docs/telephonie.md",
        "--correspondance",
    ):
        assert attendu in message
    assert "0468112233" not in message  # a headerless file's first line may hold a number
    _rien_ecrit()
    assert (
        JournalImport.objects.filter(genre="telephonie")
        .get()
        .message.startswith("Colonnes non reconnues")
    )


def test_heures_a_rebours(tmp_path):
    chemin = _master(tmp_path, _ligne(), _ligne(id="1.2", reponse="2024-02-05 08:59:00"),
                     _ligne(id="1.3", fin="2024-02-05 08:00:00", reponse=""))  # fmt: skip
    rapport = importer_appels(chemin, correspondance="asterisk-cdr")
    assert rapport.refusees == 2 and rapport.nouveaux == 1
    raisons = {r.champ: r.raison for r in rapport.lignes_rejetees}
    assert raisons["reponse"].startswith("heures à rebours : la réponse précède l'arrivée")
    assert raisons["fin"] == "heures à rebours : la fin précède l'arrivée"


def test_conversation_de_plus_d_un_jour(tmp_path):
    chemin = _master(tmp_path, _ligne(fin="2024-02-07 09:00:00", duree=172800, billsec=172770))
    rapport = importer_appels(chemin, correspondance="asterisk-cdr")
    assert rapport.refusees == 1
    assert rapport.lignes_rejetees[0].raison.startswith("conversation de plus d'un jour")
    _rien_ecrit()


def test_conversation_plus_longue_que_la_duree(tmp_path):
    rapport = importer_appels(_master(tmp_path, _ligne(billsec=400)), correspondance="asterisk-cdr")
    assert (
        rapport.lignes_rejetees[0].raison == "conversation plus longue que la durée totale (300 s)"
    )


def test_issue_inconnue(tmp_path):
    rapport = importer_appels(_master(tmp_path, _ligne(disposition="CONGESTION"), _ligne(id="2")),
                              correspondance="asterisk-cdr")  # fmt: skip
    rejet = rapport.lignes_rejetees[0]
    assert (rejet.champ, rejet.valeur) == ("issue", "CONGESTION")
    assert "issue inconnue" in rejet.raison and "decroche" in rejet.raison
    assert rapport.nouveaux == 1


def test_correspondance_nommant_une_colonne_absente(tmp_path):
    mapping = tmp_path / "pabx.yaml"
    mapping.write_text("source: PABX\ncolonnes:\n  identifiant: Id\n  debut: Début\n  file: Ligne\n"
                       "  issue: Statut\n  attente_s: Attente\n", encoding="utf-8")  # fmt: skip
    chemin = tmp_path / "pabx.csv"
    chemin.write_text(
        "Id;Début;Ligne;Statut\n1;2024-02-05 09:00:00;accueil;decroche\n", encoding="utf-8"
    )
    with pytest.raises(ColonnesManquantes) as erreur:
        importer_appels(chemin, correspondance=str(mapping))
    assert "Attente" in str(erreur.value) and "Colonnes absentes du fichier" in str(erreur.value)
    _rien_ecrit()


def test_fichier_qui_n_est_pas_un_csv(tmp_path):
    chemin = tmp_path / "appels.csv"
    chemin.write_bytes(gzip.compress(ASTERISK.read_bytes()))
    with pytest.raises(FichierIllisible) as erreur:
        importer_appels(chemin, correspondance="asterisk-cdr")
    assert "gzip" in str(erreur.value)
    pdf = tmp_path / "rapport.csv"
    pdf.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    with pytest.raises(FichierIllisible, match="document PDF"):
        importer_appels(pdf)
    _rien_ecrit()


def test_date_illisible_et_identifiant_en_double(tmp_path):
    rapport = importer_appels(_master(tmp_path, _ligne(), _ligne(), _ligne(id="3", debut="hier")),
                              correspondance="asterisk-cdr")  # fmt: skip
    raisons = sorted(r.raison for r in rapport.lignes_rejetees)
    assert raisons[0].startswith("date et heure illisibles")
    assert raisons[1] == "identifiant en double dans le fichier : ligne ignorée"


def test_ignorer_sur_la_colonne_du_numero_refuse(tmp_path):
    mapping = tmp_path / "m.yaml"
    mapping.write_text("entete: [a, src, dst, start, disposition]\ncolonnes:\n  identifiant: a\n"
                       "  debut: start\n  file: dst\n  issue: disposition\n  appelant: src\n"
                       "ignorer:\n  - {colonne: src, valeurs: ['0468112233']}\n", encoding="utf-8")  # fmt: skip
    with pytest.raises(CorrespondanceInvalide, match="numéro appelant"):
        importer_appels(_master(tmp_path, '"1","0468112233","mdph","2024-02-05 09:00:00","ANSWERED"'),
                        correspondance=str(mapping))  # fmt: skip
    _rien_ecrit()


@pytest.mark.parametrize(("texte", "attendu"), [
    ("champs:\n  issue: {colonne: d, valeurs: {OK: repondu}}\n", "« repondu » n'est pas une valeur admise"),
    ("champs:\n  issue: {valeurs: {OK: decroche}}\n", "« valeurs » demande une « colonne »"),
    ("fuseau: Mars/Olympus\n", "fuseau horaire « Mars/Olympus » inconnu"),
    ("entete: [a, a]\n", "« entete » nomme deux fois une colonne"),
    ("champs:\n  debut: {colonne: d, format: jour}\n", "« format » attend un format de date"),
    ("champs:\n  file: {colonne: d, si: {colonne: t}}\n", "donnez « termes », « valeurs » ou « vide »"),
    ("champs:\n  duree: {colonne: d}\n", "champ « duree » inconnu des appels"),
])  # fmt: skip
def test_correspondance_invalide(texte, attendu):
    with pytest.raises(CorrespondanceInvalide) as erreur:
        correspondances.depuis_texte(texte)
    assert attendu in str(erreur.value) and "ligne " in str(erreur.value)


def test_correspondance_introuvable():
    with pytest.raises(CorrespondanceInvalide, match="ni une disposition livrée"):
        importer_appels(ASTERISK, correspondance="avaya")
