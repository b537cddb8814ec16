"""Dialogues with citizens (đối thoại trực tiếp): planning, invitations, attendance, the issues
raised and answered, minutes, and commitments, which are directives whose source is the dialogue.

A complaint dialogue follows Decree 124/2020 Art. 28 as amended by Decree 155/2026; a general
dialogue is the one Regulation 11-QĐi/TW asks the Secretary to hold when citizens need it.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Count, Min
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tiepdan.accounts.access import scoped
from tiepdan.cases.models import Case
from tiepdan.directives.models import Directive
from tiepdan.orgunits.models import OrgUnit

if TYPE_CHECKING:
    from tiepdan.accounts.models import User


class DialogueQuerySet(models.QuerySet["Dialogue"]):
    def visible_to(self, user: User) -> DialogueQuerySet:
        return scoped(self, user)  # type: ignore[return-value]

    def published(self) -> DialogueQuerySet:
        return self.filter(published_at__isnull=False)

    def with_open_commitments(self) -> DialogueQuerySet:
        """Dialogues with commitments still to carry out, the nearest deadline first, each with
        `open_commitments` (how many) and `next_due` (the earliest deadline among them); the
        filter comes first, so the annotations count the open commitments only."""
        return (
            self.filter(commitments__status__in=Directive.OPEN_STATUSES)
            .annotate(open_commitments=Count("commitments"), next_due=Min("commitments__due_on"))
            .order_by("next_due", "pk")
        )


class Dialogue(models.Model):
    class Kind(models.TextChoices):
        GENERAL = "general", _("Dialogue with citizens")
        COMPLAINT = "complaint", _("Complaint dialogue (Decree 155/2026)")

    class Status(models.TextChoices):
        PLANNED = "planned", pgettext_lazy("dialogue", "Planned")
        HELD = "held", pgettext_lazy("dialogue", "Held")
        CANCELLED = "cancelled", pgettext_lazy("dialogue", "Cancelled")

    unit = models.ForeignKey(
        OrgUnit,
        verbose_name=pgettext_lazy("dialogue", "unit"),
        on_delete=models.PROTECT,
        related_name="dialogues",
    )
    kind = models.CharField(
        pgettext_lazy("dialogue", "kind"), max_length=20, choices=Kind.choices, default=Kind.GENERAL
    )
    topic = models.CharField(_("topic"), max_length=300)
    description = models.TextField(_("purpose and content"), blank=True)
    held_at = models.DateTimeField(_("date and time"))
    ended_at = models.TimeField(_("ended at"), null=True, blank=True)
    place = models.CharField(pgettext_lazy("dialogue", "place"), max_length=300)
    chaired_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("chaired by"),
        on_delete=models.PROTECT,
        related_name="dialogues_chaired",
    )
    cases = models.ManyToManyField(
        Case, verbose_name=_("cases concerned"), blank=True, related_name="dialogues"
    )
    residential_groups = models.ManyToManyField(
        OrgUnit,
        verbose_name=_("residential groups concerned"),
        blank=True,
        related_name="dialogues_concerning",
    )
    invitations_sent_on = models.DateField(_("invitations sent on"), null=True, blank=True)
    status = models.CharField(
        pgettext_lazy("dialogue", "status"),
        max_length=20,
        choices=Status.choices,
        default=Status.PLANNED,
    )
    result = models.TextField(_("result of the dialogue"), blank=True)
    minutes_number = models.CharField(_("minutes number"), max_length=40, blank=True)
    minutes_copies = models.PositiveSmallIntegerField(_("copies of the minutes"), default=3)
    public_summary = models.TextField(_("public summary"), blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    commitments = GenericRelation(
        Directive, content_type_field="source_content_type", object_id_field="source_object_id"
    )

    objects = DialogueQuerySet.as_manager()

    class Meta:
        verbose_name = _("dialogue")
        verbose_name_plural = _("dialogues")
        ordering = ["-held_at"]
        permissions = [("manage_dialogues", _("Can plan and record dialogues with citizens"))]

    def __str__(self) -> str:
        return _("Dialogue of %(date)s: %(topic)s") % {
            "date": timezone.localtime(self.held_at).strftime("%d/%m/%Y"),
            "topic": self.topic,
        }

    def get_absolute_url(self) -> str:
        return reverse("dialogues:detail", args=[self.pk])

    @property
    def is_complaint(self) -> bool:
        return self.kind == self.Kind.COMPLAINT

    @property
    def held_on(self) -> date:
        return timezone.localtime(self.held_at).date()


class Participant(models.Model):
    class Role(models.TextChoices):
        CHAIR = "chair", _("Chair / person resolving the complaint")
        OFFICIAL = "official", _("Official or invited body")
        COMPLAINANT = "complainant", _("Complainant or representative")
        RESPONDENT = "respondent", _("Person complained against")
        RELATED = "related", _("Related person or body")
        CITIZEN = "citizen", _("Citizen")
        RECORDER = "recorder", _("Minutes taker")

    dialogue = models.ForeignKey(Dialogue, on_delete=models.CASCADE, related_name="participants")
    name = models.CharField(_("full name"), max_length=200)
    affiliation = models.CharField(_("post, body or address"), max_length=300, blank=True)
    role = models.CharField(
        pgettext_lazy("dialogue", "role"), max_length=20, choices=Role.choices, default=Role.CITIZEN
    )
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    absence_note = models.CharField(_("reason for absence"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name


class RaisedIssue(models.Model):
    """One matter raised at the dialogue and the answer given there."""

    dialogue = models.ForeignKey(Dialogue, on_delete=models.CASCADE, related_name="issues")
    raised_by = models.CharField(_("raised by"), max_length=200)
    content = models.TextField(_("matter raised"))
    answer = models.TextField(_("answer given"), blank=True)
    answered_by = models.CharField(_("answered by"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("matter raised")
        verbose_name_plural = _("matters raised")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.content[:80]
