"""Organisation units: province → commune-level unit (xã / phường / đặc khu) → thôn / tổ dân phố.

The two-tier structure in force since 1 July 2025 (DOMAIN §9, rule 27). Old districts can be
kept as history (`is_historical`), but no rule depends on them. A unit's `path` lists its
ancestors' ids so that a subtree is one indexed prefix query.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q, Value
from django.db.models.functions import Concat, Substr
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

if TYPE_CHECKING:
    from collections.abc import Iterable


class OrgUnitQuerySet(models.QuerySet["OrgUnit"]):
    def subtree_of(self, unit: OrgUnit) -> OrgUnitQuerySet:
        return self.filter(path__startswith=unit.path)

    def current(self) -> OrgUnitQuerySet:
        return self.filter(is_historical=False)

    def communes(self) -> OrgUnitQuerySet:
        return self.filter(level=OrgUnit.Level.COMMUNE)


class OrgUnit(models.Model):
    class Level(models.TextChoices):
        PROVINCE = "province", _("Province / centrally-run city")
        DISTRICT = "district", _("District (before 1 July 2025, history only)")
        COMMUNE = "commune", _("Commune-level unit")
        GROUP = "group", _("Village / residential group")

    class Kind(models.TextChoices):
        PROVINCE = "tinh", _("Province")
        CITY = "thanh_pho", _("Centrally-run city")
        DISTRICT = "quan_huyen", _("District")
        COMMUNE = "xa", _("Commune")
        WARD = "phuong", _("Ward")
        SPECIAL_ZONE = "dac_khu", _("Special zone")
        VILLAGE = "thon", _("Village")
        RESIDENTIAL_GROUP = "to_dan_pho", _("Residential group")

    PARENT_LEVEL = {
        Level.PROVINCE: (),
        Level.DISTRICT: (Level.PROVINCE,),
        Level.COMMUNE: (Level.PROVINCE, Level.DISTRICT),
        Level.GROUP: (Level.COMMUNE,),
    }

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    code = models.CharField(
        _("official code"),
        max_length=20,
        blank=True,
        help_text=_("The official administrative code (e.g. 79, 26743); blank for groups."),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    path = models.CharField(max_length=255, editable=False, db_index=True, default="")
    is_historical = models.BooleanField(_("historical (no longer exists)"), default=False)
    address = models.CharField(_("office address"), max_length=255, blank=True)
    phone = models.CharField(_("office phone"), max_length=30, blank=True)
    email = models.EmailField(_("office e-mail"), blank=True)

    objects = OrgUnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation unit")
        verbose_name_plural = _("organisation units")
        ordering = ["path"]
        constraints = [
            models.UniqueConstraint(
                fields=["code"], condition=~Q(code=""), name="orgunit_unique_official_code"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        super().save(*args, **kwargs)  # type: ignore[arg-type]
        path = f"{self.parent.path if self.parent else '/'}{self.pk}/"
        if path != self.path:
            old, self.path = self.path, path
            if old:  # moved: the whole subtree follows
                OrgUnit.objects.filter(path__startswith=old).update(
                    path=Concat(Value(path), Substr("path", len(old) + 1))
                )
            else:
                OrgUnit.objects.filter(pk=self.pk).update(path=path)

    def clean(self) -> None:
        """Refuse a parent below the unit itself, or one at a level that cannot hold it."""
        parent = self.parent
        if parent is not None and self.path and parent.path.startswith(self.path):
            raise ValidationError(
                {"parent": _("A unit cannot be placed inside itself or one of its own units.")}
            )
        allowed = self.PARENT_LEVEL.get(self.Level(self.level), ()) if self.level else ()
        if parent is not None and parent.level not in allowed:
            raise ValidationError(
                {
                    "parent": _("A %(level)s cannot be placed under a %(parent)s.")
                    % {"level": self.get_level_display(), "parent": parent.get_level_display()}
                }
            )

    def ancestors(self) -> Iterable[OrgUnit]:
        """The units from the province down to this one, this one included."""
        ids = [int(part) for part in self.path.strip("/").split("/") if part]
        by_id = OrgUnit.objects.in_bulk(ids)
        return [by_id[i] for i in ids if i in by_id]

    def commune(self) -> OrgUnit | None:
        """The commune-level unit this unit is or belongs to."""
        for unit in reversed(list(self.ancestors())):
            if unit.level == self.Level.COMMUNE:
                return unit
        return None

    def province(self) -> OrgUnit | None:
        """The province (or centrally-run city) this unit is or belongs to."""
        for unit in self.ancestors():
            if unit.level == self.Level.PROVINCE:
                return unit
        return None

    def contains(self, other: OrgUnit) -> bool:
        """Whether `other` is this unit or lies below it."""
        return other.path.startswith(self.path)


class Department(models.Model):
    class Kind(models.TextChoices):
        BOARD = "ban", _("Board")
        SECTION = "bo_phan", _("Section")
        FRONT = "mat_tran", _("Fatherland Front")
        ASSOCIATION = "doan_the", _("Mass organisation")

    unit = models.ForeignKey(
        OrgUnit, verbose_name=_("unit"), on_delete=models.CASCADE, related_name="departments"
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.SECTION)
    code = models.SlugField(_("short code"), max_length=30)
    is_active = models.BooleanField(pgettext_lazy("organisational unit", "active"), default=True)

    class Meta:
        verbose_name = _("department")
        verbose_name_plural = _("departments")
        ordering = ["unit", "name"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "code"], name="department_unique_code"),
        ]

    def __str__(self) -> str:
        return self.name


class DocumentCounter(models.Model):
    """The last number issued in one series of a unit's documents in one year.

    Decree 30/2020 numbers documents from 1 each year ("Số: 12/TB-UBND"); a series is the
    document type and register (e.g. "TB", "BC", "TCD-01").
    """

    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="document_counters")
    year = models.PositiveSmallIntegerField()
    series = models.CharField(max_length=30)
    last = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("document number register")
        verbose_name_plural = _("document number registers")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "year", "series"], name="document_counter_unique_series"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit} {self.series} {self.year}: {self.last}"
