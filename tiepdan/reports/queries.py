"""The figures reports and dashboards show, read from the domain apps and scoped to units.

Each section is one function returning a dataclass; a section whose records do not exist
yet is an honest set of zeros. Every count here is the count of a list page's queryset over
the same units and dates, so a dashboard agrees with the lists it summarises.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db.models import Count, F, Q, QuerySet, Value
from django.db.models.functions import Coalesce

from tiepdan.orgunits.models import OrgUnit
from tiepdan.reports.periods import Window
from tiepdan.targets import rules
from tiepdan.targets.lines import TargetLine, programme_lines
from tiepdan.targets.models import Programme, UnitRating
from tiepdan.targets.rules import rating_streak, streak_words

if TYPE_CHECKING:
    from tiepdan.cases.models import CaseQuerySet


def unit_ids(unit: OrgUnit) -> list[int]:
    """The unit and every unit below it."""
    return list(OrgUnit.objects.subtree_of(unit).values_list("id", flat=True))


def rate(part: int, whole: int) -> Decimal | None:
    """Part of whole in %, None when the whole is zero (never a division by zero)."""
    return rules.percent_of_plan(Decimal(part), Decimal(whole)) if whole else None


@dataclass
class CaseFigures:
    """Letters and cases (đơn, vụ việc) received and handled in a window (DOMAIN §11 metrics)."""

    received: int = 0
    carried_over: int = 0
    multi_signer: int = 0
    inadmissible: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)
    accepted: int = 0
    transferred: int = 0
    guided: int = 0
    archived: int = 0
    answered: int = 0
    answered_on_time: int = 0
    overdue: int = 0

    @property
    def total(self) -> int:
        return self.received + self.carried_over

    @property
    def on_time_rate(self) -> Decimal | None:
        return rate(self.answered_on_time, self.answered)

    @property
    def resolved_rate(self) -> Decimal | None:
        """Cases answered of those accepted (the grass-roots resolution rate)."""
        return rate(self.answered, self.accepted + self.carried_over)


# Above this many units (a province's subtree) one sequential pass over the cases beats looking
# each unit up through the (unit, received_on) index: measured at 1,000,000 cases (bench/).
LARGE_SUBTREE = 40


def _cases_in(ids: Sequence[int]) -> CaseQuerySet:
    """The cases of these units; for a large subtree, `unit_id + 0` keeps the scan sequential."""
    from tiepdan.cases.models import Case

    if len(ids) > LARGE_SUBTREE:
        cases = Case.objects.counted()  # a duplicate is counted once, with its original
        return cases.alias(scan_unit=F("unit_id") + Value(0)).filter(scan_unit__in=ids)
    return Case.objects.counted().filter(unit_id__in=ids)


def _relevant_cases(ids: Sequence[int], window: Window) -> CaseQuerySet:
    """The cases of these units that the window's figures can count, in one sequential scan."""
    # COALESCE keeps SQLite from walking the received_on index for a bound that holds for most
    # rows; the scan itself is what a whole province needs.
    received = Coalesce(F("received_on"), Value(window.end))
    return _cases_in(ids).alias(scan_received=received).filter(_relevant(window))


def _relevant(window: Window) -> Q:
    """The only cases any figure of the window can count (an exact, cheaper pre-filter)."""
    from tiepdan.cases.models import OPEN

    start = window.start
    # Every figure counts cases received by the window's end; of those, only the ones received,
    # decided or answered since its start, or still open, can count.
    return Q(scan_received__lte=window.end) & (
        Q(received_on__gte=start)
        | Q(decided_on__gte=start)
        | Q(answered_on__gte=start)
        | Q(status__in=OPEN)
    )


CASE_COUNTS = (
    "received", "carried_over", "multi_signer", "inadmissible", "accepted", "transferred",
    "guided", "archived", "answered", "answered_on_time", "overdue",
)  # fmt: skip


