"""Published answers: the leader's publish / withdraw pages, and the public list and case page.

The public pages show only what the leader published (subject, answer) and what identifies no
one: the unit, field, kind and dates. Never the registration number, the tracking code, the place
or the citizens.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from tiepdan.accounts.models import User
from tiepdan.cases import identity, rules
from tiepdan.cases.access import get_case_for
from tiepdan.cases.forms.common import ReasonForm
from tiepdan.cases.forms.publication import PublishedFilter, PublishForm
from tiepdan.cases.models import Case
from tiepdan.cases.services import publication
from tiepdan.lib.errors import DomainError
from tiepdan.orgunits.models import OrgUnit
from tiepdan.web.actions import submit
from tiepdan.web.request import StaffRequest

PAGE_SIZE = 20


# Staff


def case_publish(request: StaffRequest, pk: int) -> HttpResponse:
    user: User = request.user
    case = get_case_for(user, pk, capability="approve_answer")
    try:
        rules.check_publishable(status=case.status, is_duplicate=case.duplicate_of_id is not None)
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("cases:detail", pk=case.pk)
    subject, answer = publication.proposed_text(case)
    form = PublishForm(request.POST or None, initial={"subject": subject, "answer": answer})

    def publish(data: dict[str, Any]) -> Case:
        nonlocal subject, answer  # the warnings below are about the text as sent
        subject, answer = data["subject"], data["answer"]
        return publication.publish_answer(case, actor=user, **data)

    if request.method == "POST":
        published = submit(request, form, publish, success=_("The answer is published."))
        if published.ok:
            return redirect("cases:detail", pk=case.pk)
    findings = publication.warnings_for(case, subject=subject, answer=answer)
    context = {
        "case": case,
        "form": form,
        "warnings": publication.describe(
            findings, reveal_senders=identity.may_see_identity(user, case)
        ),
    }
    return render(request, "cases/publish.html", context)


def case_unpublish(request: StaffRequest, pk: int) -> HttpResponse:
    user: User = request.user
    case = get_case_for(user, pk, capability="approve_answer")
    form = ReasonForm(request.POST or None)
    if request.method == "POST":
        withdrawn = submit(
            request,
            form,
            lambda data: publication.unpublish_answer(case, actor=user, reason=data["reason"]),
            success=_("The answer was withdrawn from the public pages."),
        )
        if withdrawn.ok:
            return redirect("cases:detail", pk=case.pk)
    title = _("Withdraw the published answer")
    return render(request, "cases/case_action.html", {"case": case, "form": form, "title": title})


# Public


@login_not_required
def published_list(request: HttpRequest, unit_code: str) -> HttpResponse:
    unit = get_object_or_404(OrgUnit.objects.current(), code=unit_code)
    flt = PublishedFilter(request.GET or None, unit=unit)
    data: dict[str, Any] = flt.cleaned_data if flt.is_valid() else {}
    cases = publication.published_in(unit, field=data.get("field"), query=data.get("q") or "")
    page = Paginator(cases, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"unit": unit, "filter": flt, "page": page, "query": query.urlencode()}
    return render(request, "cases/published_list.html", context)


@login_not_required
def published_detail(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_object_or_404(Case.objects.published().select_related("unit", "field"), pk=pk)
    return render(request, "cases/published_detail.html", {"case": case})
