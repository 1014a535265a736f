"""A malformed DATABASE_URL: every `sun` command exits with code 2 and one French line that
shows the expected form, never a traceback (nor the password it may hold)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from sun.cli.sortie import USAGE
from sun.core.database_url import lire

SUN = str(Path(sys.executable).parent / "sun")
MAUVAISES = [
    "postgres//x",
    "nimportequoi",
    "foo://hote/base",
    "mysql://utilisateur@hote/base",
    "postgres://utilisateur:s3cr3t@hote:port/base",
]


def _sun(tmp_path, url: str, *arguments: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": url, "SUN_VAR_DIR": str(tmp_path)}
    env.pop("SUN_DEBUG", None)
    return subprocess.run(
        [SUN, *arguments], env=env, capture_output=True, text=True, timeout=120, check=False
    )


@pytest.mark.parametrize("url", MAUVAISES)
def test_sun_sort_en_2_avec_un_message_en_francais(tmp_path, url):
    resultat = _sun(tmp_path, url, "comptes", "creer", "x", "--role", "agent")
    assert resultat.returncode == USAGE, resultat.stderr
    assert "Traceback" not in resultat.stderr
    assert "DATABASE_URL illisible" in resultat.stderr
    assert "exemple : postgres://utilisateur@hote:5432/base" in resultat.stderr.lower()
    assert "s3cr3t" not in resultat.stderr


@pytest.mark.parametrize(
    "commande",
    [["preparer"], ["django", "check"], ["worker", "--une-passe"], ["lieux", "dedupliquer"]],
)
def test_chaque_commande_refuse_la_meme_adresse(tmp_path, commande):
    resultat = _sun(tmp_path, "postgres//x", *commande)
    assert resultat.returncode == USAGE, resultat.stderr
    assert "DATABASE_URL illisible" in resultat.stderr and "Traceback" not in resultat.stderr


def test_l_aide_reste_lisible_sans_base(tmp_path):
    """`--help` reads no setting: it works whatever DATABASE_URL holds."""
    resultat = _sun(tmp_path, "nimportequoi", "--help")
    assert resultat.returncode == 0 and "5 base de données en lecture seule" in resultat.stdout


@pytest.mark.parametrize("url", MAUVAISES)
def test_les_reglages_levent_improperly_configured(url):
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL illisible"):
        lire(url)


def test_les_adresses_valides_passent():
    assert lire("postgres://postgres@127.0.0.1:5432/test")["NAME"] == "test"
    assert lire("sqlite:////tmp/sun.sqlite3")["ENGINE"] == "django.db.backends.sqlite3"
    with pytest.raises(ImproperlyConfigured, match="SUN_DB_CONN_MAX_AGE"):
        lire("sqlite:////tmp/sun.sqlite3", "une minute")
