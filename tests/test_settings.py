"""The database settings `make run` relies on really reach the SQLite connection."""

import sqlite3

import pytest
from django.db import connections, transaction
from django.db.backends.sqlite3.base import DatabaseWrapper

from config.settings import database_from_url


@pytest.fixture
def sqlite_file_connection(tmp_path, django_db_blocker):
    """A connection to a fresh SQLite file, opened with the settings `make run` uses."""
    config = database_from_url(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    settings_dict = connections.configure_settings({"default": config})["default"]
    wrapper = DatabaseWrapper(settings_dict, "file")
    connections["file"] = wrapper
    with django_db_blocker.unblock():
        wrapper.ensure_connection()
        yield wrapper
        wrapper.close()
    del connections["file"]


def pragma(wrapper, name):
    with wrapper.cursor() as cursor:
        cursor.execute(f"PRAGMA {name}")
        return cursor.fetchone()[0]


def test_it_opens_file_databases_in_wal_mode(sqlite_file_connection):
    assert pragma(sqlite_file_connection, "journal_mode") == "wal"


def test_it_makes_every_commit_durable_with_synchronous_full(sqlite_file_connection):
    assert pragma(sqlite_file_connection, "synchronous") == 2  # 2 = FULL


def test_it_waits_for_a_busy_database_instead_of_failing_at_once(sqlite_file_connection):
    assert pragma(sqlite_file_connection, "busy_timeout") == 20_000


def test_it_enforces_foreign_keys(sqlite_file_connection):
    assert pragma(sqlite_file_connection, "foreign_keys") == 1


def test_it_takes_the_write_lock_when_a_transaction_begins(sqlite_file_connection):
    """IMMEDIATE transactions never hit "database is locked" when a read turns into a write."""
    path = sqlite_file_connection.settings_dict["NAME"]
    with transaction.atomic(using="file"), sqlite_file_connection.cursor() as cursor:
        cursor.execute("SELECT 1")  # only a read, yet the write lock is already held
        other = sqlite3.connect(path, timeout=0)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        other.close()


def test_it_leaves_postgresql_urls_without_sqlite_options():
    config = database_from_url("postgres://tiepdan@db.example.vn:5432/tiepdan")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert "transaction_mode" not in config.get("OPTIONS", {})


def settings_with(monkeypatch, **environ):
    """config/settings.py evaluated afresh under these environment variables."""
    import runpy
    from pathlib import Path

    for name in ("TIEPDAN_DEMO", "EMAIL_BACKEND", "TIEPDAN_SITE_URL"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(Path(__file__).resolve().parents[1] / "config" / "settings.py"))


def test_a_demo_keeps_its_mail_in_the_outbox_unless_a_backend_is_named(monkeypatch):
    """`make run` must not print whole e-mails on the terminal."""
    outbox = "tiepdan.notifications.mail.OutboxBackend"
    smtp = "django.core.mail.backends.smtp.EmailBackend"
    assert settings_with(monkeypatch, TIEPDAN_DEMO="1")["EMAIL_BACKEND"] == outbox
    demo_smtp = settings_with(monkeypatch, TIEPDAN_DEMO="1", EMAIL_BACKEND=smtp)
    assert demo_smtp["EMAIL_BACKEND"] == smtp
    assert settings_with(monkeypatch)["EMAIL_BACKEND"].endswith("console.EmailBackend")


def test_the_site_url_has_a_local_default_and_comes_from_the_environment(monkeypatch):
    assert settings_with(monkeypatch)["TIEPDAN_SITE_URL"] == "http://127.0.0.1:8000"
    configured = settings_with(monkeypatch, TIEPDAN_SITE_URL="https://tiepdan.benthanh.gov.vn")
    assert configured["TIEPDAN_SITE_URL"] == "https://tiepdan.benthanh.gov.vn"
