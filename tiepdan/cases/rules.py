"""Pure rules for cases: legal periods, deadlines, classification outcomes (DOMAIN §4, §5, §12).

No ORM here. Every legal period is a `Period` in `PERIODS`, citing its article; a unit may
override the number of days (the legal default and its source stay visible next to the setting).
"ngày" in the laws is counted in calendar days (`workdays.add_days`: a period ending on a day
off ends on the next working day); "ngày làm việc" in working days (`workdays.add_working_days`).
DOMAIN §5 flags the calendar-day reading for legal review [L].
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tiepdan.lib import workdays
from tiepdan.lib.errors import Conflict, DomainError
from tiepdan.lib.workdays import WorkCalendar


class Kind(models.TextChoices):
    FEEDBACK = "feedback", _("Feedback")
    PETITION = "petition", _("Petition")
    COMPLAINT = "complaint", _("Complaint")
    DENUNCIATION = "denunciation", _("Denunciation")


class Decision(models.TextChoices):
    ACCEPT = "accept", _("Accept for handling")
    TRANSFER = "transfer", _("Transfer to the competent body")
    GUIDE = "guide", _("Guide the citizen")
    ARCHIVE = "archive", _("Archive")


class Stage(models.TextChoices):
    HANDLING = "handling", _("Letter handling")
    RESOLUTION = "resolution", _("Resolution (first round)")
    SECOND_ROUND = "second_round", _("Resolution (second round)")


class InadmissibleReason(models.TextChoices):
    """The closed list of reasons a letter is not handled (Circular 05/2021; Circular 07/2014)."""

    NOT_VIETNAMESE = "not_vietnamese", _("Not in Vietnamese and without a notarised translation")
    NO_NAME_ADDRESS = "no_name_address", _("No name or address of the sender")
    UNSIGNED = "unsigned", _("Not signed or fingerprinted")
    UNDATED = "undated", _("Not dated")
    NO_SUBJECT = "no_subject", _("Does not name who or what is complained of or denounced")
    SENT_TO_MANY = "sent_to_many", _("Sent to many bodies, including the competent one")
    ALREADY_GUIDED = "already_guided", _("Content already guided once")
    ABUSIVE = "abusive", _("Anti-Party, divisive or abusive content")
    ILLEGIBLE = "illegible", _("Illegible, torn or damaged letter")
    COPY_ONLY = "copy_only", _("Only a copy was sent to this body")
    SETTLED = "settled", _("Already lawfully settled, with nothing new")
    TIME_BARRED = "time_barred", _("Complaint filed after the time bar")
    IN_COURT = "in_court", _("The matter is before a court")


class ComplexReason(models.TextChoices):
    """Why a complaint is complex (Decree 155/2026 amending Decree 124, Art. 3a)."""

    SEVERAL_SITES = "several_sites", _("Two or more sites or contents")
    MANY_COMPLAINANTS = "many_complainants", _("Many complainants")
    FOREIGN_ELEMENT = "foreign_element", _("A foreign element")
    SEVERAL_AGENCIES = "several_agencies", _("Several agencies involved")
    AGENCIES_DISAGREE = "agencies_disagree", _("Agencies disagree")
    CONTRADICTORY_EVIDENCE = "contradictory_evidence", _("Contradictory evidence")


@dataclass(frozen=True)
class Period:
    days: int
    working: bool  # True: "ngày làm việc"; False: "ngày" (calendar days)
    source: str
    label: str | Promise

    def end(
        self, start: date, calendar: WorkCalendar | None = None, days: int | None = None
    ) -> date:
        """The last day of this period counted from `start` (the start day is not counted)."""
        n = self.days if days is None else days
        if self.working:
            return workdays.add_working_days(start, n, calendar)
        return workdays.add_days(start, n, calendar)


WD, CD = True, False

# Complaint acceptance changed from 10 days to 7 working days on 01/7/2026.
COMPLAINT_ACCEPTANCE_CHANGE_ON = date(2026, 7, 1)
DENUNCIATION_MAX_EXTENSIONS = 2  # Law on Denunciations Art. 30(1): at most 90 days in all
FEEDBACK_MAX_EXTENSIONS = 1  # unit practice [L]: one extension of the answer period

PERIODS: dict[str, Period] = {
    # Law on Citizen Reception Art. 28; Regulation 11-QĐi/TW: written notice within 10 WD.
    "notify": Period(10, WD, "Luật TCD Điều 28; QĐ 11-QĐi/TW", _("Notify the citizen")),
    # Unit setting; default taken from the 10-WD notification rule [L].
    "feedback_answer": Period(10, WD, "Quy định của đơn vị", _("Answer feedback")),
    "petition_answer": Period(10, WD, "Quy định của đơn vị", _("Answer a petition")),
    "feedback_extension": Period(10, WD, "Quy định của đơn vị", _("Extend a feedback answer")),
    # Law on Denunciations Art. 24(1): register, classify, verify within 7 WD, at most 10.
    "denunciation_handling": Period(
        7, WD, "Luật Tố cáo Điều 24", _("Denunciation: initial handling")
    ),
    "denunciation_handling_max": Period(
        10, WD, "Luật Tố cáo Điều 24", _("Denunciation: initial handling, extended")
    ),
    # Law on Denunciations Art. 24(1)(b): transfer within 5 WD of receipt when not competent.
    "denunciation_transfer": Period(5, WD, "Luật Tố cáo Điều 24", _("Denunciation: transfer out")),
    # Law on Denunciations Art. 30(1): 30 days; +30 once (complex) or twice (especially complex).
    "denunciation_resolution": Period(30, CD, "Luật Tố cáo Điều 30", _("Denunciation: resolution")),
    "denunciation_extension": Period(
        30, CD, "Luật Tố cáo Điều 30", _("Denunciation: each extension")
    ),
    # Decree 155/2026 amending Decree 124/2020 Art. 16: 7 WD for receipts from 01/7/2026.
    "complaint_acceptance": Period(
        7, WD, "NĐ 155/2026 sửa NĐ 124/2020 Điều 16", _("Complaint: acceptance")
    ),
    # Law on Complaints Art. 27: 10 days for receipts before 01/7/2026.
    "complaint_acceptance_before_2026_07": Period(
        10, CD, "Luật Khiếu nại Điều 27", _("Complaint: acceptance (received before 01/7/2026)")
    ),
    # Law on Complaints Art. 28: first round 30 days, 45 if complex; remote areas 45 / 60.
    "complaint_round1": Period(30, CD, "Luật Khiếu nại Điều 28", _("Complaint: first round")),
    "complaint_round1_complex": Period(
        45, CD, "Luật Khiếu nại Điều 28", _("Complaint: first round, complex")
    ),
    "complaint_round1_remote": Period(
        45, CD, "Luật Khiếu nại Điều 28", _("Complaint: first round, remote area")
    ),
    "complaint_round1_remote_complex": Period(
        60, CD, "Luật Khiếu nại Điều 28", _("Complaint: first round, remote area, complex")
    ),
    # Law on Complaints Art. 37: second round 45 days, 60 if complex; remote areas 60 / 70.
    "complaint_round2": Period(45, CD, "Luật Khiếu nại Điều 37", _("Complaint: second round")),
    "complaint_round2_complex": Period(
        60, CD, "Luật Khiếu nại Điều 37", _("Complaint: second round, complex")
    ),
    "complaint_round2_remote": Period(
        60, CD, "Luật Khiếu nại Điều 37", _("Complaint: second round, remote area")
    ),
    "complaint_round2_remote_complex": Period(
        70, CD, "Luật Khiếu nại Điều 37", _("Complaint: second round, remote area, complex")
    ),
    # Law on Complaints Art. 33: a second-round complaint is filed within 30 days (remote 45).
    "reopen_window": Period(30, CD, "Luật Khiếu nại Điều 33", _("Reopen after the answer")),
    "reopen_window_remote": Period(
        45, CD, "Luật Khiếu nại Điều 33", _("Reopen after the answer, remote area")
    ),
    # Decree 155/2026: suspension and resumption decisions are sent within 3 WD.
    "suspension_notice": Period(3, WD, "NĐ 155/2026", _("Send a suspension decision")),
}

Overrides = Mapping[str, int]


def period_days(key: str, overrides: Overrides | None = None) -> int:
    """The number of days of period `key`: the unit's setting, else the legal default."""
    if overrides and key in overrides:
        return int(overrides[key])
    return PERIODS[key].days


