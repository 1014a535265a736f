"""Scheduled and long work on django-tasks: an import queued from the agent space and run by
the real database worker (`db_worker --batch`), the daily jobs planned once per day whatever
the number of workers, and run once per day."""

import signal
from datetime import datetime, time, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from sun.comptes.roles import Role
from sun.core.taches import quotidien
from sun.core.taches.models import ExecutionQuotidienne, Tache
from sun.core.taches.services import executer_import, lancer_import, planifier
from sun.inclusion.models import Lieu
from tests.inclusion.outils import ecrire_csv, lieu_v1
from tests.outils import texte

pytestmark = pytest.mark.django_db


@pytest.fixture
def base_de_taches(settings, monkeypatch):
    """Tasks queued in the database, as in production (tests run them inline otherwise). The
    worker runs in this process, inside the test's transaction: it must not recycle the
    connection, nor keep its signal handlers afterwards."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    gestionnaires = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    yield
    for numero, gestionnaire in gestionnaires.items():
        signal.signal(numero, gestionnaire)


def _worker_une_passe():
    call_command("db_worker", batch=True, queue_name="*", reload=False, startup_delay=False,
                 verbosity=0)  # fmt: skip


def test_import_en_file_puis_execute_par_le_worker(base_de_taches, client, tmp_path,
                                                    utilisateur_avec_role):  # fmt: skip
    agent = utilisateur_avec_role(Role.AGENT)
    client.force_login(agent)
    fichier = ecrire_csv(tmp_path / "hub.csv", [lieu_v1(id="t1"), lieu_v1(id="t2", nom="")])
    with fichier.open("rb") as envoi:
        page = client.post("/espace/lieux/importer/", {"fichier": envoi, "source": "Hub tâche"})
    tache = Tache.objects.get()
    assert tache.etat == Tache.Etat.EN_FILE and not Lieu.objects.exists()
    assert "Import en file d'attente" in texte(page)
    assert DBTaskResult.objects.filter(status="READY").count() == 1

    _worker_une_passe()

    tache.refresh_from_db()
    assert tache.etat == Tache.Etat.TERMINEE, tache.message
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    assert Lieu.objects.count() == 1
    suivi = texte(client.get("/espace/lieux/importer/", {"tache": str(tache.pk)}))
    assert "Import enregistré" in suivi and "nom du lieu absent" in suivi
    assert "en file d'attente" not in suivi
    # The journal lists nothing left to follow, and the import itself.
    journal = texte(client.get("/espace/imports/"))
    assert "Imports en cours ou à confirmer" not in journal and "Hub tâche" in journal


def test_une_tache_livree_deux_fois_ne_s_execute_qu_une_fois(tmp_path):
    fichier = ecrire_csv(tmp_path / "a.csv", [lieu_v1(id="u1")])
    tache = lancer_import("lieux", fichier, nom_fichier="a.csv",
                          options={"source": "Hub double"}, essai=False)  # fmt: skip
    assert tache.etat == Tache.Etat.TERMINEE and tache.resultat["compteurs"]["nouveaux"] == 1
    assert executer_import(str(tache.pk)) == "déjà traitée"


def test_import_en_cours_montre_sa_progression(client, tmp_path, utilisateur_avec_role):
    from sun.core.taches.imports import noter_progression

    agent = utilisateur_avec_role(Role.AGENT)
    client.force_login(agent)
    tache = Tache.objects.create(genre="lieux", libelle="Lieux", fichier="gros.csv",
                                 etat=Tache.Etat.EN_COURS, auteur=agent)  # fmt: skip
    noter_progression(tache.pk, lues=1500, etape="lecture et enregistrement")
    page = texte(client.get("/espace/lieux/importer/", {"tache": str(tache.pk)}))
    assert "Import en cours : gros.csv" in page and "1\u202f500 lignes lues" in page
    assert "sun/js/tache.js" in page and f"?tache={tache.pk}" in page
    journal = texte(client.get("/espace/imports/"))
    assert "Imports en cours ou à confirmer" in journal and "gros.csv" in journal


def test_la_prochaine_execution_est_a_l_heure_reglee(settings):
    settings.SUN_TACHES_HEURE = "03:30"
    avant = timezone.make_aware(datetime(2026, 6, 15, 2, 0))
    apres = timezone.make_aware(datetime(2026, 6, 15, 3, 30))  # the hour itself: tomorrow
    assert quotidien.prochaine_execution(avant) == timezone.make_aware(datetime(2026, 6, 15, 3, 30))
    assert quotidien.prochaine_execution(apres) == timezone.make_aware(datetime(2026, 6, 16, 3, 30))
    settings.SUN_TACHES_HEURE = "n'importe quoi"
    assert quotidien.heure() == time(3, 30)


def test_planification_quotidienne_sans_doublon(base_de_taches, settings):
    settings.SUN_TACHES_HEURE = "03:30"
    # Planned from today 10:00 (local): tomorrow at 03:30, whatever the time the test runs.
    aujourd_hui = timezone.localdate()
    maintenant = timezone.make_aware(datetime.combine(aujourd_hui, time(10, 0)))
    premiere = planifier(maintenant)
    assert premiere is not None
    assert planifier(maintenant) is None and planifier(maintenant) is None  # other workers
    assert ExecutionQuotidienne.objects.count() == 1
    file = DBTaskResult.objects.get()
    assert file.status == "READY" and file.run_after == premiere.prevue_le
    demain = timezone.make_aware(datetime.combine(aujourd_hui + timedelta(days=1), time(3, 30)))
    assert premiere.prevue_le == demain
    _worker_une_passe()  # not due yet: nothing runs
    assert DBTaskResult.objects.get().status == "READY"


def test_le_worker_execute_le_jour_une_fois_et_prevoit_le_suivant(base_de_taches, settings):
    appels = []
    quotidien.declarer("essai", "Tâche d'essai", lambda: appels.append(1) or "faite")
    try:
        echue = planifier(timezone.now() - timedelta(days=1))  # its time has come
        _worker_une_passe()
    finally:
        quotidien._QUOTIDIENNES.pop("essai")
    echue.refresh_from_db()
    assert appels == [1] and echue.fin is not None
    assert echue.resultats["essai"] == {"libelle": "Tâche d'essai", "resultat": "faite"}
    assert "indicateurs" in echue.resultats and "relances" in echue.resultats
    # The run planned the next day, once.
    suivante = ExecutionQuotidienne.objects.exclude(pk=echue.pk).get()
    assert suivante.debut is None and suivante.prevue_le > timezone.now()
    assert DBTaskResult.objects.filter(status="READY").count() == 1


def test_commande_taches_quotidiennes(capsys):
    from sun import cli

    assert cli.main(["taches", "quotidiennes"]) == 0
    sortie = capsys.readouterr().out
    assert "Recalcul des indicateurs du plan (indicateurs)" in sortie
    assert "Relances des pilotes" in sortie
