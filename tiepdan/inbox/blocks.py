"""The blocks of the staff inbox ("Việc của tôi"): one function per kind of waiting work.

Each function takes the user and today and returns a `Block`: a title, a count, the first few
rows (oldest or most urgent first, each with the legal clock left and one link to the record)
and a link to the full list where one exists. The reads are the owning apps' own (the work
lists of `cases.search.worklist`, each app's QuerySets); this module only composes them.

Every read is bounded: a block fetches one row more than it shows, and only when that row
exists does it count, on the same indexed query sliced to `CAP + 1` rows (shown as "50+"), so
nothing ever counts a whole table. Rows are in the user's scope (`visible_units()`), and a
denunciation shows its subject without the denouncer for whoever may not see them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, timedelta
from typing import Any, TypeVar

from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tiepdan.accounts.access import scoped
from tiepdan.accounts.models import User
from tiepdan.cases import identity
from tiepdan.cases.models import Case, CaseEvent, Response, Status
from tiepdan.cases.search import approvals, worklist
from tiepdan.dialogues.models import Dialogue
from tiepdan.directives.models import Directive
from tiepdan.inbox.rows import CAP, ROWS, Block, Clock, Row, deadline, when
from tiepdan.lib.workdays import add_working_days
from tiepdan.mediation.models import MediationCase, MediationSession
from tiepdan.reception import compliance
from tiepdan.reception import rules as reception_rules
from tiepdan.reception.models import Appointment, ReceptionDay, ReceptionEntry, RefusalNotice
from tiepdan.reports.models import GeneratedReport
from tiepdan.workcalendar.models import Holiday

Records = TypeVar("Records", bound=QuerySet[Any])


#: Notices due within this many working days join the overdue ones (as on the reception page).
NOTICE_HORIZON_WORKING_DAYS = 3
#: From this month on, the next year's calendar is due: the Government announces the Tết and
#: National Day days off in the last quarter (DOMAIN §10).
NEXT_YEAR_CALENDAR_FROM_MONTH = 10
#: A report job still waiting after this long: the job worker is probably not running.
STUCK_AFTER = timedelta(hours=1)
#: Failed report jobs older than this are history, not work.
FAILED_JOBS_WITHIN = timedelta(days=30)


# --- Reading a block's rows --------------------------------------------------------------------


def _capped(queryset: QuerySet[Any]) -> int:
    """How many rows `queryset` holds, counted up to CAP + 1 only."""
    return queryset[: CAP + 1].count()


def _first(queryset: QuerySet[Any]) -> tuple[list[Any], int]:
    """The first ROWS records and the capped count (a second query only when there are more)."""
    found = list(queryset[: ROWS + 1])
    count = len(found) if len(found) <= ROWS else _capped(queryset)
    return found[:ROWS], count


def _in_units(queryset: Records, user: User) -> Records:
    """The records of the user's units: the scope of the apps' `visible_to`, but as a subquery
    of unit ids, so that the planner seeks each unit in the table's (unit, …) index (a join on
    the units' paths makes SQLite scan the table)."""
    return queryset.filter(unit__in=user.visible_units())


def _url(name: str, *args: Any, **query: Any) -> str:
    url = reverse(name, args=args)
    return f"{url}?{urlencode(query)}" if query else url


def _case_text(case: Case) -> str:
    return f"{case.registration_number} · {case.subject}"


def _case_row(case: Case, today: date, detail: str = "") -> Row:
    # A suspended case's clock is stopped: its old due date tells nothing.
    clock = None if case.status == Status.SUSPENDED else deadline(case.due_on, today)
    url = reverse("cases:detail", args=[case.pk])
    return Row(_case_text(case), url, clock, detail or case.get_status_display())


def _cases_block(
    key: str,
    title: str,
    cases: Any,
    user: User,
    today: date,
    *,
    more_url: str,
    detail: Callable[[Case], str] = lambda case: "",
) -> Block:
    """A work list's first page by due date (`worklist.page`: the list's own order and index)."""
    page = worklist.page(cases, sort="due", size=ROWS)
    identity.redact_subjects(user, page.cases)
    more = page.next_cursor is not None
    count = _capped(cases.filter(due_on__isnull=False)) if more else len(page.cases)
    rows = [_case_row(case, today, detail(case)) for case in page.cases]
    return Block(key, title, count, rows, more_url)


def _notify_by(case: Case) -> str:
    if case.notify_due_on is None or case.notified_on is not None:
        return ""
    return _("Notify the citizen by %(date)s") % {"date": date_format(case.notify_due_on, "d/m/Y")}


# --- Reception officer -------------------------------------------------------------------------


