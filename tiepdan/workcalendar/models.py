"""Announced working-day exceptions: extra days off and make-up working days, with their source.

The statutory holidays (Labour Code 2019 Art. 112) come from the `holidays` package; this table
holds what the Government announces each year on top of them (swaps, extra days, make-up
Saturdays), each row citing the notice that announced it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Holiday(models.Model):
    class Kind(models.TextChoices):
        DAY_OFF = "day_off", _("Extra day off")
        MAKEUP = "makeup", _("Make-up working day")

    date = models.DateField(_("date"), unique=True)
    kind = models.CharField(
        pgettext_lazy("calendar day", "kind"), max_length=10, choices=Kind.choices
    )
    name = models.CharField(_("name"), max_length=200)
    source = models.CharField(
        pgettext_lazy("calendar day", "source"),
        max_length=100,
        help_text=_("Number of the notice that announced the day, e.g. 12729/VPCP-KGVX."),
    )
    # The calendar year of `date`, stored so a year's days are one indexed lookup.
    year = models.PositiveSmallIntegerField(_("year"), db_index=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("entered at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        ordering = ["date"]
        verbose_name = _("announced day")
        verbose_name_plural = _("announced days")
        permissions = [("manage_calendar", _("Can manage the working-day calendar"))]

    def __str__(self) -> str:
        return f"{date_format(self.date, 'd/m/Y')} {self.name}"

    @property
    def is_makeup(self) -> bool:
        return self.kind == self.Kind.MAKEUP
