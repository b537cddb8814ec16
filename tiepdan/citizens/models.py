"""Citizens who come to reception or send cases: personal data, kept minimal (DOMAIN §8)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from tiepdan.lib.text import fold


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
    id_number = models.CharField(_("document number"), max_length=30, blank=True, db_index=True)
    id_issued_on = models.DateField(_("issued on"), null=True, blank=True)
    id_issued_by = models.CharField(_("issued by"), max_length=200, blank=True)
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices, blank=True)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    phone = models.CharField(_("phone (E.164)"), max_length=20, blank=True, db_index=True)
    email = models.EmailField(_("e-mail"), blank=True)
    province_code = models.CharField(_("province code"), max_length=10, blank=True)
    ward_code = models.CharField(_("ward code"), max_length=10, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("citizen")
        verbose_name_plural = _("citizens")

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args: object, **kwargs: object) -> None:
        self.name_key = fold(self.full_name)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "full_name" in update_fields:  # type: ignore[operator]
            kwargs["update_fields"] = {*update_fields, "name_key"}  # type: ignore[misc]
        super().save(*args, **kwargs)  # type: ignore[arg-type]
