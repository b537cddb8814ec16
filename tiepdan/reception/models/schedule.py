"""Reception schedules, reception days and citizens' bookings (DOMAIN §1–3, rules 1–4)."""

from __future__ import annotations

from datetime import date, datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tiepdan.accounts.access import scoped
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