def due(
    key: str, start: date, overrides: Overrides | None = None, calendar: WorkCalendar | None = None
) -> date:
    """The due date of period `key` counted from `start`."""
    return PERIODS[key].end(start, calendar, period_days(key, overrides))


def _variant(base: str, *, remote: bool, complex_: bool) -> str:
    return base + ("_remote" if remote else "") + ("_complex" if complex_ else "")


def handling_key(kind: str, received_on: date, *, competent: bool = True) -> str:
    """The period that governs a case before its decision (letter-handling stage)."""
    if kind == Kind.DENUNCIATION:
        return "denunciation_handling" if competent else "denunciation_transfer"
    if kind == Kind.COMPLAINT:
        if received_on < COMPLAINT_ACCEPTANCE_CHANGE_ON:
            return "complaint_acceptance_before_2026_07"
        return "complaint_acceptance"
    return "feedback_answer" if kind == Kind.FEEDBACK else "petition_answer"


def resolution_key(kind: str, stage: str, *, remote: bool = False, complex_: bool = False) -> str:
    """The period that governs a case once accepted, for its kind and stage."""
    if kind == Kind.DENUNCIATION:
        return "denunciation_resolution"
    if kind == Kind.COMPLAINT:
        base = "complaint_round2" if stage == Stage.SECOND_ROUND else "complaint_round1"
        return _variant(base, remote=remote, complex_=complex_)
    return "feedback_answer" if kind == Kind.FEEDBACK else "petition_answer"


