"""A unit's own case settings: its list of fields, overridden periods, notice wording, numbering."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tiepdan.orgunits.models import Department, OrgUnit

# The list a unit starts with; each unit edits its own copy.
DEFAULT_FIELDS = [
    ("dat-dai", "Đất đai"),
    ("trat-tu-xay-dung", "Trật tự xây dựng"),
    ("moi-truong", "Môi trường"),
    ("trat-tu-do-thi", "Trật tự đô thị, lấn chiếm vỉa hè"),
    ("giao-thong-ha-tang", "Giao thông, hạ tầng"),
    ("an-ninh-trat-tu", "An ninh, trật tự"),
    ("chinh-sach-xa-hoi", "Chính sách xã hội"),
    ("hanh-chinh", "Thủ tục hành chính"),
    ("can-bo", "Cán bộ, công chức"),
    ("khac", "Lĩnh vực khác"),
]


class Field(models.Model):
    """A subject area of the unit's own list (đất đai, trật tự xây dựng, …) with default routing."""

    unit = models.ForeignKey(
        OrgUnit, verbose_name=_("unit"), on_delete=models.CASCADE, related_name="case_fields"
    )
    code = models.SlugField(_("short code"), max_length=30)
    name = models.CharField(_("name"), max_length=120)
    default_department = models.ForeignKey(
        Department,
        verbose_name=_("default department"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    default_assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("default officer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    answer_template = models.TextField(
        _("answer template"),
        blank=True,
        help_text=_("Starting text of an answer in this field; placeholders like {citizen_name}."),
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(pgettext_lazy("catalogue entry", "active"), default=True)

    class Meta:
        verbose_name = _("field")
        verbose_name_plural = _("fields")
        ordering = ["unit", "position", "name"]
        constraints = [models.UniqueConstraint(fields=["unit", "code"], name="case_field_unique")]

    def __str__(self) -> str:
        return self.name


class CasePolicy(models.Model):
    """A unit's settings: periods it overrides (days) and reminder lead time."""

    unit = models.OneToOneField(
        OrgUnit, verbose_name=_("unit"), on_delete=models.CASCADE, related_name="case_policy"
    )
    periods = models.JSONField(_("period overrides (days)"), default=dict, blank=True)
    reminder_working_days = models.PositiveSmallIntegerField(
        _("remind this many working days before a due date"), default=2
    )

    class Meta:
        verbose_name = _("case settings")
        verbose_name_plural = _("case settings")

    def __str__(self) -> str:
        return str(self.unit)


class RegistrationCounter(models.Model):
    """The last registration number given per unit and year (numbers restart each year)."""

    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("registration counter")
        verbose_name_plural = _("registration counters")
        constraints = [
            models.UniqueConstraint(fields=["unit", "year"], name="case_counter_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.unit_id}/{self.year}: {self.last}"


class NoticeTemplate(models.Model):
    """A unit's wording of a notice; placeholders like {citizen_name} are filled when issued."""

    class Kind(models.TextChoices):
        ACCEPT = "accept", _("Acceptance notice (Form 01)")
        TRANSFER = "transfer", _("Transfer notice (Form 03)")
        GUIDE = "guide", _("Guidance notice")
        ARCHIVE = "archive", _("Archiving notice")
        ANSWER = "answer", _("Answer")

    unit = models.ForeignKey(
        OrgUnit, verbose_name=_("unit"), on_delete=models.CASCADE, related_name="notice_templates"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    summary = models.CharField(_("summary line"), max_length=200)
    body = models.TextField(_("body"))

    class Meta:
        verbose_name = _("notice template")
        verbose_name_plural = _("notice templates")
        constraints = [
            models.UniqueConstraint(fields=["unit", "kind"], name="notice_template_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.unit} · {self.get_kind_display()}"
