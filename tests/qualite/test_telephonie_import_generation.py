"""Generated call exports (arrival pattern, opening hours, outcomes) imported in each shipped
layout, the demonstration calls through the real importer, the command line, and a number of
queries that does not grow with the rows."""

from collections import Counter
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sun.cli import main
from sun.qualite.models import Appel, FileAttente, Issue
from sun.qualite.telephonie import generation
from sun.qualite.telephonie.demo import creer_appels_demo
from sun.qualite.telephonie.importation.services import importer_appels

pytestmark = pytest.mark.django_db
PROFILS = (generation.Profil("social", 120, decroche=0.7), generation.Profil("mdph", 60))
DEBUT, FIN = date(2024, 3, 4), date(2024, 3, 17)  # two weeks, Monday to Sunday


def _appels():
    return list(generation.appels(PROFILS, DEBUT, FIN, "essai"))


def test_le_generateur_suit_les_horaires_et_les_jours():
    appels = _appels()
    assert appels == _appels()  # the same seed and days, the same calls
    ouverts = [a for a in appels if a.issue != Issue.HORS_HORAIRES]
    assert all(
        a.debut.isoweekday() <= 5 and "08:30" <= f"{a.debut:%H:%M}" < "17:00" for a in ouverts
    )
    assert all(a.debut.isoweekday() != 7 for a in appels)
    par_jour = Counter(a.debut.isoweekday() for a in ouverts)
    assert par_jour[1] > par_jour[3] > par_jour[5]  # Monday busiest, Friday quietest
    heures = Counter(a.debut.hour for a in ouverts)
    assert heures[9] > heures[12] and heures[14] > heures[12]  # lunch dip
    issues = Counter(a.issue for a in appels)
    assert issues[Issue.DECROCHE] > issues[Issue.ABANDON_ATTENTE] > issues[Issue.DEBORDEMENT] > 0
    assert 0.6 < issues[Issue.DECROCHE] / len(ouverts) < 0.85
    assert 0 < issues[Issue.HORS_HORAIRES] < 0.1 * len(appels)


@pytest.mark.parametrize("disposition", ["asterisk-cdr", "webex-calling", "modele-sun"])
def test_chaque_disposition_generee_s_importe_a_l_identique(tmp_path, disposition):
    appels = _appels()
    chemin = tmp_path / "export.csv"
    assert generation.ecrire(chemin, appels, disposition) == len(appels)
    rapport = importer_appels(chemin)  # recognised without naming the layout
    if disposition == "webex-calling":  # an auto attendant alone: no queue, not a reception call
        assert rapport.autres["hors_file"] == sum(a.issue == Issue.SVI_SEUL for a in appels) > 0
        appels = [a for a in appels if a.issue != Issue.SVI_SEUL]
    assert rapport.refusees == 0 and rapport.nouveaux == len(appels), rapport.lignes()
    # Outside hours the message's length is talk for Asterisk, wait for Webex: not compared.
    attendus = Counter(
        (a.issue, *((0, 0) if a.issue == Issue.HORS_HORAIRES else (a.attente_s, a.conversation_s)))
        for a in appels
    )
    lus = Counter((i, *((0, 0) if i == Issue.HORS_HORAIRES else (w, c)))
                  for i, w, c in Appel.objects.values_list("issue", "attente_s", "conversation_s"))  # fmt: skip
    assert lus == attendus
    ouverts = Appel.objects.exclude(issue=Issue.HORS_HORAIRES)
    assert set(ouverts.values_list("jour_semaine", flat=True)) == {1, 2, 3, 4, 5}
    assert min(ouverts.values_list("demi_heure", flat=True)) == 17  # 8 h 30, Paris time
    assert importer_appels(chemin).nouveaux == 0


def test_requetes_en_nombre_constant(tmp_path):
    def requetes(jours: int) -> int:
        chemin = tmp_path / f"m{jours}.csv"
        generation.ecrire(chemin, generation.appels(PROFILS, DEBUT, date(2024, 3, 3 + jours)))
        with CaptureQueriesContext(connection) as capture:
            importer_appels(chemin, correspondance="asterisk-cdr", source=f"s{jours}", essai=True)
        return len(capture.captured_queries)

    assert requetes(2) == requetes(6)  # 4 000 calls in one batch: no query per row


def test_appels_de_demonstration_idempotents():
    rapport = creer_appels_demo(date(2024, 3, 18), jours=14)
    assert rapport.nouveaux > 2000 and rapport.refusees == 0
    assert not Appel.objects.filter(demonstration=False).exists()
    files = FileAttente.objects.filter(code__startswith="demo-")
    assert files.count() == 3 and all(f.demonstration and "démonstration" in f.nom for f in files)
    assert creer_appels_demo(date(2024, 3, 18), jours=14).nouveaux == 0


def test_commandes(tmp_path, capsys):
    chemin = tmp_path / "Master.csv"
    assert main(["telephonie", "generer", str(chemin), "--appels", "300", "--jours", "7",
                 "--fin", "2024-03-10"]) == 0  # fmt: skip
    nombre = int(capsys.readouterr().out.split()[0])
    assert 250 < nombre <= 300
    assert main(["telephonie", "importer", str(chemin), "--essai"]) == 0
    sortie = capsys.readouterr().out
    assert "ESSAI À BLANC" in sortie and f"Nouveaux : {nombre} ;" in sortie
    assert main(["telephonie", "importer", str(chemin), "--correspondance", "asterisk-cdr"]) == 0
    assert Appel.objects.count() == nombre
    assert main(["telephonie", "importer", str(chemin), "--correspondance", "avaya"]) == 3
    assert "introuvable" in capsys.readouterr().err
    modele = tmp_path / "modele.csv"
    assert main(["telephonie", "modele", str(modele)]) == 0 and modele.exists()
    assert main(["telephonie", "correspondances"]) == 0
    assert "webex-calling" in capsys.readouterr().out
