"""Settings for the test suite (pytest's DJANGO_SETTINGS_MODULE, see pyproject.toml).

The base settings with what tests need: files kept apart from the served instance, in one
folder per pytest-xdist worker (parallel workers never share a cache, an import report or the
demonstration accounts file), plain static file names and a fast password hasher.

A `sun` command that a test starts in a subprocess inherits DJANGO_SETTINGS_MODULE (exported by
pytest-django) and PYTEST_XDIST_WORKER, so it computes the same folder as its worker.
"""

import os
from pathlib import Path

VAR_DIR_TESTS = Path(
    os.environ.get("SUN_VAR_DIR")
    or Path(__file__).resolve().parents[2]
    / "var"
    / "tests"
    / os.environ.get("PYTEST_XDIST_WORKER", "")
)

# The base settings derive every path under var/ from SUN_VAR_DIR while they are read. The
# variable is put back afterwards: pytest-xdist's workers inherit the environment of the
# process that reads these settings first, and each must choose its own folder.
_sun_var_dir = os.environ.get("SUN_VAR_DIR")
os.environ["SUN_VAR_DIR"] = str(VAR_DIR_TESTS)
try:
    from sun.settings import *  # noqa: F403
    from sun.settings import STORAGES
finally:
    if _sun_var_dir is None:
        del os.environ["SUN_VAR_DIR"]
    else:
        os.environ["SUN_VAR_DIR"] = _sun_var_dir

# The manifest storage needs `collectstatic`; tests read static files from the apps.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Hashing passwords slowly protects real accounts, not test ones.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Tasks run inline, in the request that queues them; the database backend stays configured
# under « base », for the tests that queue a task and run the real worker (`db_worker`).
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "base": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
# Login throttling (django-axes) stays on, as in production (tests/securite/test_connexion.py
# checks it). Tests sign in with `client.force_login`; `client.login` would need a request
# (axes refuses an authentication without one): `client.login(request=HttpRequest(), …)`.

# The import budget measures the whole process: a test worker that has run hundreds of tests
# (PDF rendering, browsers, whole territories) holds more than a fresh server process does.
SUN_IMPORT_MEMOIRE_MAX_MO = 4096
