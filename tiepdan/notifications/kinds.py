"""The registry of events a notification can tell: label, sentence, parameters, defaults.

A notification stores its kind and parameters, never its text: the sentence is rendered when it
is shown (or mailed), in the reader's language. Parameters are only what the sentence needs —
registration numbers, ids, dates, a leader's comment — and `clean_params` refuses any other, so
a denouncer's name or a citizen's details cannot reach a notification (rule 19).

Default e-mail delivery, when the user has not chosen (the preferences page):

- reception officers: a case submitted online, a case assigned to them, a returned draft, a
  reopened or overdue case, a cancelled booking and a directive assigned or overdue, at once;
- handling officers: assignments (to them or to their department), returned drafts, reopened
  and overdue cases, directives assigned or overdue, at once;
- leaders: drafts submitted for their approval at once;
- mediators: a mediation case assigned to their team at once;
- everything else, for every role (unit admins and higher-level readers included), in the
  daily digest. Nothing is off by default: the digest is the quiet choice.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from tiepdan.accounts.roles import HANDLING_OFFICER, LEADER, MEDIATOR, RECEPTION_OFFICER

#: A comment (the only free text a notification carries) is cut to this length.
MAX_TEXT = 500
#: Parameters holding a date, stored as ISO text and shown as dd/mm/yyyy.
DATE_PARAMS = {"due_on", "day"}


class Kind(models.TextChoices):
    CASE_RECEIVED = "case_received", _("A case is submitted online")
    CASE_ASSIGNED = "case_assigned", _("A case is assigned to me")
    CASE_ASSIGNED_DEPARTMENT = "case_assigned_department", _("A case is assigned to my department")
    DRAFT_SUBMITTED = "draft_submitted", _("A draft answer awaits my approval")
    DRAFT_APPROVED = "draft_approved", _("My draft answer is approved")
    DRAFT_RETURNED = "draft_returned", _("My draft answer is sent back")
    DEADLINE_SOON = "deadline_soon", _("A case is due in 2 working days")
    DEADLINE_PASSED = "deadline_passed", _("A case is past its deadline")
    CASE_REOPENED = "case_reopened", _("A citizen reopens a case")
    BOOKING_MADE = "booking_made", _("A citizen books my reception day")
    BOOKING_CANCELLED = "booking_cancelled", _("A booking for my reception day is cancelled")
    DIRECTIVE_ASSIGNED = "directive_assigned", _("A directive is assigned to me")
    DIRECTIVE_DUE = "directive_due", _("A directive of mine is due soon")
    DIRECTIVE_OVERDUE = "directive_overdue", _("A directive of mine is overdue")
    MEDIATION_ASSIGNED = "mediation_assigned", _("A mediation case is assigned to my team")


class Delivery(models.TextChoices):
    IMMEDIATE = "immediate", _("E-mail at once")
    DIGEST = "digest", _("In the daily e-mail digest")
    OFF = "off", _("No e-mail (on the site only)")


@dataclass(frozen=True)
class Event:
    sentence: Promise  # a msgid with named placeholders, one per parameter
    params: tuple[str, ...]
    immediate_for: frozenset[str]  # the roles e-mailed at once by default; others get the digest


OFFICERS = frozenset({RECEPTION_OFFICER, HANDLING_OFFICER})

EVENTS: dict[str, Event] = {
    Kind.CASE_RECEIVED: Event(
        _("Case %(number)s was submitted online."), ("number",), frozenset({RECEPTION_OFFICER})
    ),
    Kind.CASE_ASSIGNED: Event(_("Case %(number)s is assigned to you."), ("number",), OFFICERS),
    Kind.CASE_ASSIGNED_DEPARTMENT: Event(
        _("Case %(number)s is assigned to your department, %(department)s."),
        ("number", "department"),
        frozenset({HANDLING_OFFICER}),
    ),
    Kind.DRAFT_SUBMITTED: Event(
        _("The draft answer to case %(number)s awaits your approval."),
        ("number",),
        frozenset({LEADER}),
    ),
    Kind.DRAFT_APPROVED: Event(
        _("Your draft answer to case %(number)s is approved."), ("number",), frozenset()
    ),
    Kind.DRAFT_RETURNED: Event(
        _("Your draft answer to case %(number)s was sent back: “%(comment)s”"),
        ("number", "comment"),
        OFFICERS,
    ),
    Kind.DEADLINE_SOON: Event(
        _("Case %(number)s is due on %(due_on)s."), ("number", "due_on"), frozenset()
    ),
    Kind.DEADLINE_PASSED: Event(
        _("Case %(number)s is past its deadline of %(due_on)s."), ("number", "due_on"), OFFICERS
    ),
    Kind.CASE_REOPENED: Event(
        _("Case %(number)s was reopened by the citizen."), ("number",), OFFICERS
    ),
    Kind.BOOKING_MADE: Event(
        _("A citizen booked a place on your reception day of %(day)s."), ("day",), frozenset()
    ),
    Kind.BOOKING_CANCELLED: Event(
        _("A booking for your reception day of %(day)s was cancelled."),
        ("day",),
        frozenset({RECEPTION_OFFICER}),
    ),
    Kind.DIRECTIVE_ASSIGNED: Event(
        _("Directive no. %(id)s is assigned to you, due on %(due_on)s."), ("id", "due_on"), OFFICERS
    ),
    Kind.DIRECTIVE_DUE: Event(
        _("Directive no. %(id)s is due on %(due_on)s."), ("id", "due_on"), frozenset()
    ),
    Kind.DIRECTIVE_OVERDUE: Event(
        _("Directive no. %(id)s is past its deadline of %(due_on)s."), ("id", "due_on"), OFFICERS
    ),
    Kind.MEDIATION_ASSIGNED: Event(
        _("Mediation case no. %(id)s is assigned to your team."), ("id",), frozenset({MEDIATOR})
    ),
}


class _Params(dict):
    """Parameters for a sentence: a missing one (an older row) shows as a dash, not an error."""

    def __missing__(self, key: str) -> str:
        return "—"


def clean_params(kind: str, params: Mapping[str, object]) -> dict[str, str | int]:
    """Return `params` ready to store, refusing an unknown kind or any parameter the kind's
    sentence does not name (so no personal data can ride along)."""
    event = EVENTS.get(kind)
    if event is None:
        raise ValueError(f"unknown notification kind {kind!r}")
    if set(params) != set(event.params):
        raise ValueError(f"{kind} takes exactly {sorted(event.params)}, not {sorted(params)}")
    clean: dict[str, str | int] = {}
    for name, value in params.items():
        if isinstance(value, date):
            clean[name] = value.isoformat()
        elif isinstance(value, int) and not isinstance(value, bool):
            clean[name] = value
        elif isinstance(value, str):
            clean[name] = value[:MAX_TEXT]
        else:
            raise ValueError(f"{kind}: {name} must be text, a number or a date")
    return clean


def _shown(name: str, value: object) -> object:
    if name in DATE_PARAMS and isinstance(value, str):
        try:
            return date.fromisoformat(value).strftime("%d/%m/%Y")
        except ValueError:
            return value
    return value


def render(kind: str, params: Mapping[str, object]) -> str:
    """The sentence of a notification in the active language."""
    event = EVENTS.get(kind)
    if event is None:
        return str(kind)
    return str(event.sentence) % _Params({k: _shown(k, v) for k, v in params.items()})


def default_delivery(kind: str, roles: Iterable[str]) -> str:
    """How a user with these roles gets this kind by e-mail when they have not chosen."""
    event = EVENTS.get(kind)
    if event is not None and event.immediate_for & set(roles):
        return Delivery.IMMEDIATE
    return Delivery.DIGEST
