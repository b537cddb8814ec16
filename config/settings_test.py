"""Test settings: SQLite in memory unless TIEPDAN_TEST_DATABASE_URL names another database."""

import os

from config.settings import *  # noqa: F403
from config.settings import database_from_url

_url = os.environ.get("TIEPDAN_TEST_DATABASE_URL")
DATABASES = {"default": database_from_url(_url or "sqlite:///:memory:")}
if os.environ.get("TIEPDAN_TEST_DB_NAME"):
    DATABASES["default"]["TEST"] = {"NAME": os.environ["TIEPDAN_TEST_DB_NAME"]}

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
HUEY = {**HUEY, "immediate": True}  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
TIEPDAN_REQUIRE_2FA = False
AXES_ENABLED = True
SECRET_KEY = "test-secret-key-not-for-production-0123456789abcdef"
