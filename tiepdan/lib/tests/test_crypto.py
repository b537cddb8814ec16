"""CCCD and phone numbers encrypted at rest, found by a keyed hash (DOMAIN rule 26)."""

import pytest
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import connection, models
from django.test.utils import isolate_apps
from hypothesis import given
from hypothesis import strategies as st

from config.env import env
from tiepdan.lib import crypto
from tiepdan.lib.fields import EncryptedCharField

KEY_A = crypto.generate_key()
KEY_B = crypto.generate_key()


@pytest.fixture
def key_a(settings):
    settings.TIEPDAN_DATA_KEY = KEY_A
    return KEY_A


def test_it_round_trips_and_hides_the_number(key_a):
    """Law 91/2025 (rule 26): the stored form does not contain the number."""
    token = crypto.encrypt("079203001234")
    assert "079203001234" not in token
    assert crypto.decrypt(token) == "079203001234"


def test_it_encrypts_the_same_number_differently_each_time(key_a):
    assert crypto.encrypt("+84912345678") != crypto.encrypt("+84912345678")


@given(st.text(max_size=50))
def test_it_round_trips_any_text(text):
    assert crypto.decrypt(crypto.encrypt(text)) == text


def test_it_refuses_a_tampered_value(key_a):
    token = crypto.encrypt("079203001234")
    tampered = token[:-6] + ("A" if token[-6] != "A" else "B") + token[-5:]
    with pytest.raises(crypto.UndecryptableValue):
        crypto.decrypt(tampered)


def test_it_cannot_read_values_of_a_dropped_key(settings):
    settings.TIEPDAN_DATA_KEY = KEY_A
    token = crypto.encrypt("079203001234")
    settings.TIEPDAN_DATA_KEY = KEY_B
    with pytest.raises(crypto.UndecryptableValue, match="TIEPDAN_DATA_KEY"):
        crypto.decrypt(token)


def test_it_rotates_to_a_new_key_put_first(settings):
    settings.TIEPDAN_DATA_KEY = KEY_A
    old = crypto.encrypt("079203001234")
    old_hash = crypto.lookup_hash("079203001234", "cccd")
    settings.TIEPDAN_DATA_KEY = f"{KEY_B},{KEY_A}"
    assert crypto.decrypt(old) == "079203001234"
    assert old_hash in crypto.lookup_hashes("079203001234", "cccd")
    new = crypto.rotate(old)
    settings.TIEPDAN_DATA_KEY = KEY_B
    assert crypto.decrypt(new) == "079203001234"
    assert crypto.lookup_hashes("079203001234", "cccd") == [
        crypto.lookup_hash("079203001234", "cccd")
    ]


def test_it_hashes_equal_values_equally_and_kinds_apart(key_a):
    digest = crypto.lookup_hash("079203001234", "cccd")
    assert len(digest) == 64
    assert digest == crypto.lookup_hash("079203001234", "cccd")
    assert digest != crypto.lookup_hash("079203001235", "cccd")
    assert digest != crypto.lookup_hash("079203001234", "phone")


def test_its_hash_depends_on_the_key(settings):
    """Without the key nobody can hash all 10^12 CCCD numbers to reverse the lookup column."""
    settings.TIEPDAN_DATA_KEY = KEY_A
    first = crypto.lookup_hash("079203001234", "cccd")
    settings.TIEPDAN_DATA_KEY = KEY_B
    assert crypto.lookup_hash("079203001234", "cccd") != first


def test_it_stops_start_up_without_a_key_outside_tests_and_demo(settings, monkeypatch):
    monkeypatch.delenv("TIEPDAN_DATA_KEY", raising=False)
    monkeypatch.delenv("TIEPDAN_DATA_KEY_FILE", raising=False)
    settings.TIEPDAN_DATA_KEY = ""
    settings.SETTINGS_MODULE = "config.settings"
    settings.DEMO = False
    with pytest.raises(ImproperlyConfigured, match="TIEPDAN_DATA_KEY is not set"):
        crypto.require_data_key()
    with pytest.raises(ImproperlyConfigured):
        crypto.encrypt("079203001234")
    settings.DEMO = True
    crypto.require_data_key()
    assert crypto.decrypt(crypto.encrypt("x")) == "x"


def test_it_reads_the_key_from_a_file(settings, monkeypatch, tmp_path):
    settings.TIEPDAN_DATA_KEY = ""
    settings.SETTINGS_MODULE = "config.settings"
    settings.DEMO = False
    path = tmp_path / "data_key"
    path.write_text(KEY_B + "\n")
    monkeypatch.setenv("TIEPDAN_DATA_KEY_FILE", str(path))
    settings.TIEPDAN_DATA_KEY = env("TIEPDAN_DATA_KEY")  # as config/settings.py reads it
    crypto.require_data_key()
    token = crypto.encrypt("+84912345678")
    settings.TIEPDAN_DATA_KEY = KEY_B
    assert crypto.decrypt(token) == "+84912345678"


@pytest.mark.parametrize("value", ["short", "not base64 !!!", KEY_A + "," + "abc"])
def test_it_explains_a_malformed_key(settings, value):
    settings.TIEPDAN_DATA_KEY = value
    with pytest.raises(ImproperlyConfigured, match="32 bytes"):
        crypto.require_data_key()


def test_the_field_stores_ciphertext_and_reads_plain_text(key_a):
    field = EncryptedCharField(max_length=12)
    stored = field.get_prep_value("079203001234")
    assert "079203001234" not in stored
    assert field.from_db_value(stored, None, connection) == "079203001234"
    assert field.get_prep_value("") == ""
    assert field.get_prep_value(None) is None
    assert field.from_db_value(None, None, connection) is None


def test_the_field_checks_the_plain_length_and_offers_a_text_input():
    field = EncryptedCharField(max_length=12)
    with pytest.raises(ValidationError):
        field.run_validators("0792030012345")
    form_field = field.formfield()
    assert form_field.max_length == 12
    assert form_field.widget.input_type == "text"


def test_the_field_refuses_lookups_on_ciphertext():
    field = EncryptedCharField(max_length=12)
    assert field.get_lookup("exact") is None
    assert field.get_lookup("icontains") is None
    assert field.get_lookup("isnull") is not None


@pytest.mark.django_db(transaction=True)
@isolate_apps("tiepdan.lib")
def test_the_field_keeps_the_database_column_encrypted(key_a):
    class Person(models.Model):
        cccd = EncryptedCharField(max_length=12, blank=True)
        cccd_hash = models.CharField(max_length=64, db_index=True)

        class Meta:
            app_label = "lib"

    with connection.schema_editor() as editor:
        editor.create_model(Person)
    try:
        Person.objects.create(
            cccd="079203001234", cccd_hash=crypto.lookup_hash("079203001234", "cccd")
        )
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT cccd FROM {Person._meta.db_table}")
            (raw,) = cursor.fetchone()
        assert "079203001234" not in raw
        found = Person.objects.get(cccd_hash=crypto.lookup_hash("079203001234", "cccd"))
        assert found.cccd == "079203001234"
    finally:
        with connection.schema_editor() as editor:
            editor.delete_model(Person)
