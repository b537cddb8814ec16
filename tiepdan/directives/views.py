"""Directive pages: the leader's board, "my directives", detail with timeline, and the forms."""

from __future__ import annotations

from collections.abc import Callable
from itertools import groupby

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Case, IntegerField, Value, When
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tiepdan.accounts.access import require
from tiepdan.directives import services
from tiepdan.directives.access import ISSUE, VIEW, can_report, get_directive_for
from tiepdan.directives.forms import CancelForm, CompleteForm, DirectiveForm, ProgressForm
from tiepdan.directives.models import Directive, DirectiveQuerySet, DirectiveUpdate
from tiepdan.web.actions import perform, submit
from tiepdan.web.request import StaffRequest


def _overdue_first(queryset: DirectiveQuerySet) -> DirectiveQuerySet:
    today = timezone.localdate()
    late = Case(
        When(due_on__lt=today, then=Value(0)), default=Value(1), output_field=IntegerField()
    )
    return queryset.annotate(late=late).order_by("late", "due_on", "pk")


def _select(queryset: DirectiveQuerySet) -> DirectiveQuerySet:
    return queryset.select_related("owner_user", "owner_department", "issued_by", "unit")


def board(request: StaffRequest) -> HttpResponse:
    """All open directives of the unit, grouped by owner, the overdue ones first."""
    require(request.user, VIEW)
    directives = _select(Directive.objects.visible_to(request.user).open())
    today = timezone.localdate()
    rows = sorted(directives, key=lambda d: (d.owner_display(), d.due_on >= today, d.due_on))
    groups = [
        (owner, list(items)) for owner, items in groupby(rows, key=lambda d: d.owner_display())
    ]
    groups.sort(key=lambda g: (min(d.due_on for d in g[1]) >= today, g[0]))
    context = {
        "groups": groups,
        "today": today,
        "overdue_count": sum(1 for d in rows if d.due_on < today),
        "can_issue": request.user.has_perm(ISSUE),
    }
    return render(request, "directives/board.html", context)


def mine(request: StaffRequest) -> HttpResponse:
    """The directives assigned to the signed-in officer or their department."""
    require(request.user, VIEW)
    directives = Directive.objects.visible_to(request.user).owned_by(request.user)
    show_all = request.GET.get("all") == "1"
    if not show_all:
        directives = directives.open()
    context = {
        "directives": _overdue_first(_select(directives)),
        "today": timezone.localdate(),
        "show_all": show_all,
    }
    return render(request, "directives/mine.html", context)


def detail(request: StaffRequest, pk: int) -> HttpResponse:
    directive = get_directive_for(request.user, pk)
    may_report = directive.is_open and can_report(request.user, directive)
    context = {
        "directive": directive,
        "updates": directive.updates.select_related("actor"),
        "today": timezone.localdate(),
        "may_report": may_report,
        "may_cancel": directive.is_open and request.user.has_perm(ISSUE),
        "progress_form": ProgressForm(initial={"percent": directive.percent_done}),
        "complete_form": CompleteForm(),
        "cancel_form": CancelForm(),
    }
    return render(request, "directives/detail.html", context)


def create(request: StaffRequest) -> HttpResponse:
    """Issue a directive, e.g. one conclusion of a work meeting."""
    require(request.user, ISSUE)
    unit = request.user.unit
    if unit is None:
        raise PermissionDenied
    initial = {
        "issued_on": timezone.localdate(),
        "source_kind": request.GET.get("source_kind", "work_meeting"),
    }
    form = DirectiveForm(request.POST or None, unit=unit, initial=initial)
    if request.method == "POST":
        directive = submit(
            request,
            form,
            lambda data: services.create_directive(unit=unit, issued_by=request.user, **data),
            success=_("The directive has been issued."),
        ).value
        if directive is not None:
            if "another" in request.POST:
                return redirect(f"{request.path}?source_kind={form.cleaned_data['source_kind']}")
            return redirect(directive)
    return render(request, "directives/form.html", {"form": form})


_ACTIONS: dict[str, Callable[..., Directive]] = {
    "progress": services.record_progress,
    "complete": services.complete_directive,
    "cancel": services.cancel_directive,
}


def _post_form(request: StaffRequest, pk: int, form_class: type, action: str) -> HttpResponse:
    if action == "cancel":
        directive = get_directive_for(request.user, pk)
        require(request.user, ISSUE)
    else:
        directive = get_directive_for(request.user, pk, write=True)
    form = form_class(request.POST, request.FILES)
    if form.is_valid():
        run = _ACTIONS[action]
        perform(
            request,
            lambda: run(directive, actor=request.user, **form.cleaned_data),
            success=_("Saved."),
        )
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect(directive)


@require_POST
def progress(request: StaffRequest, pk: int) -> HttpResponse:
    return _post_form(request, pk, ProgressForm, "progress")


@require_POST
def complete(request: StaffRequest, pk: int) -> HttpResponse:
    return _post_form(request, pk, CompleteForm, "complete")


@require_POST
def cancel(request: StaffRequest, pk: int) -> HttpResponse:
    return _post_form(request, pk, CancelForm, "cancel")


def evidence(request: StaffRequest, pk: int, update_pk: int) -> FileResponse:
    """Download an evidence file, through the directive's access check."""
    directive = get_directive_for(request.user, pk)
    update = get_object_or_404(DirectiveUpdate, pk=update_pk, directive=directive)
    if not update.evidence:
        raise Http404
    name = (update.evidence.name or "").rsplit("/", 1)[-1]
    return FileResponse(update.evidence.open("rb"), as_attachment=True, filename=name)
