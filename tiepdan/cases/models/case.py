"""Cases (đơn / vụ việc): feedback, petitions, complaints and denunciations, and their timeline.

One `Status` with `ALLOWED_TRANSITIONS` beside it (DESIGN §2). "Overdue" and "due soon" are
derived from `due_on`, never stored. Work lists page by keyset on (due_on, id) and
(-received_on, id), each backed by an index.
"""

from __future__ import annotations

import secrets
from datetime import date
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from tiepdan.cases import rules
from tiepdan.cases.models.settings import CasePolicy, Field
from tiepdan.cases.rules import Decision, Kind, Stage
from tiepdan.lib.errors import Conflict
from tiepdan.orgunits.models import Department, OrgUnit

if TYPE_CHECKING:
    from tiepdan.accounts.models import User

# No 0/O/1/I/L: codes are read aloud and typed from paper.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 12  # 31^12 ≈ 2^59: unguessable, and wrong guesses are rate-limited


def new_tracking_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def format_code(code: str) -> str:
    """K7Q4M9XT2PAB → K7Q4-M9XT-2PAB, as printed on the receipt."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def normalize_code(raw: str) -> str:
    return "".join(ch for ch in (raw or "").upper() if ch.isalnum())


class Status(models.TextChoices):
    RECEIVED = "received", _("Received")
    CLASSIFIED = "classified", _("Classified")
    ACCEPTED = "accepted", _("Accepted")
    TRANSFERRED = "transferred", _("Transferred")
    GUIDED = "guided", _("Guided")
    ARCHIVED = "archived", _("Archived")
    IN_PROGRESS = "in_progress", pgettext_lazy("case status", "In progress")
    SUSPENDED = "suspended", _("Suspended")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")
    REOPENED = "reopened", _("Reopened")


ALLOWED_TRANSITIONS: dict[str, set[str]] = {
    Status.RECEIVED: {Status.CLASSIFIED},
    Status.CLASSIFIED: {
        Status.CLASSIFIED,
        Status.ACCEPTED,
        Status.TRANSFERRED,
        Status.GUIDED,
        Status.ARCHIVED,
    },
    Status.ACCEPTED: {Status.IN_PROGRESS, Status.SUSPENDED, Status.ANSWERED},
    Status.IN_PROGRESS: {Status.SUSPENDED, Status.ANSWERED},
    Status.SUSPENDED: {Status.IN_PROGRESS},
    Status.ANSWERED: {Status.CLOSED, Status.REOPENED},
    Status.CLOSED: {Status.REOPENED},
    Status.REOPENED: {Status.IN_PROGRESS, Status.SUSPENDED, Status.ANSWERED},
    Status.TRANSFERRED: set(),
    Status.GUIDED: set(),
    Status.ARCHIVED: set(),
}

DECISION_STATUS = {
    Decision.ACCEPT: Status.ACCEPTED,
    Decision.TRANSFER: Status.TRANSFERRED,
    Decision.GUIDE: Status.GUIDED,
    Decision.ARCHIVE: Status.ARCHIVED,
}

# Statuses whose clock runs: a case in one of them can be due soon or overdue.
RUNNING = [
    Status.RECEIVED,
    Status.CLASSIFIED,
    Status.ACCEPTED,
    Status.IN_PROGRESS,
    Status.REOPENED,
]
OPEN = [*RUNNING, Status.SUSPENDED]


class CaseQuerySet(models.QuerySet["Case"]):
    def visible_to(self, user: User) -> CaseQuerySet:
        """The cases of the units `user` may see (their unit's subtree)."""
        if user.is_superuser:
            return self
        if not user.is_authenticated or user.unit_id is None:
            return self.none()
        unit_ids = list(user.visible_units().values_list("id", flat=True))
        return self.filter(unit_id__in=unit_ids)

    def open(self) -> CaseQuerySet:
        return self.filter(status__in=OPEN)

    def running(self) -> CaseQuerySet:
        return self.filter(status__in=RUNNING)

    def overdue(self, today: date) -> CaseQuerySet:
        return self.running().filter(due_on__lt=today)

    def due_soon(self, today: date, until: date) -> CaseQuerySet:
        """Running cases due from `today` up to and including `until`."""
        return self.running().filter(due_on__gte=today, due_on__lte=until)

    def counted(self) -> CaseQuerySet:
        """The cases statistics count: a duplicate follows its original and is counted once."""
        return self.filter(duplicate_of__isnull=True)

    def published(self) -> CaseQuerySet:
        """Cases whose answer a leader has published on the public pages (cases.publication)."""
        return self.filter(published_at__isnull=False)


class Matter(models.Model):
    """Cases about one matter: many citizens writing about the same place and problem."""

    unit = models.ForeignKey(
        OrgUnit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="matters"
    )
    title = models.CharField(_("matter"), max_length=300)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    class Meta:
        verbose_name = _("matter")
        verbose_name_plural = _("matters")

    def __str__(self) -> str:
        return self.title


class Case(models.Model):
    class Channel(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online form")
        MAIL = "mail", _("Post or drop box")
        PHONE = "phone", _("Phone")
        FORWARDED = "forwarded", _("Forwarded")
        NATIONAL_PORTAL = "national_portal", _("National public service portal")

    class Source(models.TextChoices):
        """Who forwarded a letter (Circular 05/2021: deputies, the Front, the press, …)."""

        NONE = "", _("—")
        HIGHER_LEVEL = "higher_level", _("Higher-level body")
        FATHERLAND_FRONT = "front", _("Fatherland Front")
        DEPUTY = "deputy", _("National Assembly or People's Council deputy")
        PRESS = "press", _("Press")
        OTHER = "other", _("Other body")

    Status = Status
    Kind = Kind
    Stage = Stage

    unit = models.ForeignKey(
        OrgUnit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="cases"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    number = models.PositiveIntegerField(_("registration number"))
    tracking_code = models.CharField(
        _("tracking code"), max_length=16, unique=True, default=new_tracking_code, editable=False
    )
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    source = models.CharField(
        _("forwarded by"), max_length=20, choices=Source.choices, blank=True, default=""
    )
    source_name = models.CharField(_("forwarding body"), max_length=200, blank=True)
    kind = models.CharField(pgettext_lazy("case", "kind"), max_length=20, choices=Kind.choices)
    field = models.ForeignKey(
        Field,
        verbose_name=_("field"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases",
    )
    subject = models.CharField(pgettext_lazy("case", "subject"), max_length=300)
    content = models.TextField(pgettext_lazy("case", "content"))
    location_text = models.CharField(_("place"), max_length=300, blank=True)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    received_on = models.DateField(_("received on"))
    incoming_number = models.CharField(_("incoming document number"), max_length=60, blank=True)
    signer_count = models.PositiveSmallIntegerField(_("number of signers"), default=1)
    citizens = models.ManyToManyField(
        "citizens.Citizen", through="CaseCitizen", related_name="cases", blank=True
    )
    is_anonymous = models.BooleanField(_("anonymous or false name"), default=False)
    has_evidence = models.BooleanField(
        _("names the violator with verifiable evidence"), default=False
    )
    accused_is_party_member = models.BooleanField(_("accused is a Party member"), default=False)
    party_rule_breach = models.BooleanField(_("breach of Party rules"), default=False)
    is_remote_area = models.BooleanField(_("remote area"), default=False)
    is_complex = models.BooleanField(_("complex"), default=False)
    complex_reason = models.CharField(
        _("why complex"), max_length=30, choices=rules.ComplexReason.choices, blank=True
    )
    is_admissible = models.BooleanField(_("admissible"), default=True)
    inadmissible_reason = models.CharField(
        _("why not admissible"),
        max_length=30,
        choices=rules.InadmissibleReason.choices,
        blank=True,
    )
    is_competent = models.BooleanField(_("within the unit's competence"), default=True)

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED
    )
    stage = models.CharField(
        _("stage"), max_length=20, choices=Stage.choices, default=Stage.HANDLING
    )
    decision = models.CharField(_("decision"), max_length=20, choices=Decision.choices, blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    decision_target = models.CharField(_("transferred or guided to"), max_length=200, blank=True)
    decision_number = models.CharField(
        pgettext_lazy("case", "document number"), max_length=60, blank=True
    )
    decision_note = models.TextField(_("decision note"), blank=True)
    transfer_count = models.PositiveSmallIntegerField(default=0)

    notify_due_on = models.DateField(_("notify by"), null=True, blank=True)
    notified_on = models.DateField(_("citizen notified on"), null=True, blank=True)
    due_on = models.DateField(_("due on"), null=True, blank=True)
    due_period = models.CharField(_("governing period"), max_length=50, blank=True)
    extensions = models.PositiveSmallIntegerField(_("extensions"), default=0)
    suspended_on = models.DateField(_("suspended on"), null=True, blank=True)
    remaining_days = models.PositiveSmallIntegerField(null=True, blank=True)

    assignee_department = models.ForeignKey(
        Department,
        verbose_name=_("department"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cases",
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("officer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_cases",
    )
    answered_on = models.DateField(_("answered on"), null=True, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    reopen_count = models.PositiveSmallIntegerField(default=0)
    rating = models.PositiveSmallIntegerField(_("rating"), null=True, blank=True)
    rating_comment = models.TextField(_("rating comment"), blank=True)

    # Background-job claims: the due date a reminder / escalation was sent for (one each).
    reminded_for = models.DateField(null=True, blank=True, editable=False)
    escalated_for = models.DateField(null=True, blank=True, editable=False)

    # The person who resolves the case (for a denunciation: sees the denouncer, rule 19).
    resolver = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("resolved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="resolving_cases",
    )
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("duplicate of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="duplicates",
    )
    matter = models.ForeignKey(
        Matter,
        verbose_name=_("matter"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cases",
    )
    # A published answer: shown on the public pages without any personal data.
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    public_subject = models.CharField(_("published subject"), max_length=300, blank=True)
    public_answer = models.TextField(_("published answer"), blank=True)
    # Folded public subject and answer: the public pages' accent-insensitive search.
    public_search = models.TextField(blank=True, default="", editable=False)
    # The names of the case's citizens, kept by database triggers for the search index
    # (cases.search_index): every way of linking or renaming a citizen updates it.
    search_names = models.TextField(blank=True, default="", editable=False)

    reception_entry = models.ForeignKey(
        "reception.ReceptionEntry",
        verbose_name=_("reception-book entry"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cases",
    )
    idempotency_key = models.CharField(max_length=64, null=True, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    # Bumped with every timeline event: integrations poll with `updated_since`.
    updated_at = models.DateTimeField(default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    objects = CaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        permissions = [
            ("receive_case", _("Can enter cases")),
            ("classify_case", _("Can classify cases")),
            ("decide_case", _("Can decide on cases")),
            ("assign_case", _("Can assign cases")),
            ("answer_case", _("Can work on and answer cases")),
            ("approve_answer", _("Can approve answers")),
            ("extend_case", _("Can extend and suspend cases")),
            ("manage_case_settings", _("Can manage fields, periods and templates")),
        ]
        constraints = [
            models.UniqueConstraint(fields=["unit", "year", "number"], name="case_unique_number"),
            models.UniqueConstraint(
                fields=["idempotency_key"],
                condition=Q(idempotency_key__isnull=False),
                name="case_unique_idempotency_key",
            ),
            models.CheckConstraint(
                condition=Q(signer_count__gte=1), name="case_signer_count_positive"
            ),
            models.CheckConstraint(
                condition=Q(is_complex=False) | ~Q(complex_reason=""),
                name="case_complex_has_reason",
            ),
        ]
        # Work lists filter by unit (or officer, or department) and status, then page by due
        # date or newest first. No partial indexes: SQLite cannot match a partial index's
        # `status IN (...)` against bound parameters, and these serve both engines.
        indexes = [
            models.Index(fields=["assignee", "due_on", "id"], name="case_assignee_due"),
            models.Index(
                fields=["assignee_department", "due_on", "id"], name="case_department_due"
            ),
            models.Index(fields=["unit", "status", "due_on"], name="case_unit_status_due"),
            models.Index(fields=["unit", "-received_on", "-id"], name="case_unit_received"),
            models.Index(fields=["-received_on", "-id"], name="case_received"),
            models.Index(fields=["status", "due_on"], name="case_status_due"),
            # Polling by last change (the API's `updated_since`): one unit's, or all of them.
            models.Index(fields=["unit", "updated_at", "id"], name="case_unit_updated"),
            models.Index(fields=["updated_at", "id"], name="case_updated"),
            models.Index(fields=["unit", "-published_at", "-id"], name="case_unit_published"),
        ]

    def __str__(self) -> str:
        return f"{self.registration_number} {self.subject}"

    @property
    def registration_number(self) -> str:
        return f"{self.number:04d}/{self.year}"

    @property
    def code_display(self) -> str:
        return format_code(self.tracking_code)

    @property
    def is_multi_signer(self) -> bool:
        return rules.is_multi_signer(self.signer_count)

    def is_overdue(self, today: date) -> bool:
        return self.status in RUNNING and self.due_on is not None and self.due_on < today

    def ensure_can_move_to(self, target: str) -> None:
        """Refuse a status change the lifecycle does not allow (a Conflict, with a message)."""
        if target not in ALLOWED_TRANSITIONS[self.status]:
            raise Conflict(
                gettext("A case that is “%(current)s” cannot become “%(target)s”.")
                % {"current": Status(self.status).label, "target": Status(target).label}
            )

    def classification(self) -> rules.Classification:
        return rules.Classification(
            kind=self.kind,
            admissible=self.is_admissible,
            inadmissible_reason=self.inadmissible_reason,
            competent=self.is_competent,
            anonymous=self.is_anonymous,
            has_evidence=self.has_evidence,
            party_rule_breach=self.accused_is_party_member and self.party_rule_breach,
            transfer_count=self.transfer_count,
        )

    def period_overrides(self) -> dict[str, int]:
        policy = CasePolicy.objects.filter(unit_id=self.unit_id).first()
        return dict(policy.periods) if policy else {}


class CaseCitizen(models.Model):
    class Role(models.TextChoices):
        SUBMITTER = "submitter", _("Sender")
        REPRESENTATIVE = "representative", _("Representative")
        CO_SIGNER = "co_signer", _("Co-signer")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="case_citizens")
    citizen = models.ForeignKey(
        "citizens.Citizen", on_delete=models.PROTECT, related_name="case_links"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.SUBMITTER)

    class Meta:
        verbose_name = _("citizen of a case")
        verbose_name_plural = _("citizens of cases")
        constraints = [
            models.UniqueConstraint(fields=["case", "citizen"], name="case_citizen_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.citizen_id} ({self.role})"


class CaseEvent(models.Model):
    """One line of a case's timeline. Append-only: never updated, never deleted."""

    class Kind(models.TextChoices):
        RECEIVED = "received", _("Received")
        CLASSIFIED = "classified", _("Classified")
        DECIDED = "decided", _("Decision")
        ASSIGNED = "assigned", _("Assigned")
        EXTENDED = "extended", _("Extended")
        SUSPENDED = "suspended", _("Suspended")
        RESUMED = "resumed", _("Resumed")
        NOTE = "note", _("Internal note")
        PUBLIC_UPDATE = "public_update", _("Update for the citizen")
        ANSWER_DRAFTED = "answer_drafted", _("Answer drafted")
        ANSWER_SUBMITTED = "answer_submitted", _("Answer submitted for approval")
        ANSWER_RETURNED = "answer_returned", _("Answer returned for revision")
        ANSWER_EDITED = "answer_edited", _("Answer edited by the leader")
        ANSWER_APPROVED = "answer_approved", _("Answer approved")
        ANSWER_SENT = "answer_sent", _("Answer sent")
        RATED = "rated", _("Rated by the citizen")
        REOPENED = "reopened", _("Reopened")
        CLOSED = "closed", _("Closed")
        STARTED = "started", _("Work started")
        REMINDED = "reminded", _("Reminder sent")
        ESCALATED = "escalated", _("Overdue: escalated to the leader")
        PUBLISHED = "published", _("Answer published")
        UNPUBLISHED = "unpublished", _("Answer withdrawn from the public pages")
        DUPLICATE_MARKED = "duplicate", _("Marked as a duplicate")
        DUPLICATE_UNMARKED = "not_duplicate", _("Duplicate mark removed")
        MATTER_JOINED = "matter_joined", _("Grouped into a matter")
        MATTER_LEFT = "matter_left", _("Taken out of a matter")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(pgettext_lazy("case", "kind"), max_length=20, choices=Kind.choices)
    from_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    text = models.TextField(_("text"), blank=True)
    is_public = models.BooleanField(_("shown to the citizen"), default=False)
    data = models.JSONField(default=dict, blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("case event")
        verbose_name_plural = _("case events")
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["case", "at"], name="case_event_case_at")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.at:%d/%m/%Y %H:%M}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise Conflict(gettext("The case timeline cannot be changed."))
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise Conflict(gettext("The case timeline cannot be changed."))

    @classmethod
    def record(
        cls,
        case: Case,
        *,
        actor: User | None,
        kind: str,
        from_status: str = "",
        to_status: str = "",
        text: str = "",
        is_public: bool = False,
        **data: Any,
    ) -> CaseEvent:
        """Append one event and bump the case's `updated_at` to its time (what pollers see).

        A queryset UPDATE, so it holds whatever the caller saved with `update_fields`."""
        event = cls.objects.create(
            case=case,
            actor=actor,
            kind=kind,
            from_status=from_status,
            to_status=to_status,
            text=text,
            is_public=is_public,
            data=data,
        )
        Case.objects.filter(pk=case.pk).update(updated_at=event.at)
        case.updated_at = event.at
        return event
