"""Generated periodic reports (kept for download) and each unit's report settings."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from tiepdan.orgunits.models import OrgUnit

# DOMAIN §11 (Decree 09/2019): State reports count from the 15th of the month before the
# period to the 14th of its last month (15/12 of the previous year to 14/6 for six months).
DEFAULT_STATE_CUTOFF_DAY = 14


class ReportSettings(models.Model):
    """A unit's cut-off days; a unit without its own uses its nearest ancestor's."""

    unit = models.OneToOneField(
        OrgUnit, verbose_name=_("unit"), on_delete=models.CASCADE, related_name="report_settings"
    )
    state_cutoff_day = models.PositiveSmallIntegerField(
        _("cut-off day of State reports"),
        null=True,
        blank=True,
        default=DEFAULT_STATE_CUTOFF_DAY,
        validators=[MinValueValidator(1), MaxValueValidator(28)],
        help_text=_("Data up to this day of the period's last month; empty: calendar periods."),
    )
    party_cutoff_day = models.PositiveSmallIntegerField(
        _("cut-off day of Party reports"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(28)],
        help_text=_("Empty: calendar months, quarters and years."),
    )

    class Meta:
        verbose_name = _("report settings")
        verbose_name_plural = _("report settings")

    def __str__(self) -> str:
        return str(self.unit)


class GeneratedReport(models.Model):
    class Kind(models.TextChoices):
        STATE = "state", _("State report on citizen reception and case handling")
        PARTY = "party", _("Party report on Regulation 11")

    class Format(models.TextChoices):
        DOCX = "docx", _("Word (.docx)")
        XLSX = "xlsx", _("Excel annex (.xlsx)")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        RUNNING = "running", _("Being generated")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    unit = models.ForeignKey(
        OrgUnit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="generated_reports"
    )
    kind = models.CharField(_("report"), max_length=10, choices=Kind.choices)
    period = models.CharField(_("period"), max_length=10)
    fmt = models.CharField(_("format"), max_length=5, choices=Format.choices, default=Format.DOCX)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    number = models.CharField(_("report number"), max_length=40, blank=True)
    file = models.FileField(_("file"), upload_to="reports/%Y/", blank=True)
    error = models.TextField(_("error"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("generated report")
        verbose_name_plural = _("generated reports")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["unit", "-created_at"], name="report_unit_recent")]
        permissions = [
            ("view_dashboard", _("Can view dashboards")),
            ("make_reports", _("Can generate periodic reports")),
            ("manage_report_settings", _("Can set the unit's report cut-off days")),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.period} ({self.unit})"

    @property
    def filename(self) -> str:
        prefix = "bao-cao-dang" if self.kind == self.Kind.PARTY else "bao-cao-tcd"
        return f"{prefix}-{self.unit.code or self.unit_id}-{self.period}.{self.fmt}"