def cases_to_classify(user: User, today: date) -> Block:
    """Cases received and not yet classified, the handling period's deadline first."""
    cases = Case.objects.visible_to(user).counted().filter(status=Status.RECEIVED)
    more = _url("cases:list", view="all", status=Status.RECEIVED, sort="due")
    title = _("New cases to classify")
    return _cases_block("classify", title, cases, user, today, more_url=more, detail=_notify_by)


def cases_to_decide(user: User, today: date) -> Block:
    """Classified cases awaiting the decision (accept, transfer, guide or archive)."""
    cases = Case.objects.visible_to(user).counted().filter(status=Status.CLASSIFIED)
    more = _url("cases:list", view="all", status=Status.CLASSIFIED, sort="due")
    title = _("Cases awaiting a decision")
    return _cases_block("decide", title, cases, user, today, more_url=more, detail=_notify_by)


def _entry_rows(entries: list[ReceptionEntry]) -> list[ReceptionEntry]:
    """Entries with every protected visitor replaced: the inbox shows no denouncer, even to
    those entitled (the entry's page shows them, and logs it)."""
    for entry in entries:
        if identity.entry_is_protected(entry):
            identity.redact_entry(entry)
    return entries


def notices_due(user: User, today: date) -> Block:
    """Reception-book entries whose written notice (TCD Art. 28: 10 working days) is overdue
    or due within the reception page's horizon."""
    horizon = add_working_days(today, NOTICE_HORIZON_WORKING_DAYS)
    entries = (
        _in_units(ReceptionEntry.objects.awaiting_notice(), user)
        .filter(notify_by__lte=horizon)
        .order_by("notify_by", "pk")
    )
    found, count = _first(entries)
    rows = [
        Row(str(entry), entry.get_absolute_url(), deadline(entry.notify_by, today), entry.summary)
        for entry in _entry_rows(found)
    ]
    return Block("notices", _("Written notices to send"), count, rows, reverse("reception:home"))


def refusal_notices(user: User, today: date) -> Block:
    """Refusals to receive whose Form 01/TCD is not issued yet (3 working days)."""
    notices = (
        scoped(RefusalNotice.objects.filter(issued_on__isnull=True), user, "entry__unit")
        .select_related("entry")
        .order_by("due_on", "pk")
    )
    found, count = _first(notices)
    _entry_rows([notice.entry for notice in found])
    rows = [
        Row(
            str(notice.entry),
            notice.entry.get_absolute_url(),
            deadline(notice.due_on, today),
            notice.entry.get_refusal_ground_display(),
        )
        for notice in found
    ]
    title = _("Refusal notices to issue (Form 01/TCD)")
    return Block("refusals", title, count, rows, reverse("reception:home"))


def bookings(user: User, today: date) -> Block:
    """The citizens booked for today's reception days and for the next reception day."""
    kept = ~Q(appointments__status=Appointment.Status.CANCELLED)
    days = list(
        _in_units(ReceptionDay.objects.all(), user)
        .filter(status__in=[ReceptionDay.Status.PUBLISHED, ReceptionDay.Status.HELD])
        .upcoming(today)
        .select_related("leader")
        .annotate(booked=Count("appointments", filter=kept))[: ROWS * 2]
    )
    later = [day.on for day in days if day.on > today]
    days = [day for day in days if day.on == today or (later and day.on == later[0])][:ROWS]
    rows = [
        Row(
            f"{date_format(day.on, 'd/m/Y')} {day.starts_at:%H:%M}–{day.ends_at:%H:%M} · "
            f"{day.leader}",
            day.get_absolute_url(),
            when(day.on, today, dated=False),
            ngettext("%(count)s booking", "%(count)s bookings", day.booked) % {"count": day.booked},
        )
        for day in days
    ]
    count = sum(day.booked for day in days)
    title = _("Bookings for the coming reception")
    return Block("bookings", title, count, rows, reverse("reception:days"))


# --- Handling officer --------------------------------------------------------------------------


def my_cases(user: User, today: date) -> Block:
    cases = worklist.base("mine", user, today)
    more = _url("cases:list", view="mine")
    return _cases_block("mine", _("Cases assigned to me"), cases, user, today, more_url=more)


def department_cases(user: User, today: date) -> Block | None:
    """My department's cases that no officer has yet; none for someone outside a department."""
    if user.department_id is None:
        return None
    cases = worklist.base("department", user, today).filter(assignee__isnull=True)
    title = _("My department's cases without an officer")
    more = _url("cases:list", view="department")
    return _cases_block("department", title, cases, user, today, more_url=more)


def _return_comments(responses: list[Response]) -> dict[int, str]:
    """The latest leader's comment on each returned answer, by answer (one query)."""
    events = CaseEvent.objects.filter(
        case_id__in=[r.case_id for r in responses], kind=CaseEvent.Kind.ANSWER_RETURNED
    ).order_by("at", "id")
    return {event.data.get("response"): event.data.get("comment", "") for event in events}