def is_working_period(key: str) -> bool:
    return PERIODS[key].working


def check_received_on(received_on: date, today: date) -> None:
    """Refuse a received date in the future (it is the basis of every deadline)."""
    if received_on > today:
        raise DomainError(
            gettext("The received date cannot be in the future."), field="received_on"
        )


def is_multi_signer(signer_count: int) -> bool:
    """A letter signed by five or more people is a multi-signer letter (Circular 05/2021)."""
    return signer_count >= 5


# --- Extensions and suspension -------------------------------------------------------------


def extended_due(
    *,
    kind: str,
    stage: str,
    received_on: date,
    due_on: date,
    extensions: int,
    reason: str,
    overrides: Overrides | None = None,
    calendar: WorkCalendar | None = None,
) -> date:
    """The due date after one more extension, or a DomainError when none is allowed."""
    if not reason.strip():
        raise DomainError(gettext("An extension needs a written reason."), field="reason")
    if kind == Kind.DENUNCIATION and stage == Stage.HANDLING:
        if extensions:
            raise DomainError(
                gettext(
                    "Initial handling of a denunciation may be extended only once, to 10 "
                    "working days (Law on Denunciations Art. 24)."
                )
            )
        return due("denunciation_handling_max", received_on, overrides, calendar)
    if kind == Kind.DENUNCIATION:
        if extensions >= DENUNCIATION_MAX_EXTENSIONS:
            raise DomainError(
                gettext(
                    "A denunciation may be extended at most twice, 90 days in all (Law on "
                    "Denunciations Art. 30)."
                )
            )
        return due("denunciation_extension", due_on, overrides, calendar)
    if kind == Kind.COMPLAINT:
        raise DomainError(
            gettext(
                "A complaint's period is not extended: mark it complex with a reason "
                "instead (Law on Complaints Arts. 28, 37)."
            )
        )
    if extensions >= FEEDBACK_MAX_EXTENSIONS:
        raise DomainError(gettext("This answer period has already been extended once."))
    return due("feedback_extension", due_on, overrides, calendar)


def remaining_days(
    due_on: date, suspended_on: date, *, working: bool, calendar: WorkCalendar | None = None
) -> int:
    """Days of the period left on the day the clock stops (never negative)."""
    if working:
        return workdays.working_days_between(suspended_on, due_on, calendar)
    return max((due_on - suspended_on).days, 0)


def resumed_due(
    resumed_on: date, remaining: int, *, working: bool, calendar: WorkCalendar | None = None
) -> date:
    """The new due date when the clock restarts with the days that were left (Decree 155)."""
    if working:
        return workdays.add_working_days(resumed_on, remaining, calendar)
    return workdays.add_days(resumed_on, remaining, calendar)


# --- Classification outcomes --------------------------------------------------------------


@dataclass(frozen=True)
class Classification:
    """What the officer found when classifying a letter (TT05/2021; TT07/2014 Art. 6)."""

    kind: str
    admissible: bool = True
    inadmissible_reason: str = ""
    competent: bool = True
    anonymous: bool = False
    has_evidence: bool = False  # an anonymous letter naming the violator with verifiable evidence
    party_rule_breach: bool = False  # a Party member accused of breaking Party rules
    transfer_count: int = 0
    # Rule 15: the registration number of a denunciation of the same matter (marked duplicate,
    # or the same citizen with similar content) already transferred; "" when there is none.
    same_matter_transferred: str = ""


