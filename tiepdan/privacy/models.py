"""Personal-data records (Law 91/2025; Decree 356/2025; DOMAIN §8, rule 26).

`Consent`: what a citizen agreed to on a public form, and when. `DataSubjectRequest`: the log of
requests to see, correct, delete or restrict one's data, object or withdraw consent, each
acknowledged within 2 working days.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tiepdan.accounts.access import scoped
from tiepdan.lib.fields import EncryptedCharField
from tiepdan.orgunits.models import OrgUnit


class Consent(models.Model):
    """A citizen's explicit consent on a public form: the notice version and the moment."""

    class Form(models.TextChoices):
        CASE = "case", _("Online case form")
        BOOKING = "booking", _("Reception booking")
        REQUEST = "request", _("Data-subject request")

    form = models.CharField(pgettext_lazy("web form", "form"), max_length=10, choices=Form.choices)
    record_id = models.PositiveBigIntegerField(_("record"))
    unit = models.ForeignKey(
        OrgUnit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    notice_version = models.CharField(_("privacy notice version"), max_length=20)
    given_at = models.DateTimeField(_("given at"), default=timezone.now)

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        indexes = [models.Index(fields=["form", "record_id"], name="consent_form_record")]

    def __str__(self) -> str:
        return f"{self.form} {self.record_id} {self.notice_version}"


class RequestQuerySet(models.QuerySet["DataSubjectRequest"]):
    def visible_to(self, user: object) -> RequestQuerySet:
        return scoped(self, user)  # type: ignore[arg-type, return-value]

    def awaiting_acknowledgement(self) -> RequestQuerySet:
        return self.filter(acknowledged_at__isnull=True, closed_at__isnull=True)

    def open(self) -> RequestQuerySet:
        return self.filter(closed_at__isnull=True)


class DataSubjectRequest(models.Model):
    """A citizen's request about their personal data, acknowledged within 2 working days."""

    class Kind(models.TextChoices):
        ACCESS = "access", _("See my data")
        CORRECTION = "correction", _("Correct my data")
        DELETION = "deletion", _("Delete my data")
        RESTRICTION = "restriction", _("Restrict processing")
        OBJECTION = "objection", _("Object to processing")
        WITHDRAWAL = "withdrawal", _("Withdraw consent")

    class Channel(models.TextChoices):
        ONLINE = "online", _("Online form")
        IN_PERSON = "in_person", _("In person")
        MAIL = "mail", _("By post")
        PHONE = "phone", pgettext_lazy("channel", "By phone")

    class Outcome(models.TextChoices):
        DONE = "done", _("Done as asked")
        PARTLY = "partly", _("Partly done")
        REFUSED = "refused", _("Refused, with reasons")
        WITHDRAWN = "withdrawn", _("Withdrawn by the citizen")

    unit = models.ForeignKey(
        OrgUnit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("request"), max_length=12, choices=Kind.choices)
    channel = models.CharField(
        pgettext_lazy("channel", "received by"),
        max_length=10,
        choices=Channel.choices,
        default=Channel.ONLINE,
    )
    requester = models.CharField(_("requester"), max_length=200)
    # A phone number or e-mail address: personal data, so encrypted like the citizens' numbers.
    contact = EncryptedCharField(_("how to reply"), max_length=200)
    details = models.TextField(_("details"), blank=True)
    received_at = models.DateTimeField(_("received at"), default=timezone.now)
    ack_due_on = models.DateField(_("acknowledge by"))
    acknowledged_at = models.DateTimeField(_("acknowledged at"), null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("acknowledged by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("closed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices, blank=True)
    outcome_note = models.TextField(_("what was done"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = RequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("data-subject request")
        verbose_name_plural = _("data-subject requests")
        ordering = ["-received_at"]
        indexes = [models.Index(fields=["unit", "closed_at"], name="dsr_unit_closed")]
        permissions = [("manage_privacy", _("Can handle personal-data requests"))]

    def __str__(self) -> str:
        return f"{self.reference} · {self.get_kind_display()}"

    def get_absolute_url(self) -> str:
        return reverse("privacy:request", args=[self.pk])

    @property
    def reference(self) -> str:
        """What the citizen quotes: YC-<year>-<number>."""
        return f"YC-{timezone.localtime(self.received_at):%Y}-{self.pk:06d}"

    def is_ack_overdue(self, today: date) -> bool:
        return self.acknowledged_at is None and self.closed_at is None and today > self.ack_due_on

    @property
    def status_label(self) -> str:
        if self.closed_at:
            return str(_("Closed"))
        if self.acknowledged_at:
            return str(_("Acknowledged"))
        return str(_("Received"))