def _case_counts(window: Window, today: date) -> dict[str, Count]:
    """One COUNT(... FILTER ...) per figure, so that one pass over the cases gives them all."""
    from tiepdan.cases.models import RUNNING, Decision, Kind

    start, end = window.start, window.end
    in_window = Q(received_on__gte=start, received_on__lte=end)
    decided = Q(decided_on__gte=start, decided_on__lte=end)
    answered = Q(answered_on__gte=start, answered_on__lte=end)
    carried = Q(received_on__lt=start) & (Q(answered_on__isnull=True) | Q(answered_on__gte=start))
    carried &= Q(decision=Decision.ACCEPT, decided_on__lt=start)
    as_of = min(end, today)
    return {
        "received": Count("pk", filter=in_window),
        "carried_over": Count("pk", filter=carried),
        "multi_signer": Count("pk", filter=in_window & Q(signer_count__gte=5)),
        "inadmissible": Count("pk", filter=in_window & Q(is_admissible=False)),
        "accepted": Count("pk", filter=decided & Q(decision=Decision.ACCEPT)),
        "transferred": Count("pk", filter=decided & Q(decision=Decision.TRANSFER)),
        "guided": Count("pk", filter=decided & Q(decision=Decision.GUIDE)),
        "archived": Count("pk", filter=decided & Q(decision=Decision.ARCHIVE)),
        "answered": Count("pk", filter=answered),
        "answered_on_time": Count("pk", filter=answered & Q(answered_on__lte=F("due_on"))),
        "overdue": Count(
            "pk", filter=Q(status__in=RUNNING, due_on__lt=as_of, received_on__lte=end)
        ),
        **{f"kind:{k}": Count("pk", filter=in_window & Q(kind=k)) for k in Kind.values},
    }


ByUnit = dict[int, dict[str, int]]


def case_counts_by_unit(ids: Sequence[int], window: Window, today: date) -> ByUnit:
    """Every case figure for each unit, in one grouped query (a province's wards at once)."""
    cases = _relevant_cases(ids, window).order_by()
    # Grouping by an expression, not the column, keeps SQLite off the unit index here too.
    rows = cases.annotate(group_unit=F("unit_id") + Value(0)).values("group_unit")
    rows = rows.annotate(**_case_counts(window, today))
    return {row.pop("group_unit"): row for row in rows}  # type: ignore[misc]


def case_figures(
    ids: Sequence[int], window: Window, today: date, by_unit: ByUnit | None = None
) -> CaseFigures:
    """Counts of the cases of these units received, decided and answered in the window."""
    if by_unit is None:
        totals = _relevant_cases(ids, window).aggregate(**_case_counts(window, today))
    else:
        keys = {key for row in by_unit.values() for key in row}
        totals = {key: sum(row.get(key, 0) for row in by_unit.values()) for key in keys}
    figures = CaseFigures(**{key: totals.get(key, 0) for key in CASE_COUNTS})
    figures.by_kind = _split(totals, "kind:")
    return figures


def _split(totals: dict[str, int], prefix: str) -> dict[str, int]:
    """The non-zero counts named `prefix<value>`, keyed by the value (as a GROUP BY gives)."""
    return {k[len(prefix) :]: n for k, n in totals.items() if k.startswith(prefix) and n}


def _counts(queryset: QuerySet[Any], column: str) -> dict[str, int]:
    rows = queryset.order_by().values_list(column).annotate(n=Count("pk"))
    return {key: n for key, n in rows}


@dataclass
class DepartmentLine:
    name: str
    overdue: int


def overdue_by_department(ids: Sequence[int], today: date) -> list[DepartmentLine]:
    """Running cases past their due date, by assigned department (most first)."""
    rows = (
        _cases_in(ids)
        .overdue(today)
        .order_by()
        .values_list("assignee_department__name")
        .annotate(n=Count("pk"))
    )
    lines = [DepartmentLine(name or "", n) for name, n in rows]
    return sorted(lines, key=lambda line: (-line.overdue, line.name))


@dataclass
class UnitCaseLine:
    """One ward's line in a province's ranking table."""

    unit_id: int
    name: str
    received: int = 0
    answered: int = 0
    answered_on_time: int = 0
    overdue: int = 0
    reception_days: int = 0
    targets_behind: int = 0

    @property
    def on_time_rate(self) -> Decimal | None:
        return rate(self.answered_on_time, self.answered)


def cases_by_commune(
    province: OrgUnit, window: Window, today: date, by_unit: ByUnit | None = None
) -> list[UnitCaseLine]:
    """Each commune-level unit below `province` with its case counts, ranked by on-time rate."""
    units = list(OrgUnit.objects.subtree_of(province).only("id", "path", "name", "level"))
    communes = {u.path: u for u in units if u.level == OrgUnit.Level.COMMUNE}
    lines = {u.pk: UnitCaseLine(u.pk, u.name) for u in communes.values()}
    commune_of = {u.pk: _commune_of(u.path, communes) for u in units}
    if by_unit is None:
        by_unit = case_counts_by_unit(list(commune_of), window, today)
    for unit_id, row in by_unit.items():
        commune_id = commune_of.get(unit_id)
        if commune_id is None:
            continue
        line = lines[commune_id]
        for key in ("received", "answered", "answered_on_time", "overdue"):
            setattr(line, key, getattr(line, key) + row[key])
    return rank(list(lines.values()))


