"""Citizen reception: schedules, reception days, bookings and the reception book (Form 03/TCD).

DOMAIN §1–3 and §12 rules 1–11. Receipts, refusal notices and the head's sessions live in
`models_documents.py`; both are imported here so Django sees one models module.
"""

from __future__ import annotations

from datetime import date, datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tiepdan.accounts.access import scoped
from tiepdan.citizens.models import Citizen
from tiepdan.lib.fields import EncryptedCharField, LookupHashField, lookup_hashes
from tiepdan.orgunits.models import OrgUnit
from tiepdan.reception import rules


class ReceptionSchedule(models.Model):
    """A leader's recurring reception rule ('2nd and 4th Thursday, 7:30–11:00')."""

    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("Monday")
        TUESDAY = 1, _("Tuesday")
        WEDNESDAY = 2, _("Wednesday")
        THURSDAY = 3, _("Thursday")
        FRIDAY = 4, _("Friday")

    unit = models.ForeignKey(OrgUnit, verbose_name=_("unit"), on_delete=models.PROTECT)
    leader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("leader"),
        on_delete=models.PROTECT,
        related_name="reception_schedules",
    )
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    weeks_of_month = models.CharField(
        _("weeks of the month"),
        max_length=20,
        blank=True,
        help_text=_("E.g. '2,4' for the 2nd and 4th week, '-1' for the last; empty: every week."),
    )
    starts_at = models.TimeField(_("from"))
    ends_at = models.TimeField(_("until"))
    place = models.CharField(_("place"), max_length=300)
    attendees = models.TextField(_("attendees"), blank=True)
    topics = models.TextField(_("topics"), blank=True)
    capacity = models.PositiveSmallIntegerField(_("bookings per day"), default=20)
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    is_active = models.BooleanField(pgettext_lazy("schedule", "active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("reception schedule")
        verbose_name_plural = _("reception schedules")
        ordering = ["unit", "leader", "weekday"]

    def __str__(self) -> str:
        return f"{self.leader} · {self.describe()}"

    def weeks(self) -> list[int]:
        return rules.parse_weeks(self.weeks_of_month)

    def describe(self) -> str:
        hours = f"{self.starts_at:%H:%M}–{self.ends_at:%H:%M}"
        return f"{rules.describe_recurrence(self.weekday, self.weeks())}, {hours}"


class ReceptionDayQuerySet(models.QuerySet["ReceptionDay"]):
    def visible_to(self, user: object) -> ReceptionDayQuerySet:
        return scoped(self, user)  # type: ignore[arg-type, return-value]

    def public(self) -> ReceptionDayQuerySet:
        """Days the public sees: published, held, and changed days with their notices."""
        return self.exclude(status=ReceptionDay.Status.DRAFT)

    def active(self) -> ReceptionDayQuerySet:
        return self.filter(status__in=ReceptionDay.ACTIVE_STATUSES)

    def upcoming(self, today: date) -> ReceptionDayQuerySet:
        return self.filter(on__gte=today).order_by("on", "starts_at")


class ReceptionDay(models.Model):
    """One reception day of a leader: from a schedule, a one-off day or an ad-hoc session."""

    class Kind(models.TextChoices):
        PERIODIC = "periodic", _("Periodic")
        ADHOC = "adhoc", _("Unscheduled (ad hoc)")

    class AdhocReason(models.TextChoices):
        """Regulation 11 (KL 215): when a leader receives citizens outside the schedule."""

        PROMINENT = "prominent", _("Prominent, complex or protracted case")
        MANY_PEOPLE = "many_people", _("Many people or several agencies involved")
        DISAGREEMENT = "disagreement", _("The agencies involved disagree")
        SECURITY = "security", _("Serious risk to security and order")

    class Mode(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        HELD = "held", _("Held")
        POSTPONED = "postponed", _("Postponed")
        CANCELLED = "cancelled", _("Cancelled")

    ACTIVE_STATUSES = (Status.DRAFT, Status.PUBLISHED, Status.HELD)

    unit = models.ForeignKey(OrgUnit, verbose_name=_("unit"), on_delete=models.PROTECT)
    leader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("leader"),
        on_delete=models.PROTECT,
        related_name="reception_days",
    )
    schedule = models.ForeignKey(
        ReceptionSchedule,
        verbose_name=_("schedule"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="days",
    )
    on = models.DateField(_("date"))
    starts_at = models.TimeField(_("from"))
    ends_at = models.TimeField(_("until"))
    place = models.CharField(_("place"), max_length=300)
    attendees = models.TextField(_("attendees"), blank=True)
    topics = models.TextField(_("topics"), blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.PERIODIC)
    adhoc_reason = models.CharField(
        _("reason for the unscheduled session"),
        max_length=20,
        choices=AdhocReason.choices,
        blank=True,
    )
    adhoc_note = models.CharField(_("details of the reason"), max_length=300, blank=True)
    mode = models.CharField(_("form"), max_length=10, choices=Mode.choices, default=Mode.IN_PERSON)
    online_link = models.URLField(_("online meeting link"), blank=True)
    link_tested_on = models.DateField(_("link tested on"), null=True, blank=True)
    recording = models.FileField(
        _("recording of the online session"), upload_to="reception/recordings/", blank=True
    )
    capacity = models.PositiveSmallIntegerField(_("bookings per day"), default=20)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    published_on = models.DateField(_("published on"), null=True, blank=True)
    change_reason = models.CharField(_("reason for the change"), max_length=300, blank=True)
    replaced_by = models.ForeignKey(
        "self",
        verbose_name=_("new date"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replaces",
    )
    sequence = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ReceptionDayQuerySet.as_manager()

    class Meta:
        verbose_name = _("reception day")
        verbose_name_plural = _("reception days")
        ordering = ["on", "starts_at"]
        indexes = [
            models.Index(fields=["unit", "on"]),
            models.Index(fields=["leader", "on"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(starts_at__lt=models.F("ends_at")), name="day_hours_in_order"
            ),
            models.CheckConstraint(
                condition=Q(kind="periodic") | ~Q(adhoc_reason=""), name="adhoc_day_has_reason"
            ),
        ]
        permissions = [
            ("view_reception", _("Can see reception days and the reception book")),
            ("manage_schedule", _("Can plan, publish, postpone and cancel reception days")),
            ("record_entry", _("Can record visits in the reception book")),
            ("export_book", _("Can export the reception book")),
            ("import_book", _("Can import a legacy reception book")),
            ("hold_session", _("Can hold a reception session and issue its conclusions")),
            ("view_compliance", _("Can see Regulation 11 compliance")),
        ]

    def __str__(self) -> str:
        return f"{self.on:%d/%m/%Y} {self.starts_at:%H:%M} · {self.leader}"

    def get_absolute_url(self) -> str:
        return reverse("reception:day", args=[self.pk])

    @property
    def uid(self) -> str:
        """The iCalendar UID: stable for the life of the day, so calendars update in place."""
        return f"reception-day-{self.pk}@tiepdan"

    @property
    def is_open_for_booking(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def is_withdrawn(self) -> bool:
        return self.status in (self.Status.POSTPONED, self.Status.CANCELLED)

    def start(self) -> datetime:
        return datetime.combine(self.on, self.starts_at)

    def end(self) -> datetime:
        return datetime.combine(self.on, self.ends_at)


class AppointmentQuerySet(models.QuerySet["Appointment"]):
    def with_phone(self, value: str) -> AppointmentQuerySet:
        """Bookings made with this phone number (stored encrypted, found by its hash)."""
        return self.filter(phone_hash__in=lookup_hashes(value, "phone"))


class Appointment(models.Model):
    """A citizen's booked place on a published reception day."""

    class Status(models.TextChoices):
        BOOKED = "booked", _("Booked")
        CANCELLED = "cancelled", _("Cancelled")
        ATTENDED = "attended", _("Came")
        NO_SHOW = "no_show", _("Did not come")

    day = models.ForeignKey(
        ReceptionDay,
        verbose_name=_("reception day"),
        on_delete=models.PROTECT,
        related_name="appointments",
    )
    code = models.CharField(_("booking code"), max_length=12, unique=True)
    position = models.PositiveSmallIntegerField(_("number in the queue"))
    full_name = models.CharField(_("full name"), max_length=200)
    # Law 91/2025 (rule 26): encrypted at rest; the hash keeps one booking per phone per day.
    phone = EncryptedCharField(_("phone"), max_length=20)
    phone_hash = LookupHashField(source="phone", purpose="phone")
    id_number = EncryptedCharField(_("CCCD number"), max_length=12, blank=True)
    subject = models.CharField(_("subject"), max_length=200)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.BOOKED
    )
    created_at = models.DateTimeField(auto_now_add=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    objects = AppointmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        ordering = ["day", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["day", "phone_hash"],
                condition=~Q(status="cancelled"),
                name="appointment_one_per_phone_per_day",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} · {self.full_name}"


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


from tiepdan.reception.models_documents import (  # noqa: E402, F401
    ConclusionItem,
    LeaderSession,
    Receipt,
    ReceiptItem,
    ReceptionMinimum,
    RefusalNotice,
)
