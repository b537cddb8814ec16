"""Possible duplicates: the case page's panel and its actions, and the public form's step.

Thin: the panel asks `duplicates.suggest` and shows it through `duplicates.for_user`; the
actions call `duplicates.mark_duplicate` and friends. The public step shows published answers
only (`public_subject`, `public_answer`), never anything about who wrote.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tiepdan.accounts.models import User
from tiepdan.cases.access import get_case_for
from tiepdan.cases.models import OPEN, Case
from tiepdan.cases.services import duplicates
from tiepdan.lib.errors import DomainError
from tiepdan.orgunits.models import OrgUnit
from tiepdan.web import ratelimit
from tiepdan.web.actions import perform
from tiepdan.web.request import StaffRequest

#: Look-ups of similar published answers per client and window (the form asks once per pause).
SIMILAR_PER_WINDOW = 60
SIMILAR_WINDOW = 10 * 60
#: Shorter texts say too little to compare.
SIMILAR_MIN_CHARS = 30
SIMILAR_MAX_CHARS = 5000


def panel(user: User, case: Case) -> dict[str, Any]:
    """What the case page shows about duplicates and the matter (suggested only while open)."""
    shown = None
    if case.status in OPEN and case.duplicate_of_id is None:
        shown = duplicates.for_user(duplicates.suggest(duplicates.Draft.of(case)), user, case)
    units = set(user.visible_units().values_list("id", flat=True))
    matter_cases = []
    if case.matter_id:
        matter_cases = [
            c
            for c in Case.objects.filter(matter_id=case.matter_id).exclude(pk=case.pk)
            if user.is_superuser or c.unit_id in units
        ]
    return {
        "suggestions": shown.visible if shown else [],
        "elsewhere": shown.elsewhere if shown else 0,
        "marked": case.duplicates.filter(unit_id__in=units).order_by("id"),
        "matter_cases": matter_cases,
    }


def _other(request: StaffRequest, name: str) -> Case | None:
    raw = request.POST.get(name, "")
    return get_case_for(request.user, raw) if raw.isdigit() else None


def _act(request: StaffRequest, pk: int, run: Any, done: str) -> HttpResponse:
    case = get_case_for(request.user, pk, capability="classify_case")
    perform(request, lambda: run(case), success=done)
    return redirect("cases:detail", pk=case.pk)


@require_POST
def mark_duplicate(request: StaffRequest, pk: int) -> HttpResponse:
    original = _other(request, "original")

    def run(case: Case) -> None:
        if original is None:
            raise DomainError(_("Choose the original case."), field="original")
        duplicates.mark_duplicate(case, original, actor=request.user)

    return _act(request, pk, run, _("Marked as a duplicate."))


@require_POST
def unmark_duplicate(request: StaffRequest, pk: int) -> HttpResponse:
    def run(case: Case) -> None:
        duplicates.unmark_duplicate(case, actor=request.user)

    return _act(request, pk, run, _("The duplicate mark was removed."))


@require_POST
def group_matter(request: StaffRequest, pk: int) -> HttpResponse:
    other = _other(request, "other")

    def run(case: Case) -> None:
        if other is None:
            raise DomainError(_("Choose another case to group with."), field="other")
        duplicates.group_into_matter(case, other, actor=request.user)

    return _act(request, pk, run, _("Grouped into one matter."))


@require_POST
def leave_matter(request: StaffRequest, pk: int) -> HttpResponse:
    def run(case: Case) -> None:
        duplicates.leave_matter(case, actor=request.user)

    return _act(request, pk, run, _("Taken out of the matter."))


@login_not_required
@require_POST
def similar_published(request: HttpRequest, unit_code: str) -> HttpResponse:
    """The public form's step: published answers like the text typed so far (a fragment)."""
    unit = get_object_or_404(OrgUnit, code=unit_code, level=OrgUnit.Level.COMMUNE)
    if not ratelimit.allow(
        request, "similar-published", limit=SIMILAR_PER_WINDOW, window_seconds=SIMILAR_WINDOW
    ):
        return HttpResponse(status=429)
    subject = request.POST.get("subject", "")[:300]
    content = request.POST.get("content", "")[:SIMILAR_MAX_CHARS]
    cases: list[Case] = []
    if len(subject) + len(content) >= SIMILAR_MIN_CHARS:
        cases = duplicates.similar_published(unit, subject, content)
    return render(request, "cases/_similar_published.html", {"similar": cases})
