"""Grassroots mediation (hòa giải ở cơ sở, Law 35/2013/QH13): teams per village or residential
group, their mediators, and the cases they mediate with sessions, outcome, agreement record,
follow-up and referral. Every case is a line of the mediation log book (Art. 21)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tiepdan.accounts.access import scoped
from tiepdan.lib.fields import EncryptedCharField
from tiepdan.mediation import rules
from tiepdan.orgunits.models import OrgUnit

if TYPE_CHECKING:
    from tiepdan.accounts.models import User


class MediationTeam(models.Model):
    group = models.ForeignKey(
        OrgUnit,
        verbose_name=_("village or residential group"),
        on_delete=models.PROTECT,
        related_name="mediation_teams",
    )
    name = models.CharField(pgettext_lazy("mediation", "name"), max_length=200)
    leader = models.ForeignKey(
        "Mediator",
        verbose_name=_("team leader"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    leader_decision_number = models.CharField(
        _("Chairman's decision recognising the leader"), max_length=60, blank=True
    )
    leader_decision_on = models.DateField(_("decision date"), null=True, blank=True)
    established_on = models.DateField(_("established on"), null=True, blank=True)

    class Meta:
        verbose_name = _("mediation team")
        verbose_name_plural = _("mediation teams")
        ordering = ["group__path", "name"]
        permissions = [("manage_mediation_teams", _("Can set up mediation teams and mediators"))]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("mediation:team", args=[self.pk])

    @property
    def commune(self) -> OrgUnit | None:
        return self.group.parent


class Mediator(models.Model):
    class Sex(models.TextChoices):
        FEMALE = "F", _("Female")
        MALE = "M", _("Male")

    team = models.ForeignKey(
        MediationTeam, verbose_name=_("team"), on_delete=models.CASCADE, related_name="mediators"
    )
    full_name = models.CharField(_("full name"), max_length=200)
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    phone = EncryptedCharField(pgettext_lazy("mediation", "phone"), max_length=20, blank=True)
    address = models.CharField(pgettext_lazy("mediation", "address"), max_length=300, blank=True)
    occupation = models.CharField(_("occupation or post"), max_length=200, blank=True)
    recognition_decision = models.CharField(_("recognition decision"), max_length=60, blank=True)
    recognised_on = models.DateField(_("recognised on"), null=True, blank=True)
    is_active = models.BooleanField(pgettext_lazy("mediation", "active"), default=True)
    left_on = models.DateField(_("left on"), null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="mediator_records",
    )

    class Meta:
        verbose_name = _("mediator")
        verbose_name_plural = _("mediators")
        ordering = ["team", "full_name"]

    def __str__(self) -> str:
        return self.full_name

    @property
    def is_woman(self) -> bool:
        return self.sex == self.Sex.FEMALE


class MediationCaseQuerySet(models.QuerySet["MediationCase"]):
    def visible_to(self, user: User) -> MediationCaseQuerySet:
        return scoped(self, user, "team__group")  # type: ignore[return-value]

    def in_year(self, year: int) -> MediationCaseQuerySet:
        return self.filter(year=year)

    def start_late(self, today: date) -> MediationCaseQuerySet:
        """Open cases whose mediators were assigned but have not started within the 3 days
        (Law 35/2013 Art. 20), on the `mediation_case_start` index."""
        return self.filter(
            status=MediationCase.Status.OPEN,
            started_on__isnull=True,
            assigned_on__lte=rules.last_late_assignment(today),
        )


class MediationCase(models.Model):
    class Origin(models.TextChoices):
        """How a case reaches the team (Law 35/2013 Art. 16)."""

        PARTY_REQUEST = "request", _("A party asked for mediation")
        OWN_KNOWLEDGE = "own", _("A mediator saw or learnt of it")
        ASSIGNMENT = "assigned", _("Assigned by the team leader or an authority")

    class Field(models.TextChoices):
        NEIGHBOURS = "neighbours", _("Neighbours' dispute")
        LAND = "land", _("Land, boundaries, construction")
        FAMILY = "family", _("Marriage and family")
        CIVIL = "civil", _("Civil (debts, property, contracts)")
        OTHER = "other", pgettext_lazy("mediation", "Other")

    class Exclusion(models.TextChoices):
        """Matters that may not be mediated at the grassroots (Law 35/2013 Art. 3)."""

        NONE = "", _("—")
        STATE_INTEREST = "state", _("Harms the interests of the State or the public")
        NOT_MEDIABLE = (
            "not_mediable",
            _("A civil or family matter the law does not allow to mediate"),
        )
        OFFENCE = (
            "offence",
            _("An act subject to criminal prosecution or an administrative penalty"),
        )

    class Status(models.TextChoices):
        OPEN = "open", _("Being mediated")
        SUCCESSFUL = "successful", pgettext_lazy("mediation", "Successful")
        UNSUCCESSFUL = "unsuccessful", pgettext_lazy("mediation", "Unsuccessful")
        STOPPED = "stopped", pgettext_lazy("mediation", "Stopped")
        REFUSED = "refused", _("Refused (Art. 3)")

    class StopReason(models.TextChoices):
        """How mediation ends without agreement (Law 35/2013 Art. 23)."""

        NONE = "", _("—")
        PARTY_STOPPED = "party", _("A party asked to stop")
        MEDIATOR_ENDED = (
            "mediator",
            _("The mediator ended it (breach of morals or customs, or no longer needed)"),
        )

    team = models.ForeignKey(
        MediationTeam, verbose_name=_("team"), on_delete=models.PROTECT, related_name="cases"
    )
    year = models.PositiveSmallIntegerField(pgettext_lazy("mediation", "year"))
    number = models.PositiveIntegerField(_("number in the book"))
    received_on = models.DateField(pgettext_lazy("mediation", "received on"))
    origin = models.CharField(_("how it came"), max_length=20, choices=Origin.choices)
    field = models.CharField(
        pgettext_lazy("mediation", "field"), max_length=20, choices=Field.choices
    )
    summary = models.TextField(_("the dispute"))
    requested_by = models.CharField(_("requested or assigned by"), max_length=200, blank=True)
    exclusion = models.CharField(
        _("excluded matter (Art. 3)"), max_length=20, choices=Exclusion.choices, blank=True
    )
    refusal_note = models.TextField(_("reason for refusing"), blank=True)
    mediators = models.ManyToManyField(
        Mediator, verbose_name=_("mediators"), blank=True, related_name="cases"
    )
    assigned_on = models.DateField(_("mediators assigned on"), null=True, blank=True)
    started_on = models.DateField(_("mediation started on"), null=True, blank=True)
    status = models.CharField(
        pgettext_lazy("mediation", "status"),
        max_length=20,
        choices=Status.choices,
        default=Status.OPEN,
    )
    outcome_on = models.DateField(_("ended on"), null=True, blank=True)
    stop_reason = models.CharField(
        _("why it stopped"), max_length=20, choices=StopReason.choices, blank=True
    )
    outcome_note = models.TextField(_("outcome note"), blank=True)
    referred_to = models.CharField(_("referred to"), max_length=200, blank=True)
    referred_on = models.DateField(_("referred on"), null=True, blank=True)
    referred_case = models.ForeignKey(
        "cases.Case",
        verbose_name=_("case opened by the referral"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="mediation_referrals",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = MediationCaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("mediation case")
        verbose_name_plural = _("mediation cases")
        ordering = ["-year", "-number"]
        # The cases still to start, oldest assignment first (the staff inbox).
        indexes = [models.Index(fields=["status", "assigned_on"], name="mediation_case_start")]
        constraints = [
            models.UniqueConstraint(
                fields=["team", "year", "number"], name="mediation_case_number"
            ),
            models.CheckConstraint(
                condition=Q(exclusion="") | Q(status="refused"),
                name="mediation_excluded_is_refused",
            ),
        ]
        permissions = [("record_mediation", _("Can record mediation cases"))]

    def __str__(self) -> str:
        return f"{self.number:02d}/{self.year} · {self.summary[:60]}"

    def get_absolute_url(self) -> str:
        return reverse("mediation:case", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    def start_due_on(self) -> date | None:
        return rules.start_due_on(self.assigned_on) if self.assigned_on else None

    @property
    def started_late(self) -> bool:
        """Mediation began after the 3-day limit from assignment (Law 35/2013 Art. 20)."""
        return bool(
            self.assigned_on
            and self.started_on
            and self.started_on > rules.start_due_on(self.assigned_on)
        )

    def is_start_late(self, today: date) -> bool:
        return rules.is_start_late(
            assigned_on=self.assigned_on, started_on=self.started_on, today=today
        )


class Party(models.Model):
    class Side(models.TextChoices):
        FIRST = "a", _("First party")
        SECOND = "b", _("Second party")
        RELATED = "related", _("Related person")

    case = models.ForeignKey(MediationCase, on_delete=models.CASCADE, related_name="parties")
    side = models.CharField(_("side"), max_length=10, choices=Side.choices)
    full_name = models.CharField(_("full name"), max_length=200)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    address = models.CharField(pgettext_lazy("mediation", "address"), max_length=300, blank=True)
    phone = EncryptedCharField(pgettext_lazy("mediation", "phone"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        ordering = ["side", "pk"]

    def __str__(self) -> str:
        return self.full_name


class MediationSession(models.Model):
    case = models.ForeignKey(MediationCase, on_delete=models.CASCADE, related_name="sessions")
    held_on = models.DateField(pgettext_lazy("mediation", "date"))
    place = models.CharField(pgettext_lazy("mediation", "place"), max_length=300)
    is_public = models.BooleanField(_("held in public"), default=False)
    mediators = models.ManyToManyField(Mediator, verbose_name=_("mediators present"), blank=True)
    notes = models.TextField(_("what happened"))

    class Meta:
        verbose_name = _("mediation session")
        verbose_name_plural = _("mediation sessions")
        ordering = ["held_on", "pk"]
        # A week's sessions across the teams (the staff inbox).
        indexes = [models.Index(fields=["held_on"], name="mediation_session_held")]

    def __str__(self) -> str:
        return f"{self.case_id} {self.held_on}"


class Agreement(models.Model):
    """The written record of a successful mediation with the Art. 24(2) contents."""

    case = models.OneToOneField(MediationCase, on_delete=models.CASCADE, related_name="agreement")
    made_on = models.DateField(_("made on"))
    place = models.CharField(pgettext_lazy("mediation", "place"), max_length=300)
    grounds = models.TextField(_("grounds for mediating"))
    parties = models.TextField(_("the parties"))
    summary = models.TextField(_("main content of the case"))
    course = models.TextField(_("course of the mediation"))
    agreement = models.TextField(_("agreement reached and solution"))
    rights_and_duties = models.TextField(_("rights and duties of the parties"))
    method_and_deadline = models.TextField(_("method and time limit for carrying it out"))
    carry_out_by = models.DateField(_("to be carried out by"), null=True, blank=True)
    signed = models.BooleanField(
        _("signed or fingerprinted by the parties and mediators"), default=False
    )

    class Meta:
        verbose_name = _("agreement record")
        verbose_name_plural = _("agreement records")

    def __str__(self) -> str:
        return f"{self.case}"


class FollowUp(models.Model):
    """The mediator's follow-up of how the agreement is carried out (Law 35/2013 Art. 26)."""

    class Result(models.TextChoices):
        FULFILLED = "fulfilled", _("Carried out in full")
        PARTLY = "partly", _("Partly carried out")
        NOT = "not", _("Not carried out")

    case = models.ForeignKey(MediationCase, on_delete=models.CASCADE, related_name="follow_ups")
    checked_on = models.DateField(_("checked on"))
    result = models.CharField(
        pgettext_lazy("mediation", "result"), max_length=20, choices=Result.choices
    )
    note = models.TextField(pgettext_lazy("mediation", "note"), blank=True)

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        ordering = ["checked_on", "pk"]

    def __str__(self) -> str:
        return f"{self.case_id} {self.checked_on}"