def returned_answers(user: User, today: date) -> Block:
    """The answers I drafted that a leader sent back, with the leader's comment."""
    found, count = _first(approvals.returned_to(user))
    identity.redact_subjects(user, [r.case for r in found])
    comments = _return_comments(found) if found else {}
    rows = []
    for response in found:
        comment = identity.disclosure(user, response.case).text(comments.get(response.pk, ""))
        detail = _("Leader's comment: %(comment)s") % {"comment": comment} if comment else ""
        rows.append(_case_row(response.case, today, detail))
    return Block("returned", _("Answers returned to me"), count, rows)


# --- Leader ------------------------------------------------------------------------------------


def answers_to_approve(user: User, today: date) -> Block:
    """Draft answers submitted for approval in my units, the longest waiting first."""
    found, count = _first(approvals.awaiting(user))
    identity.redact_subjects(user, [r.case for r in found])
    rows = [
        _case_row(r.case, today, _("Drafted by %(name)s") % {"name": r.drafted_by or "—"})
        for r in found
    ]
    more = reverse("cases:approvals")
    return Block("approve", _("Answers awaiting my approval"), count, rows, more_url=more)


def _reception_day_row(day: ReceptionDay, today: date) -> Row:
    text = f"{date_format(day.on, 'd/m/Y')} {day.starts_at:%H:%M}–{day.ends_at:%H:%M} · {day.place}"
    if day.status == ReceptionDay.Status.DRAFT:
        # TCD Art. 24: the schedule is published at least 5 working days before the session.
        publish_by = reception_rules.latest_publication_date(day.on)
        detail = _("Not published yet: publish by %(date)s") % {
            "date": date_format(publish_by, "d/m/Y")
        }
        return Row(text, day.get_absolute_url(), deadline(publish_by, today), detail)
    clock = when(day.on, today, dated=False)
    return Row(text, day.get_absolute_url(), clock, day.get_status_display())


def my_reception_days(user: User, today: date) -> Block:
    """My next reception days, with the Regulation 11 warning when this month falls short."""
    days = ReceptionDay.objects.visible_to(user).filter(leader=user).active().upcoming(today)
    found, count = _first(days)
    rows = [_reception_day_row(day, today) for day in found]
    warning = compliance.current_warning(user, today) if user.post else None
    note = ""
    if warning is not None:
        note = _(
            "Regulation 11: this month you have held %(held)s of the %(required)s required "
            "reception days, with %(planned)s more published. Plan more days before the month "
            "runs short."
        ) % {"held": warning.held, "required": warning.required, "planned": warning.planned}
    level = "danger" if warning is not None and warning.status == "short" else "warning"
    more = reverse("reception:days")
    return Block("reception_days", _("My reception days"), count, rows, more, note, level)


def overdue_directives(user: User, today: date) -> Block:
    """The directives I issued that are past their deadline and not done."""
    directives = (
        Directive.objects.visible_to(user)
        .filter(issued_by=user)
        .overdue(on=today)
        .select_related("owner_user", "owner_department")
        .order_by("due_on", "pk")
    )
    found, count = _first(directives)
    rows = [
        Row(
            d.title,
            d.get_absolute_url(),
            deadline(d.due_on, today),
            _("%(owner)s · %(percent)s%% done")
            % {"owner": d.owner_display(), "percent": d.percent_done},
        )
        for d in found
    ]
    title = _("Overdue directives I issued")
    return Block("directives", title, count, rows, reverse("directives:board"))


def open_commitments(user: User, today: date) -> Block:
    """Dialogues whose commitments are still being carried out, the nearest deadline first."""
    dialogues = Dialogue.objects.visible_to(user).with_open_commitments()
    found, count = _first(dialogues)
    rows = [
        Row(
            str(d),
            d.get_absolute_url(),
            deadline(d.next_due, today),
            ngettext("%(count)s open commitment", "%(count)s open commitments", d.open_commitments)
            % {"count": d.open_commitments},
        )
        for d in found
    ]
    title = _("Dialogues with open commitments")
    return Block("dialogues", title, count, rows, reverse("dialogues:list"))


# --- Mediator ----------------------------------------------------------------------------------


def mediation_not_started(user: User, today: date) -> Block:
    """Mediation cases assigned more than 3 days ago and not started (Law 35/2013 Art. 20)."""
    cases = (
        MediationCase.objects.visible_to(user)
        .start_late(today)
        .select_related("team")
        .order_by("assigned_on", "pk")
    )
    found, count = _first(cases)
    rows = [
        Row(str(c), c.get_absolute_url(), deadline(c.start_due_on(), today), c.team.name)
        for c in found
    ]
    title = _("Mediation not started within 3 days")
    return Block("mediation_late", title, count, rows, reverse("mediation:home"))


