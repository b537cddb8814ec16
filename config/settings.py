"""tiepdan settings: one module, driven by environment variables with safe local defaults."""

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _
from xstatic.pkg import bootstrap as xstatic_bootstrap

from config.env import env, envbool, envcounts, envint, envlist

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env("TIEPDAN_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = envbool("DEBUG", False)
# The demo flag marks a local demonstration install (printed logins, relaxed 2FA).
DEMO = envbool("TIEPDAN_DEMO", False)
SECRET_KEY = env("SECRET_KEY", "insecure-local-key-change-me-" + "x" * 30)
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [])
CSRF_FAILURE_VIEW = "tiepdan.public.views.csrf_failure"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "huey.contrib.djhuey",
    "tiepdan.lib",
    "tiepdan.orgunits",
    "tiepdan.accounts",
    "tiepdan.notifications",
    "tiepdan.workcalendar",
    "tiepdan.citizens",
    "tiepdan.directives",
    "tiepdan.reception",
    "tiepdan.cases",
    "tiepdan.dialogues",
    "tiepdan.mediation",
    "tiepdan.privacy",
    "tiepdan.targets",
    "tiepdan.reports",
    "tiepdan.public",
    "tiepdan.integrations",
    "tiepdan.demo",
    "tiepdan.inbox",
    "ninja",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "tiepdan.public.middleware.SiteLanguageMiddleware",
    "tiepdan.api.middleware.ApiRequestMiddleware",
    "tiepdan.open311.middleware.Open311RequestMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "tiepdan.accounts.middleware.StaffLoginRequiredMiddleware",
    "tiepdan.accounts.middleware.TwoFactorRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "tiepdan.public.context_processors.site",
                "tiepdan.notifications.context_processors.bell",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
# SQLite by default (WAL, IMMEDIATE transactions, busy timeout, synchronous FULL: durable commits
# and no "database is locked" under concurrent writers); PostgreSQL through DATABASE_URL.
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;",
}


def database_from_url(url: str) -> dict:
    config = dj_database_url.parse(url, conn_max_age=envint("DB_CONN_MAX_AGE", 0))
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["OPTIONS"] = dict(SQLITE_OPTIONS)
    return dict(config)


DATABASES = {
    "default": database_from_url(env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")),
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Accounts -------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:home"
LOGOUT_REDIRECT_URL = "public:home"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Two-factor (TOTP) for leaders and unit admins; off by default only on demo installs.
TIEPDAN_REQUIRE_2FA = envbool("TIEPDAN_REQUIRE_2FA", not DEMO)
# The key of the personal data encrypted at rest (tiepdan.lib.crypto); production refuses to
# start without it. Days kept per record type, over the defaults of tiepdan.privacy.retention.
TIEPDAN_DATA_KEY = env("TIEPDAN_DATA_KEY")
TIEPDAN_RETENTION_DAYS = envcounts("TIEPDAN_RETENTION")
OTP_TOTP_ISSUER = "tiepdan"

AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = envint("AXES_COOLOFF_MINUTES", 30) / 60  # hours
# Lock a user name from one address: a ward office shares one public address, so locking the
# address alone would shut the whole office out after a few colleagues' typos.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True

SESSION_COOKIE_AGE = envint("SESSION_COOKIE_AGE", 8 * 3600)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = envbool("SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if envbool("BEHIND_PROXY", False) else None
)

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "style-src": ["'self'"],
        # Inline style attributes carry progress-bar widths and matplotlib's SVG colours;
        # <style> elements and scripts stay limited to our own files.
        "style-src-attr": ["'unsafe-inline'"],
        "script-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

# --- Language and time ----------------------------------------------------------------------
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
# The shell's catalogue, and those of the packages that are not apps (apps' are found by Django).
LOCALE_PATHS = [
    BASE_DIR / "locale",
    *(BASE_DIR / "tiepdan" / p / "locale" for p in ("api", "open311")),
]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Asia/Ho_Chi_Minh"

# --- Static and media -----------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static", ("bootstrap", xstatic_bootstrap.BASE_DIR)]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(VAR_DIR / "media")))
MEDIA_URL = "/media/"
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 60 * 1024 * 1024

# --- Jobs -----------------------------------------------------------------------------------
# Huey: SQLite storage by default (no broker to install), Redis when REDIS_URL is set.
REDIS_URL = env("REDIS_URL")
HUEY: dict = {
    "name": "tiepdan",
    "immediate": envbool("HUEY_IMMEDIATE", False),
    "utc": True,
    "consumer": {"workers": envint("HUEY_WORKERS", 2), "worker_type": "thread"},
}
if REDIS_URL:
    HUEY.update({"huey_class": "huey.RedisHuey", "url": REDIS_URL})
else:
    HUEY.update({"huey_class": "huey.SqliteHuey", "filename": str(VAR_DIR / "huey.sqlite3")})

# --- Mail -----------------------------------------------------------------------------------
# Unless EMAIL_BACKEND says otherwise, a demo keeps its mail in the outbox page (one log line per
# mail) and any other install prints it on the console.
EMAIL_BACKEND = env("EMAIL_BACKEND") or (
    "tiepdan.notifications.mail.OutboxBackend"
    if DEMO
    else "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "tiepdan@localhost")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", 25)
# The site's public address: the links in every e-mail are absolute (no trailing slash needed).
TIEPDAN_SITE_URL = env("TIEPDAN_SITE_URL", "http://127.0.0.1:8000")

# --- Caching --------------------------------------------------------------------------------
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "tiepdan_cache",
        }
    )
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    # The Huey consumer installs its own handler; not propagating keeps its lines single.
    "loggers": {"axes": {"level": "WARNING"}, "huey": {"level": "WARNING", "propagate": False}},
}

VAR_DIR.mkdir(parents=True, exist_ok=True)