PARTY_INSPECTION_BODY = "Ủy ban Kiểm tra Đảng ủy"


def check_classification(c: Classification) -> None:
    """Refuse an incoherent classification: an inadmissible letter needs a listed reason."""
    if not c.admissible and c.inadmissible_reason not in InadmissibleReason.values:
        raise DomainError(
            gettext("Choose the reason the letter cannot be handled from the list."),
            field="inadmissible_reason",
        )
    if c.admissible and c.inadmissible_reason:
        raise DomainError(
            gettext("An admissible letter has no inadmissibility reason."),
            field="inadmissible_reason",
        )


def allowed_decisions(c: Classification) -> list[str]:
    """The decisions the law leaves open after this classification (TT05 Arts. 13–16; TC 25)."""
    if c.kind == Kind.DENUNCIATION and c.party_rule_breach:
        return [Decision.TRANSFER]  # TT05 Art. 15: to the Party inspection body
    if c.kind == Kind.DENUNCIATION and c.anonymous:
        # Law on Denunciations Art. 25: never handled as a denunciation; with concrete
        # evidence the body may pass it on for inspection.
        return [Decision.ARCHIVE, Decision.TRANSFER] if c.has_evidence else [Decision.ARCHIVE]
    if not c.admissible:
        return [Decision.ARCHIVE, Decision.GUIDE]
    if not c.competent:
        if c.kind == Kind.DENUNCIATION and (c.transfer_count or c.same_matter_transferred):
            return [Decision.GUIDE, Decision.ARCHIVE]  # TT05 Art. 14: transferred only once
        if c.kind == Kind.COMPLAINT:
            return [Decision.GUIDE]  # Law on Citizen Reception Art. 26: guide to the competent body
        return [Decision.TRANSFER, Decision.GUIDE]
    return [Decision.ACCEPT]


def check_decision(c: Classification, decision: str) -> None:
    """Refuse a decision the classification does not allow, saying which rule refuses it."""
    if decision in allowed_decisions(c):
        return
    if c.kind == Kind.DENUNCIATION and c.party_rule_breach:
        message = gettext(
            "A denunciation of a Party member for breaking Party rules goes to the Party "
            "inspection body (Circular 05/2021 Art. 15): choose transfer."
        )
    elif c.kind == Kind.DENUNCIATION and c.anonymous and decision == Decision.ACCEPT:
        message = gettext(
            "An anonymous or false-name letter is never accepted as a denunciation (Law on "
            "Denunciations Art. 25)."
        )
    elif c.kind == Kind.DENUNCIATION and decision == Decision.TRANSFER and c.transfer_count:
        message = gettext(
            "This denunciation has already been transferred once; it may not be transferred "
            "again (Circular 05/2021 Art. 14)."
        )
    elif (
        c.kind == Kind.DENUNCIATION and decision == Decision.TRANSFER and c.same_matter_transferred
    ):
        message = gettext(
            "A denunciation of the same matter (case %(number)s) has already been transferred; "
            "it may not be transferred a second time (Circular 05/2021 Art. 14)."
        ) % {"number": c.same_matter_transferred}
    elif decision == Decision.ACCEPT:
        message = gettext("Only an admissible letter within the unit's competence can be accepted.")
    else:
        message = gettext("This decision does not fit how the letter was classified.")
    raise DomainError(message, field="decision")


def reopen_deadline(
    answered_on: date,
    *,
    remote: bool,
    overrides: Overrides | None = None,
    calendar: WorkCalendar | None = None,
) -> date:
    """The last day the citizen may reopen an answered case (Law on Complaints Art. 33) [L]."""
    return due(
        "reopen_window_remote" if remote else "reopen_window", answered_on, overrides, calendar
    )


# Publishing an answer on the public pages (DESIGN §5, "published answers"). Only a final answer
# is published: a case answered or closed. A reopened case's answer is contested: it is withdrawn
# while the case is handled again (cases.publication), and a leader publishes the new one.
# A denunciation's conclusion may be published (Law on Denunciations Art. 40), never its sender.
PUBLISHABLE_STATUSES = frozenset({"answered", "closed"})


def check_publishable(*, status: str, is_duplicate: bool) -> None:
    """Refuse to publish an answer that is not final, or a duplicate's (its original carries it)."""
    if status not in PUBLISHABLE_STATUSES:
        raise Conflict(gettext("Only the answer of an answered or closed case can be published."))
    if is_duplicate:
        raise Conflict(
            gettext("This case is a duplicate of another: publish the answer of the original.")
        )