def mediation_sessions(user: User, today: date) -> Block:
    """The mediation sessions of this week, Monday to Sunday."""
    monday = today - timedelta(days=today.weekday())
    # Scoped by a join, not `case__in`, so the planner reads the week on the date index.
    sessions = (
        scoped(MediationSession.objects.all(), user, "case__team__group")
        .filter(held_on__gte=monday, held_on__lte=monday + timedelta(days=6))
        .select_related("case")
        .order_by("held_on", "pk")
    )
    found, count = _first(sessions)
    rows = [
        Row(str(s.case), s.case.get_absolute_url(), when(s.held_on, today), s.place) for s in found
    ]
    title = _("Mediation sessions this week")
    return Block("mediation_week", title, count, rows, reverse("mediation:home"))


# --- Unit administrator ------------------------------------------------------------------------


def second_factor_missing(user: User, today: date) -> Block:
    """Accounts of my units whose role needs two-factor sign-in, not yet enrolled."""
    people = (
        _in_units(User.objects.without_second_factor().filter(is_superuser=False), user)
        .select_related("unit")
        .order_by("date_joined", "pk")
    )
    found, count = _first(people)
    rows = [
        Row(
            f"{person.get_full_name() or person.username} ({person.username})",
            reverse("accounts:user_edit", args=[person.pk]),
            detail=str(person.unit or ""),
        )
        for person in found
    ]
    title = _("Accounts without two-factor sign-in")
    return Block("two_factor", title, count, rows, reverse("accounts:user_list"))


def calendar_missing(user: User, today: date) -> Block:
    """This year's, and from October next year's, calendar with no announced day entered."""
    years = [today.year]
    if today.month >= NEXT_YEAR_CALENDAR_FROM_MONTH:
        years.append(today.year + 1)
    entered = set(
        Holiday.objects.filter(year__in=years).order_by().values_list("year", flat=True).distinct()
    )
    rows = [
        Row(
            _("%(year)s: none entered yet") % {"year": year},
            reverse("workcalendar:year", args=[year]),
            deadline(date(year, 1, 1), today),
        )
        for year in years
        if year not in entered
    ]
    title = _("Days off and make-up days to enter")
    return Block("calendar", title, len(rows), rows, reverse("workcalendar:year"))


def failed_jobs(user: User, today: date) -> Block:
    """Report jobs of my units that failed, or still wait long after they were asked for
    (the job worker is down); the newest first. Reports are the only jobs that record their
    outcome: the other background jobs leave no trace to show."""
    now = timezone.now()
    stuck = Q(
        status__in=[GeneratedReport.Status.PENDING, GeneratedReport.Status.RUNNING],
        created_at__lt=now - STUCK_AFTER,
    )
    reports = (
        _in_units(GeneratedReport.objects.all(), user)
        .filter(Q(status=GeneratedReport.Status.FAILED) | stuck)
        .filter(created_at__gte=now - FAILED_JOBS_WITHIN)
        .select_related("unit")
        .order_by("-created_at", "-pk")
    )
    found, count = _first(reports)
    rows = [
        Row(
            str(report),
            reverse("reports:detail", args=[report.pk]),
            Clock(date_format(timezone.localtime(report.created_at), "d/m/Y H:i"), None, "late"),
            report.error
            if report.status == GeneratedReport.Status.FAILED
            else _("Still waiting: is the job worker running?"),
        )
        for report in found
    ]
    return Block("jobs", _("Failed report jobs"), count, rows, reverse("reports:list"))


# --- The page ----------------------------------------------------------------------------------

#: The blocks in page order, each with the capability that shows it: a user with several roles
#: sees each block once.
BLOCKS: list[tuple[str, Callable[[User, date], Block | None]]] = [
    ("cases.answer_case", returned_answers),
    ("cases.approve_answer", answers_to_approve),
    ("cases.answer_case", my_cases),
    ("cases.answer_case", department_cases),
    ("cases.classify_case", cases_to_classify),
    ("cases.decide_case", cases_to_decide),
    ("reception.record_entry", notices_due),
    ("reception.record_entry", refusal_notices),
    ("reception.record_entry", bookings),
    ("reception.hold_session", my_reception_days),
    ("directives.issue_directive", overdue_directives),
    ("dialogues.manage_dialogues", open_commitments),
    ("mediation.record_mediation", mediation_not_started),
    ("mediation.record_mediation", mediation_sessions),
    ("accounts.manage_unit_users", second_factor_missing),
    ("workcalendar.manage_calendar", calendar_missing),
    ("reports.manage_report_settings", failed_jobs),
]


def for_user(user: User, today: date) -> list[Block]:
    """The inbox of `user`: the blocks their capabilities call for, in page order."""
    found: Iterable[Block | None] = (
        block(user, today) for capability, block in BLOCKS if user.has_perm(capability)
    )
    return [block for block in found if block is not None]
