"""Directives and conclusions (ý kiến chỉ đạo, kết luận) and their progress timeline.

A directive is a leader's instruction from a reception session, a dialogue or a work meeting,
assigned to a department or an officer with a deadline. A dialogue's commitments are directives
whose source is the dialogue: one task machinery for all of them.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tiepdan.accounts.access import scoped
from tiepdan.directives.rules import REMIND_WORKING_DAYS_BEFORE
from tiepdan.lib.workdays import add_working_days
from tiepdan.orgunits.models import Department, OrgUnit

if TYPE_CHECKING:
    from tiepdan.accounts.models import User


class DirectiveQuerySet(models.QuerySet["Directive"]):
    def visible_to(self, user: User) -> DirectiveQuerySet:
        return scoped(self, user)  # type: ignore[return-value]

    def open(self) -> DirectiveQuerySet:
        return self.filter(status__in=Directive.OPEN_STATUSES)

    def overdue(self, *, on: date) -> DirectiveQuerySet:
        return self.open().filter(due_on__lt=on)

    def due_soon(self, *, on: date) -> DirectiveQuerySet:
        """Open directives due from `on` to a few working days later."""
        horizon = add_working_days(on, REMIND_WORKING_DAYS_BEFORE)
        return self.open().filter(due_on__gte=on, due_on__lte=horizon)

    def owned_by(self, user: User) -> DirectiveQuerySet:
        """Directives assigned to `user` or to `user`'s department."""
        condition = Q(owner_user=user)
        if user.department_id:
            condition |= Q(owner_department_id=user.department_id, owner_user__isnull=True)
        return self.filter(condition)

    def from_source(self, source: models.Model) -> DirectiveQuerySet:
        return self.filter(
            source_content_type=ContentType.objects.get_for_model(source),
            source_object_id=source.pk,
        )


class Directive(models.Model):
    class SourceKind(models.TextChoices):
        RECEPTION_SESSION = "reception_session", _("Citizen reception session")
        DIALOGUE = "dialogue", _("Dialogue with citizens")
        WORK_MEETING = "work_meeting", _("Work meeting")
        OTHER = "other", pgettext_lazy("directive", "Other")

    class Status(models.TextChoices):
        OPEN = "open", pgettext_lazy("directive", "Open")
        IN_PROGRESS = "in_progress", pgettext_lazy("directive", "In progress")
        DONE = "done", pgettext_lazy("directive", "Done")
        CANCELLED = "cancelled", pgettext_lazy("directive", "Cancelled")

    OPEN_STATUSES = (Status.OPEN, Status.IN_PROGRESS)

    unit = models.ForeignKey(
        OrgUnit,
        verbose_name=pgettext_lazy("directive", "unit"),
        on_delete=models.PROTECT,
        related_name="directives",
    )
    title = models.CharField(pgettext_lazy("directive", "title"), max_length=300)
    content = models.TextField(pgettext_lazy("directive", "content"), blank=True)
    source_kind = models.CharField(
        pgettext_lazy("directive", "source"),
        max_length=20,
        choices=SourceKind.choices,
        default=SourceKind.OTHER,
    )
    source_label = models.CharField(
        _("source description"),
        max_length=300,
        blank=True,
        help_text=_("E.g. the work meeting of 20/11/2026 with the Party Committee Standing Board."),
    )
    source_content_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    source_object_id = models.PositiveBigIntegerField(null=True, blank=True)
    source = GenericForeignKey("source_content_type", "source_object_id")
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=pgettext_lazy("directive", "issued by"),
        on_delete=models.PROTECT,
        related_name="directives_issued",
    )
    issued_on = models.DateField(pgettext_lazy("directive", "issued on"))
    owner_department = models.ForeignKey(
        Department,
        verbose_name=pgettext_lazy("directive", "owner department"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="directives",
    )
    owner_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=pgettext_lazy("directive", "owner officer"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="directives_owned",
    )
    due_on = models.DateField(pgettext_lazy("directive", "deadline"))
    status = models.CharField(
        pgettext_lazy("directive", "status"),
        max_length=20,
        choices=Status.choices,
        default=Status.OPEN,
    )
    percent_done = models.PositiveSmallIntegerField(_("percent done"), default=0)
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    reminded_on = models.DateField(_("last reminder"), null=True, blank=True, editable=False)
    overdue_flagged_at = models.DateTimeField(
        _("overdue escalated at"), null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(pgettext_lazy("directive", "created at"), auto_now_add=True)

    objects = DirectiveQuerySet.as_manager()

    class Meta:
        verbose_name = pgettext_lazy("directive", "directive")
        verbose_name_plural = _("directives")
        ordering = ["due_on", "pk"]
        indexes = [
            models.Index(fields=["unit", "status", "due_on"]),
            models.Index(fields=["source_content_type", "source_object_id"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(owner_department__isnull=False) | Q(owner_user__isnull=False),
                name="directive_has_owner",
            ),
            models.CheckConstraint(
                condition=Q(percent_done__lte=100), name="directive_percent_at_most_100"
            ),
        ]
        permissions = [
            ("issue_directive", _("Can issue, cancel and close any directive")),
            ("report_directive_progress", _("Can report progress on own directives")),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("directives:detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    def is_overdue(self, today: date) -> bool:
        return self.is_open and self.due_on < today

    def owner_display(self) -> str:
        parts = [str(x) for x in (self.owner_user, self.owner_department) if x is not None]
        return " · ".join(parts)


def evidence_path(instance: DirectiveUpdate, filename: str) -> str:
    return f"directives/{instance.directive_id}/{filename}"


class DirectiveUpdate(models.Model):
    """One entry of a directive's timeline: created, progress, reminder, completion…"""

    class Kind(models.TextChoices):
        CREATED = "created", pgettext_lazy("directive", "Issued")
        PROGRESS = "progress", _("Progress reported")
        COMPLETED = "completed", pgettext_lazy("directive", "Completed")
        CANCELLED = "cancelled", pgettext_lazy("directive", "Cancelled")
        REMINDED = "reminded", _("Reminder sent")
        ESCALATED = "escalated", _("Overdue, escalated")

    directive = models.ForeignKey(
        Directive,
        verbose_name=pgettext_lazy("directive", "directive"),
        on_delete=models.CASCADE,
        related_name="updates",
    )
    kind = models.CharField(pgettext_lazy("directive", "kind"), max_length=20, choices=Kind.choices)
    note = models.TextField(pgettext_lazy("directive", "note"), blank=True)
    percent_done = models.PositiveSmallIntegerField(_("percent done"), null=True, blank=True)
    evidence = models.FileField(
        pgettext_lazy("directive", "evidence"), upload_to=evidence_path, blank=True
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=pgettext_lazy("directive", "by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(pgettext_lazy("directive", "at"))

    class Meta:
        verbose_name = _("directive update")
        verbose_name_plural = _("directive updates")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.directive_id} {self.kind}"
