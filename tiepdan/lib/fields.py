"""Model fields for personal data kept encrypted in the database (DOMAIN rule 26)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django import forms
from django.core import validators
from django.db import models

from tiepdan.lib import crypto, ids

#: Lookups that still mean something on ciphertext; find a value by its lookup hash instead.
_ALLOWED_LOOKUPS = frozenset({"isnull"})


class EncryptedCharField(models.TextField):
    """Short text encrypted at rest with tiepdan.lib.crypto; reads back as plain text.

    `max_length` limits the plain value (forms and `full_clean`); the column holds the longer
    Fernet token. Empty strings and None are stored as they are. The ciphertext cannot be
    filtered or ordered: store `crypto.lookup_hash(value, purpose)` in an indexed CharField
    (max_length=64) next to it and filter on that.
    """

    description = "Text encrypted at rest"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.max_length is not None:
            self.validators.append(validators.MaxLengthValidator(self.max_length))

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return crypto.encrypt(value)

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> str | None:
        if value is None or value == "":
            return value
        return crypto.decrypt(value)

    def get_lookup(self, lookup_name: str) -> Any:
        if lookup_name not in _ALLOWED_LOOKUPS:
            return None
        return super().get_lookup(lookup_name)

    def formfield(self, **kwargs: Any) -> Any:
        defaults: dict[str, Any] = {"form_class": forms.CharField, "max_length": self.max_length}
        defaults.update(kwargs)
        if defaults.get("widget") is None or defaults["widget"] is forms.Textarea:
            defaults["widget"] = forms.TextInput
        return super(models.TextField, self).formfield(**defaults)


#: How each kind of number is normalised before it is hashed: equal numbers, equal hashes.
LOOKUP_KEYS: dict[str, Callable[[str], str]] = {
    "phone": ids.phone_key,
    "id_number": ids.id_number_key,
}


def lookup_hashes(value: str, purpose: str) -> list[str]:
    """The hashes to filter on for an exact number (one per configured key); [] for blank."""
    key = LOOKUP_KEYS[purpose](value or "")
    return crypto.lookup_hashes(key, purpose) if key else []


class LookupHashField(models.CharField):
    """The keyed hash of another (encrypted) field of the same row, filled whenever it is saved.

    `pre_save` runs on `save()` and `bulk_create()`; `queryset.update()` and `bulk_update()` do
    not call it, so set the hash yourself there (`compute(instance)`), as `rotate_data_key` does.
    """

    def __init__(self, *args: Any, source: str = "", purpose: str = "", **kwargs: Any) -> None:
        self.source, self.purpose = source, purpose
        kwargs.setdefault("max_length", 64)
        kwargs.setdefault("editable", False)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        kwargs.update(source=self.source, purpose=self.purpose)
        for key, default in (("max_length", 64), ("editable", False), ("blank", True)):
            if kwargs.get(key) == default:
                kwargs.pop(key)
        if kwargs.get("default") == "":
            kwargs.pop("default")
        return name, path, args, kwargs

    def compute(self, instance: models.Model) -> str:
        key = LOOKUP_KEYS[self.purpose](getattr(instance, self.source) or "")
        return crypto.lookup_hash(key, self.purpose) if key else ""

    def pre_save(self, model_instance: models.Model, add: bool) -> str:
        value = self.compute(model_instance)
        setattr(model_instance, self.attname, value)
        return value


def hash_fields(model: type[models.Model]) -> list[LookupHashField]:
    return [f for f in model._meta.concrete_fields if isinstance(f, LookupHashField)]


def with_hash_fields(model: type[models.Model], update_fields: Iterable[str] | None) -> Any:
    """`save(update_fields=…)` plus the hashes of any source field named in it."""
    if update_fields is None:
        return None
    names = set(update_fields)
    return names | {f.name for f in hash_fields(model) if f.source in names}


def encrypt_existing(
    model: type[models.Model], columns: dict[str, str | None], *, reverse: bool = False
) -> None:
    """Migration helper: encrypt (or, reversed, decrypt) clear-text columns row by row.

    `columns` maps each column to the purpose of its hash column `<name>_hash`, or None when it
    has none. Run it between altering the columns to plain text and to EncryptedCharField, so
    the model of that moment reads and writes the raw column.
    """
    names = list(columns)
    for row in model._default_manager.values("pk", *names).iterator(chunk_size=2000):
        changes: dict[str, str] = {}
        for name, purpose in columns.items():
            value = row[name] or ""
            if not value:
                continue
            if reverse:
                changes[name] = crypto.decrypt(value)
                continue
            if purpose is not None:
                key = LOOKUP_KEYS[purpose](value)
                value = key if purpose == "phone" else value.strip()
                changes[f"{name}_hash"] = crypto.lookup_hash(key, purpose) if key else ""
            changes[name] = crypto.encrypt(value)
        if changes:
            model._default_manager.filter(pk=row["pk"]).update(**changes)
