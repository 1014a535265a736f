"""A database that refuses writes: the web answers a French 503 page (not a 500 traceback),
/sante answers 503, `sun` commands that write exit with code 5 and a French message.

Tests may run as root, for whom `chmod 0444` does not stop writes: the database is made
read-only the way SQLite and PostgreSQL do it themselves — `PRAGMA query_only = ON` on the
test connection (SQLite: the same « attempt to write a readonly database » as a read-only file
or folder), `SET transaction_read_only = on` (PostgreSQL: ReadOnlySqlTransaction, as on a
standby). The file-permission check of /sante is exercised with `os.access` patched.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from django.urls import reverse

from sun.cli.sortie import LECTURE_SEULE, OK
from sun.core import lecture_seule
from sun.core.lecture_seule import base_inscriptible, est_lecture_seule
from tests.comptes.factories import MOT_DE_PASSE
from tests.outils import texte

pytestmark = pytest.mark.django_db

SUN = str(Path(sys.executable).parent / "sun")
PAGE = "Le service est momentanément en lecture seule"


def _passer_en_lecture_seule():
    with connection.cursor() as curseur:
        if connection.vendor == "sqlite":
            curseur.execute("PRAGMA query_only = ON")
        else:  # undone at teardown by rolling back to the savepoint
            curseur.execute("SAVEPOINT lecture_seule")
            curseur.execute("SET LOCAL transaction_read_only = on")


@pytest.fixture
def rendre_lecture_seule():
    """`rendre_lecture_seule()`: the test connection refuses writes until the end of the test
    (PostgreSQL: the test's transaction, rolled back after it)."""
    appels = []
    yield lambda: appels.append(_passer_en_lecture_seule())
    if not appels:
        return
    # Straight to the driver: the test's atomic block may be marked broken by the error.
    if connection.vendor == "sqlite":
        connection.connection.execute("PRAGMA query_only = OFF")
    elif connection.connection is not None:
        connection.connection.execute("ROLLBACK TO SAVEPOINT lecture_seule")


@pytest.fixture
def lecture_seule_base(rendre_lecture_seule):
    rendre_lecture_seule()


@pytest.fixture
def compte(utilisateur_avec_role):
    from sun.comptes.roles import Role

    return utilisateur_avec_role(Role.AGENT)


def test_se_connecter_sur_une_base_en_lecture_seule_page_503(client, compte, lecture_seule_base):
    client.raise_request_exception = False
    reponse = client.post(
        reverse("connexion"), {"username": compte.username, "password": MOT_DE_PASSE}
    )
    assert reponse.status_code == 503
    assert PAGE in texte(reponse) and "Traceback" not in texte(reponse)
    assert reponse["Retry-After"]


def test_un_mauvais_mot_de_passe_aussi(client, compte, lecture_seule_base):
    """The failed attempt is recorded (django-axes): that write is refused too."""
    client.raise_request_exception = False
    reponse = client.post(reverse("connexion"), {"username": compte.username, "password": "faux"})
    assert reponse.status_code == 503 and PAGE in texte(reponse)


def test_la_lecture_continue(client, lecture_seule_base):
    assert client.get(reverse("accueil")).status_code == 200
    assert client.get(reverse("connexion")).status_code == 200


def test_un_signalement_public_page_503(client, rendre_lecture_seule):
    """A person reports an error on a place's page while the database refuses writes."""
    import time

    from django.core import signing

    from sun.web.forms.signalement import SEL_HORODATAGE
    from tests.inclusion.factories import LieuFactory

    lieu = LieuFactory()
    client.raise_request_exception = False
    donnees = {"sujet": "horaires", "message": "Fermé le mardi désormais.", "courriel": "",
               "horodatage": signing.dumps(int(time.time()) - 60, salt=SEL_HORODATAGE)}  # fmt: skip
    rendre_lecture_seule()
    reponse = client.post(reverse("lieu_public", args=[lieu.pk]), donnees)
    assert reponse.status_code == 503 and PAGE in texte(reponse)


def test_sante_repond_503_en_lecture_seule(client, lecture_seule_base):
    reponse = client.get(reverse("sante"))
    assert reponse.status_code == 503
    assert reponse.json()["base"] == "lecture seule"


def test_sante_repond_200_sinon(client):
    reponse = client.get(reverse("sante"))
    assert reponse.status_code == 200 and reponse.json()["base"] == "ok"


@pytest.mark.skipif("os.environ.get('DATABASE_URL', '').startswith('postgres')")
def test_sante_lit_les_droits_du_fichier_sqlite(client, tmp_path, monkeypatch):
    """A SQLite file or folder without write permission: seen by `os.access`, no lock taken."""
    fichier = tmp_path / "sun.sqlite3"
    fichier.write_bytes(b"")
    monkeypatch.setitem(connection.settings_dict, "NAME", str(fichier))
    monkeypatch.setattr(lecture_seule.os, "access", lambda chemin, mode: chemin != str(fichier))
    monkeypatch.setattr(lecture_seule, "_essai_sqlite", lambda: pytest.fail("no lock expected"))
    assert base_inscriptible() is False


def test_les_erreurs_de_lecture_seule_sont_reconnues():
    from django.db import InternalError, OperationalError

    assert est_lecture_seule(OperationalError("attempt to write a readonly database"))
    pg = InternalError("cannot execute INSERT in a read-only transaction")
    assert est_lecture_seule(pg)
    assert not est_lecture_seule(OperationalError("database is locked"))
    assert not est_lecture_seule(ValueError("autre chose"))


# --- the `sun` command ------------------------------------------------------------------------
LANCEUR = """
import sys
from django.db.backends.signals import connection_created

def lecture_seule(sender, connection, **kwargs):
    with connection.cursor() as curseur:
        curseur.execute("PRAGMA query_only = ON")

connection_created.connect(lecture_seule)
from sun.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.fixture(scope="module")
def base_sqlite_migree(tmp_path_factory):
    dossier = tmp_path_factory.mktemp("lecture-seule")
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{dossier / 'sun.sqlite3'}",
           "SUN_VAR_DIR": str(dossier), "DJANGO_SETTINGS_MODULE": "sun.settings"}  # fmt: skip
    env.pop("SUN_DEBUG", None)
    migration = subprocess.run([SUN, "django", "migrate", "-v0"], env=env, capture_output=True,
                               text=True, timeout=300, check=False)  # fmt: skip
    assert migration.returncode == OK, migration.stderr
    return dossier, env


def test_une_commande_qui_ecrit_sort_en_5(base_sqlite_migree):
    _dossier, env = base_sqlite_migree
    resultat = subprocess.run(
        [sys.executable, "-c", LANCEUR, "comptes", "creer", "lecteur", "--role", "agent"],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert resultat.returncode == LECTURE_SEULE, resultat.stderr
    assert "la base de données est en lecture seule" in resultat.stderr
    assert "Traceback" not in resultat.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes whatever the file mode")
def test_un_fichier_sqlite_en_0444_sort_en_5(base_sqlite_migree):
    dossier, env = base_sqlite_migree
    fichiers = [p for p in dossier.iterdir() if p.name.startswith("sun.sqlite3")]
    for p in fichiers:
        p.chmod(0o444)
    dossier.chmod(0o555)
    try:
        resultat = subprocess.run([SUN, "comptes", "creer", "lecteur2", "--role", "agent"],
                                  env=env, capture_output=True, text=True, timeout=120, check=False)  # fmt: skip
    finally:
        dossier.chmod(0o755)
        for p in fichiers:
            p.chmod(0o644)
    assert resultat.returncode == LECTURE_SEULE, resultat.stderr
