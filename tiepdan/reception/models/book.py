"""The reception book (Form 03/TCD): one entry per visit, alone or as a group (rules 5–11)."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tiepdan.accounts.access import scoped
from tiepdan.citizens.models import Citizen
from tiepdan.lib.fields import EncryptedCharField
from tiepdan.orgunits.models import OrgUnit
from tiepdan.reception.models.schedule import Appointment, ReceptionDay


class EntryQuerySet(models.QuerySet["ReceptionEntry"]):
    def visible_to(self, user: object) -> EntryQuerySet:
        return scoped(self, user)  # type: ignore[arg-type, return-value]

    def awaiting_notice(self) -> EntryQuerySet:
        """Entries whose written notice (TCD Art. 28) is still to be sent."""
        return self.filter(notify_by__isnull=False, notified_on__isnull=True)

    def notice_overdue(self, *, on: date) -> EntryQuerySet:
        return self.awaiting_notice().filter(notify_by__lt=on)

    def notice_due(self, *, on: date, until: date) -> EntryQuerySet:
        return self.awaiting_notice().filter(notify_by__gte=on, notify_by__lte=until)

    def period(self, start: date, end: date) -> EntryQuerySet:
        return self.filter(received_on__gte=start, received_on__lte=end)


class ReceptionEntry(models.Model):
    """One line of the reception book, Form 03/TCD (Decree 154; TCD Art. 25(2))."""

    class Kind(models.TextChoices):
        COMPLAINT = "complaint", _("Complaint")
        DENUNCIATION = "denunciation", _("Denunciation")
        PETITION = "petition", _("Petition")
        FEEDBACK = "feedback", _("Feedback")

    class Route(models.TextChoices):
        """How the matter was handled (TCD Art. 26)."""

        ACCEPT = "accept", _("Within competence: reported for acceptance")
        GUIDE = "guide", _("Guided to the competent body")
        TRANSFER = "transfer", _("Transferred to the competent body")
        EXPLAIN = "explain", _("Already settled: explained")
        REFUSED = "refused", _("Reception refused")

    class RefusalGround(models.TextChoices):
        """Law on Citizen Reception Art. 9 and Decree 154/2026 Art. 4(1)."""

        TCD_9_1 = (
            "tcd_9_1",
            _("Art. 9(1): intoxicated or unable to understand or control their acts"),
        )
        TCD_9_2 = "tcd_9_2", _("Art. 9(2): threatens staff or breaks the reception rules")
        TCD_9_3 = (
            "tcd_9_3",
            _("Art. 9(3): pursues a case already settled, reviewed, notified and explained"),
        )
        ND154_A = "nd154_4_1_a", _("Decree 154 Art. 4(1)(a): carries weapons")
        ND154_B = "nd154_4_1_b", _("Decree 154 Art. 4(1)(b): refuses the security check")
        ND154_C = "nd154_4_1_c", _("Decree 154 Art. 4(1)(c): records or streams when told not to")
        ND154_D = "nd154_4_1_d", _("Decree 154 Art. 4(1)(d): incites or causes disorder")
        ND154_DD = "nd154_4_1_dd", _("Decree 154 Art. 4(1)(đ): no capacity and no representative")
        ND154_E = "nd154_4_1_e", _("Decree 154 Art. 4(1)(e): representative without proof")
        ND154_G = "nd154_4_1_g", _("Decree 154 Art. 4(1)(g): content outside the four case types")
        ND154_H = (
            "nd154_4_1_h",
            _("Decree 154 Art. 4(1)(h): petition already answered in writing, nothing new"),
        )
        ND154_I = "nd154_4_1_i", _("Decree 154 Art. 4(1)(i): settled by a final court judgment")
        ND154_K = "nd154_4_1_k", _("Decree 154 Art. 4(1)(k): another body is handling it")
        TCD_9_4 = "tcd_9_4", _("Art. 9(4): another ground set by law")

    class Source(models.TextChoices):
        RECORDED = "recorded", _("Recorded")
        IMPORTED = "imported", _("Imported")

    unit = models.ForeignKey(OrgUnit, verbose_name=_("unit"), on_delete=models.PROTECT)
    year = models.PositiveSmallIntegerField(_("year"))
    number = models.PositiveIntegerField(_("no."))
    received_on = models.DateField(_("date"))
    day = models.ForeignKey(
        ReceptionDay,
        verbose_name=_("reception day"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="entries",
    )
    appointment = models.ForeignKey(
        Appointment, null=True, blank=True, on_delete=models.SET_NULL, related_name="entries"
    )
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("received by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    citizen = models.ForeignKey(
        Citizen, verbose_name=_("citizen"), null=True, blank=True, on_delete=models.SET_NULL
    )
    full_name = models.CharField(_("full name"), max_length=200)
    address = models.CharField(_("address"), max_length=300)
    id_kind = models.CharField(
        _("identity document"),
        max_length=10,
        choices=Citizen.IdKind.choices,
        default=Citizen.IdKind.CCCD,
    )
    id_number = EncryptedCharField(_("document number"), max_length=30, blank=True)
    summary = models.TextField(_("summary of the matter"))
    kind = models.CharField(_("type"), max_length=15, choices=Kind.choices)
    people_count = models.PositiveSmallIntegerField(_("people with the same content"), default=1)
    prior_handling = models.TextField(_("bodies that have already handled it"), blank=True)
    route = models.CharField(_("handling"), max_length=10, choices=Route.choices)
    route_body = models.CharField(_("guided or transferred to"), max_length=300, blank=True)
    route_document = models.CharField(_("document number"), max_length=60, blank=True)
    result = models.TextField(_("result tracking"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    is_group = models.BooleanField(_("group visit"), default=False)
    appointment_signed = models.BooleanField(
        _("written appointment of representatives signed by all"), default=False
    )
    oral_statement = models.BooleanField(_("oral statement (no letter)"), default=False)
    statement_signed = models.BooleanField(_("record signed or fingerprinted"), default=False)
    statement_scan = models.FileField(
        _("scan of the signed record"), upload_to="reception/statements/", blank=True
    )
    refusal_ground = models.CharField(
        _("ground for refusal"), max_length=15, choices=RefusalGround.choices, blank=True
    )
    refusal_note = models.CharField(_("details of the refusal"), max_length=300, blank=True)
    notify_by = models.DateField(_("notify by"), null=True, blank=True)
    notified_on = models.DateField(_("notified on"), null=True, blank=True)
    notice_reference = models.CharField(_("notice reference"), max_length=60, blank=True)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.RECORDED)
    import_key = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = EntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("reception book entry")
        verbose_name_plural = _("reception book entries")
        ordering = ["-received_on", "-number"]
        indexes = [
            models.Index(fields=["unit", "received_on"]),
            models.Index(
                fields=["unit", "notify_by"],
                condition=Q(notified_on__isnull=True),
                name="entry_awaiting_notice",
            ),
        ]
        constraints = [
            models.UniqueConstraint(fields=["unit", "year", "number"], name="entry_unique_number"),
            models.UniqueConstraint(
                fields=["unit", "import_key"],
                condition=~Q(import_key=""),
                name="entry_unique_import",
            ),
            models.CheckConstraint(
                condition=~Q(route="refused") | ~Q(refusal_ground=""),
                name="refused_entry_has_ground",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number}/{self.year} · {self.full_name}"

    def get_absolute_url(self) -> str:
        return reverse("reception:entry", args=[self.pk])

    @property
    def within_competence(self) -> bool:
        return self.route == self.Route.ACCEPT

    @property
    def guided_to(self) -> str:
        return self._route_text(self.Route.GUIDE)

    @property
    def transferred_to(self) -> str:
        return self._route_text(self.Route.TRANSFER)

    def _route_text(self, route: str) -> str:
        if self.route != route:
            return ""
        if self.route_document:
            return f"{self.route_body} ({self.route_document})"
        return self.route_body

    def is_notice_overdue(self, today: date) -> bool:
        return bool(self.notify_by and not self.notified_on and self.notify_by < today)


class GroupMember(models.Model):
    """A person in a group visit; representatives are chosen among them (TCD Art. 29)."""

    entry = models.ForeignKey(ReceptionEntry, on_delete=models.CASCADE, related_name="members")
    full_name = models.CharField(_("full name"), max_length=200)
    is_representative = models.BooleanField(_("representative"), default=False)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("group member")
        verbose_name_plural = _("group members")
        ordering = ["entry", "order"]

    def __str__(self) -> str:
        return self.full_name
