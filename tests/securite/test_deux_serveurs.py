"""Two application servers, each with its own var/ folder, on one PostgreSQL database and the
Redis of the machine (SUN_CACHE_URL): neither serves a stale search index after a write made
elsewhere, the anonymous rate limits count for both, and a slow client blocks neither.

Real servers (`sun serve`, gunicorn) in subprocesses, on a database created for this module;
skipped when PostgreSQL or Redis is not on 127.0.0.1 (CI has both)."""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest

from tests.inclusion.outils import ecrire_csv, lieu_v1

SUN = str(Path(sys.executable).parent / "sun")
PG = ("127.0.0.1", 5432)
REDIS = ("127.0.0.1", 6379)
RECHERCHE = "/api/lieux?lat=43.2130&lon=2.3491&rayon_km=30"
EXPORT = "/lieux/export/lieux-de-mediation-numerique.csv"


def _joignable(adresse) -> bool:
    try:
        socket.create_connection(adresse, timeout=1).close()
        return True
    except OSError:
        return False


pytestmark = pytest.mark.skipif(
    not (_joignable(PG) and _joignable(REDIS)),
    reason="PostgreSQL et Redis sur 127.0.0.1 nécessaires",
)


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _attendre(url: str, serveur: subprocess.Popen) -> None:
    for _ in range(600):  # a loaded machine: up to a minute, returning as soon as it answers
        if serveur.poll() is not None:
            raise RuntimeError(f"le serveur s'est arrêté ({serveur.returncode})")
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} ne répond pas")


def _get(base: str, chemin: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(base + chemin, timeout=30) as reponse:
            return reponse.status, reponse.read()
    except urllib.error.HTTPError as erreur:
        return erreur.code, erreur.read()


@pytest.fixture(scope="module")
def deux_serveurs(tmp_path_factory):
    import psycopg

    base = f"sun_deux_serveurs_{uuid.uuid4().hex[:8]}"
    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as c:
        c.execute(f'CREATE DATABASE "{base}"')
    dossier = tmp_path_factory.mktemp("deux-serveurs")
    commun = {k: v for k, v in os.environ.items() if not k.startswith(("SUN_", "PYTEST_"))}
    commun.update({
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{base}",
        "SUN_CACHE_URL": "redis://127.0.0.1:6379/14", "SUN_DEPARTEMENT": "11",
        "DJANGO_SETTINGS_MODULE": "sun.settings", "SUN_ALLOWED_HOSTS": "127.0.0.1",
        "SUN_SECRET_KEY": "cle-partagee-par-les-serveurs-" + uuid.uuid4().hex,
        "SUN_API_LIMITE_ANONYME": "", "SUN_LIMITE_EXPORTS": "4/h",
    })  # fmt: skip
    env = {nom: {**commun, "SUN_VAR_DIR": str(dossier / nom)} for nom in ("a", "b", "c")}
    serveurs = []
    try:
        import redis

        redis.Redis(*REDIS, db=14).flushdb()
        for etape in (["django", "migrate", "-v0"], ["territoire", "charger", "11"]):
            subprocess.run([SUN, *etape], env=env["c"], check=True, capture_output=True)
        # Pages name their static files as collected (sun preparer): once, copied to both.
        subprocess.run([SUN, "django", "collectstatic", "--noinput", "-v0"], env=env["a"],
                       check=True, capture_output=True)  # fmt: skip
        shutil.copytree(dossier / "a" / "static", dossier / "b" / "static", dirs_exist_ok=True)
        ports = {}
        for nom in ("a", "b"):
            ports[nom] = _port()
            serveurs.append(subprocess.Popen(
                # One process each: its threads, not other processes, must serve beside a
                # slow client.
                [SUN, "serve", "--port", str(ports[nom]), "--workers", "1", "--sans-worker"],
                env=env[nom], stdout=subprocess.DEVNULL,
                stderr=(dossier / f"{nom}.journal").open("w"),  # read when a test fails
            ))  # fmt: skip
        for nom, serveur in zip(("a", "b"), serveurs, strict=True):
            _attendre(f"http://127.0.0.1:{ports[nom]}/sante", serveur)
        yield {nom: f"http://127.0.0.1:{p}" for nom, p in ports.items()}, env, dossier
    finally:
        for serveur in serveurs:
            serveur.terminate()
            serveur.wait(30)
        with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as c:
            c.execute(f'DROP DATABASE IF EXISTS "{base}" WITH (FORCE)')


def _lieux_trouves(base: str) -> list[str]:
    statut, corps = _get(base, RECHERCHE)
    assert statut == 200, corps[:300]
    return [r["lieu"]["nom"] if "lieu" in r else r["nom"] for r in json.loads(corps)["resultats"]]


def test_aucun_serveur_ne_garde_un_index_perime(deux_serveurs):
    adresses, env, dossier = deux_serveurs
    # Each server builds its index of places (empty register).
    assert _lieux_trouves(adresses["a"]) == [] and _lieux_trouves(adresses["b"]) == []
    fichier = ecrire_csv(dossier / "lieux.csv", [lieu_v1(
        id="deux-1", nom="Médiathèque Grain d'Aile", commune="Carcassonne", code_postal="11000",
        code_insee="11069", adresse="1 rue de Verdun", latitude="43.2130", longitude="2.3491")])  # fmt: skip
    # A third process (an import from the command line, its own var/) writes to the register.
    subprocess.run([SUN, "lieux", "importer", str(fichier), "--source", "Essai"], env=env["c"],
                   check=True, capture_output=True)  # fmt: skip
    assert _lieux_trouves(adresses["a"]) == ["Médiathèque Grain d'Aile"]
    assert _lieux_trouves(adresses["b"]) == ["Médiathèque Grain d'Aile"]


def test_les_limites_comptent_pour_les_deux_serveurs(deux_serveurs):
    adresses, _env, _dossier = deux_serveurs
    statuts = [_get(adresses["ab"[i % 2]], EXPORT)[0] for i in range(8)]
    assert statuts == [200, 200, 200, 200, 429, 429, 429, 429]


def test_deux_clients_lents_ne_bloquent_pas_le_serveur(deux_serveurs):
    adresses, _env, _dossier = deux_serveurs
    hote, port = adresses["a"].removeprefix("http://").split(":")
    lents = []
    try:
        for _ in range(2):  # « slowloris »: a request whose headers never end
            lent = socket.create_connection((hote, int(port)))
            lent.sendall(b"GET /sante HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Lent: ")
            lents.append(lent)
        statut, _corps = _get(adresses["a"], "/sante")
        assert statut == 200
    finally:
        for lent in lents:
            lent.close()
