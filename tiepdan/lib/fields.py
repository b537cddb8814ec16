"""Model fields for personal data kept encrypted in the database (DOMAIN rule 26)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core import validators
from django.db import models

from tiepdan.lib import crypto

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