def _commune_of(path: str, communes: dict[str, OrgUnit]) -> int | None:
    parts = path.strip("/").split("/")
    for depth in range(len(parts), 0, -1):
        found = communes.get("/" + "/".join(parts[:depth]) + "/")
        if found:
            return found.pk
    return None


def rank(lines: list[UnitCaseLine]) -> list[UnitCaseLine]:
    """Best on-time rate first; units with nothing answered last; ties by name."""
    return sorted(
        lines,
        key=lambda line: (line.on_time_rate is None, -(line.on_time_rate or 0), line.name),
    )


@dataclass
class TargetFigures:
    programme_title: str = ""
    source: str = ""
    lines: list[TargetLine] = field(default_factory=list)
    programme_id: int | None = None
    rating: str = ""

    @property
    def behind(self) -> list[TargetLine]:
        return [line for line in self.lines if line.behind]


def target_figures(unit: OrgUnit, window: Window) -> TargetFigures:
    """The unit's programme for the period's year, each target with its latest result."""
    programme = Programme.objects.filter(unit=unit, year=window.period.year).first()
    if programme is None:
        return TargetFigures()
    targets = programme.targets.prefetch_related("results")
    return TargetFigures(
        programme.title,
        programme.source,
        programme_lines(targets, until=window.period),
        programme.pk,
        rating_text(unit, window.period.year),
    )


def rating_text(unit: OrgUnit, year: int) -> str:
    """'“Hoàn thành xuất sắc nhiệm vụ” (năm thứ ba liên tiếp)', or '' without a rating."""
    history = dict(UnitRating.objects.filter(unit=unit).values_list("year", "rating"))
    if year not in history:
        return ""
    label = str(UnitRating.Rating(history[year]).label)
    streak = streak_words(rating_streak(history, year))
    return f"“{label}” ({streak})" if streak else f"“{label}”"


@dataclass
class ReceptionFigures:
    """Reception days held by the leaders and lines of the reception book (Form 03/TCD)."""

    days_held: int = 0
    secretary_days: int = 0
    chairman_days: int = 0
    adhoc_days: int = 0
    secretary_required: int = 0
    chairman_required: int = 0
    entries: int = 0
    people: int = 0
    groups: int = 0
    by_route: dict[str, int] = field(default_factory=dict)
    by_kind: dict[str, int] = field(default_factory=dict)

    @property
    def days_required(self) -> int:
        return self.secretary_required + self.chairman_required

    @property
    def leader_days(self) -> int:
        return self.secretary_days + self.chairman_days


def reception_figures(ids: Sequence[int], window: Window, communes: int = 1) -> ReceptionFigures:
    """Reception days held and book entries of these units in the window."""
    from tiepdan.accounts.models import User
    from tiepdan.reception.models import ReceptionDay, ReceptionEntry
    from tiepdan.reports.rules import chairman_days_required, secretary_days_required

    days = ReceptionDay.objects.filter(
        unit_id__in=ids,
        on__gte=window.start,
        on__lte=window.end,
        status=ReceptionDay.Status.HELD,
    ).aggregate(
        held=Count("pk"),
        secretary=Count("pk", filter=Q(leader__post=User.Post.SECRETARY)),
        chairman=Count("pk", filter=Q(leader__post=User.Post.CHAIRMAN)),
        adhoc=Count("pk", filter=Q(kind=ReceptionDay.Kind.ADHOC)),
    )
    entries = ReceptionEntry.objects.filter(
        unit_id__in=ids, received_on__gte=window.start, received_on__lte=window.end
    )
    totals = entries.aggregate(n=Count("pk"), groups=Count("pk", filter=Q(is_group=True)))
    people = sum(entries.values_list("people_count", flat=True))
    return ReceptionFigures(
        days_held=days["held"],
        secretary_days=days["secretary"],
        chairman_days=days["chairman"],
        adhoc_days=days["adhoc"],
        secretary_required=secretary_days_required(window.start, window.end) * communes,
        chairman_required=chairman_days_required(window.start, window.end) * communes,
        entries=totals["n"],
        people=people,
        groups=totals["groups"],
        by_route=_counts(entries, "route"),
        by_kind=_counts(entries, "kind"),
    )


@dataclass
class DirectiveFigures:
    """Leaders' directives from reception days, dialogues and meetings, and their follow-up."""

    issued: int = 0
    done: int = 0
    done_on_time: int = 0
    open_overdue: int = 0

    @property
    def on_time_rate(self) -> Decimal | None:
        return rate(self.done_on_time, self.done)


