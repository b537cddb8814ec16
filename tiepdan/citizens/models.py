"""Citizens who come to reception or send cases: personal data, kept minimal (DOMAIN §8)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from tiepdan.lib import ids
from tiepdan.lib.fields import (
    EncryptedCharField,
    LookupHashField,
    lookup_hashes,
    with_hash_fields,
)
from tiepdan.lib.text import fold

CONTACT_FIELDS = ("phone", "email", "address")


class CitizenQuerySet(models.QuerySet["Citizen"]):
    """Find citizens by an exact document or phone number (stored encrypted, found by hash)."""

    def with_id_number(self, value: str) -> CitizenQuerySet:
        """Citizens with this document number, written with or without separators."""
        return self.filter(id_number_hash__in=lookup_hashes(value, "id_number"))

    def with_phone(self, value: str) -> CitizenQuerySet:
        """Citizens with this phone number, in any form `ids.normalize_phone` accepts."""
        return self.filter(phone_hash__in=lookup_hashes(value, "phone"))

    def same_as(self, citizen: Citizen) -> Citizen | None:
        """The stored citizen who is this person: the same CCCD, else the same phone and name."""
        if citizen.id_kind == Citizen.IdKind.CCCD and citizen.id_number:
            found = self.with_id_number(citizen.id_number).filter(id_kind=Citizen.IdKind.CCCD)
            return found.order_by("pk").first()
        if citizen.phone:
            found = self.with_phone(citizen.phone).filter(name_key=fold(citizen.full_name))
            return found.order_by("pk").first()
        return None

    def register(self, citizen: Citizen) -> Citizen:
        """Save a new citizen, or return the stored row of the same person (see `same_as`).

        One person keeps one row across cases, so their cases can be found together; contact
        details the stored row lacks are filled in from the new one.
        """
        if citizen.pk is not None:
            return citizen
        same = self.same_as(citizen)
        if same is None:
            citizen.save()
            return citizen
        missing = [f for f in CONTACT_FIELDS if not getattr(same, f) and getattr(citizen, f)]
        for name in missing:
            setattr(same, name, getattr(citizen, name))
        if missing:
            same.save(update_fields=missing)
        return same


class Citizen(models.Model):
    class IdKind(models.TextChoices):
        CCCD = "cccd", _("CCCD / personal ID number")
        PASSPORT = "passport", _("Passport")
        OTHER = "other", _("Other document")
        NONE = "none", _("No document")

    class Sex(models.TextChoices):
        MALE = "M", _("Male")
        FEMALE = "F", _("Female")

    full_name = models.CharField(_("full name"), max_length=200)
    name_key = models.CharField(max_length=200, editable=False, db_index=True, default="")
    id_kind = models.CharField(
        _("identity document"), max_length=10, choices=IdKind.choices, default=IdKind.CCCD
    )
    # Law 91/2025 (rule 26): encrypted at rest, found through the keyed hashes below.
    id_number = EncryptedCharField(_("document number"), max_length=30, blank=True)
    id_number_hash = LookupHashField(source="id_number", purpose="id_number", db_index=True)
    id_issued_on = models.DateField(_("issued on"), null=True, blank=True)
    id_issued_by = models.CharField(_("issued by"), max_length=200, blank=True)
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices, blank=True)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    phone = EncryptedCharField(_("phone (E.164)"), max_length=20, blank=True)
    phone_hash = LookupHashField(source="phone", purpose="phone", db_index=True)
    email = models.EmailField(_("e-mail"), blank=True)
    province_code = models.CharField(_("province code"), max_length=10, blank=True)
    ward_code = models.CharField(_("ward code"), max_length=10, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CitizenQuerySet.as_manager()

    class Meta:
        verbose_name = _("citizen")
        verbose_name_plural = _("citizens")

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args: object, **kwargs: object) -> None:
        self.name_key = fold(self.full_name)
        if self.id_kind == self.IdKind.CCCD:
            self.id_number = ids.id_number_key(self.id_number)
        self.phone = ids.phone_key(self.phone)
        update_fields = with_hash_fields(Citizen, kwargs.get("update_fields"))  # type: ignore[arg-type]
        if update_fields is not None:
            if "full_name" in update_fields:
                update_fields.add("name_key")
            kwargs["update_fields"] = update_fields
        super().save(*args, **kwargs)  # type: ignore[arg-type]