def directive_figures(ids: Sequence[int], window: Window, today: date) -> DirectiveFigures:
    """Directives issued, completed (on time) in the window, and those open past their deadline."""
    from tiepdan.directives.models import Directive

    done = Q(
        status=Directive.Status.DONE, completed_on__gte=window.start, completed_on__lte=window.end
    )
    totals = Directive.objects.filter(unit_id__in=ids).aggregate(
        issued=Count("pk", filter=Q(issued_on__gte=window.start, issued_on__lte=window.end)),
        done=Count("pk", filter=done),
        done_on_time=Count("pk", filter=done & Q(completed_on__lte=F("due_on"))),
        open_overdue=Count(
            "pk",
            filter=Q(status__in=Directive.OPEN_STATUSES, due_on__lt=min(window.end, today))
            & Q(issued_on__lte=window.end),
        ),
    )
    return DirectiveFigures(**totals)


@dataclass
class MediationFigures:
    """Grassroots mediation cases (Law 35/2013 Art. 15 yearly report); zeros until recorded."""

    cases: int = 0
    succeeded: int = 0
    failed: int = 0
    ongoing: int = 0

    @property
    def success_rate(self) -> Decimal | None:
        return rate(self.succeeded, self.succeeded + self.failed)


def mediation_figures(ids: Sequence[int], window: Window) -> MediationFigures:
    """Mediation cases received in the window and those that ended in it, by outcome."""
    from tiepdan.mediation.models import MediationCase

    ended = Q(outcome_on__gte=window.start, outcome_on__lte=window.end)
    totals = MediationCase.objects.filter(team__group__in=ids).aggregate(
        cases=Count("pk", filter=Q(received_on__gte=window.start, received_on__lte=window.end)),
        succeeded=Count("pk", filter=ended & Q(status=MediationCase.Status.SUCCESSFUL)),
        failed=Count("pk", filter=ended & Q(status=MediationCase.Status.UNSUCCESSFUL)),
        ongoing=Count(
            "pk", filter=Q(status=MediationCase.Status.OPEN, received_on__lte=window.end)
        ),
    )
    return MediationFigures(**totals)


@dataclass
class DialogueFigures:
    """Direct dialogues with citizens (Regulation 11; Decree 155/2026 for complaints)."""

    held: int = 0
    by_secretary: int = 0
    complaint_dialogues: int = 0


def dialogue_figures(ids: Sequence[int], window: Window) -> DialogueFigures:
    """Dialogues held in the window, those the Party Secretary chaired, complaint dialogues."""
    from tiepdan.accounts.models import User
    from tiepdan.dialogues.models import Dialogue

    totals = Dialogue.objects.filter(
        unit_id__in=ids,
        status=Dialogue.Status.HELD,
        held_at__date__gte=window.start,
        held_at__date__lte=window.end,
    ).aggregate(
        held=Count("pk"),
        by_secretary=Count("pk", filter=Q(chaired_by__post=User.Post.SECRETARY)),
        complaint_dialogues=Count("pk", filter=Q(kind=Dialogue.Kind.COMPLAINT)),
    )
    return DialogueFigures(**totals)


def published_answers(ids: Sequence[int], window: Window) -> int:
    """Answers published on the public pages in the window and still there (cases.publication)."""
    from tiepdan.cases.models import Case

    return (
        Case.objects.published()
        .filter(
            unit_id__in=ids,
            published_at__date__gte=window.start,
            published_at__date__lte=window.end,
        )
        .count()
    )


def reception_days_by_unit(ids: Sequence[int], window: Window) -> dict[int, int]:
    """Reception days held in the window, per unit."""
    from tiepdan.reception.models import ReceptionDay

    rows = (
        ReceptionDay.objects.filter(
            unit_id__in=ids,
            on__gte=window.start,
            on__lte=window.end,
            status=ReceptionDay.Status.HELD,
        )
        .order_by()
        .values_list("unit_id")
        .annotate(n=Count("pk"))
    )
    return {unit_id: n for unit_id, n in rows}


def targets_behind_by_unit(ids: Sequence[int], year: int) -> dict[int, int]:
    """Targets not yet achieved in each unit's latest programme up to `year` (as its dashboard)."""
    latest: dict[int, Programme] = {}
    for programme in Programme.objects.filter(unit_id__in=ids, year__lte=year).order_by("-year"):
        latest.setdefault(programme.unit_id, programme)
    programmes = Programme.objects.filter(pk__in=[p.pk for p in latest.values()])
    return {
        p.unit_id: sum(1 for line in programme_lines(p.targets.all()) if line.behind)
        for p in programmes.prefetch_related("targets__results")
    }
