"""Mediation pages: teams, cases from intake to outcome, the log book and the team report."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tiepdan.accounts.access import require
from tiepdan.lib.errors import DomainError
from tiepdan.mediation import rules, services
from tiepdan.mediation.access import MANAGE_TEAMS, RECORD, VIEW, get_case_for, get_team_for
from tiepdan.mediation.documents import agreement_docx, agreement_name, team_report_docx
from tiepdan.mediation.exports import book_xlsx
from tiepdan.mediation.forms import (
    AgreementForm,
    AssignForm,
    CaseForm,
    FollowUpForm,
    LeaderForm,
    MediatorForm,
    MediatorFormSet,
    OutcomeForm,
    ReferralForm,
    SessionForm,
    TeamForm,
)
from tiepdan.mediation.models import MediationCase, MediationTeam, Mediator
from tiepdan.mediation.referral import refer_to_authorities
from tiepdan.orgunits.models import OrgUnit
from tiepdan.web.actions import perform, submit
from tiepdan.web.request import StaffRequest

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _unit(request: StaffRequest) -> OrgUnit:
    unit = request.user.unit
    if unit is None:
        raise PermissionDenied
    return unit


def _year(request: StaffRequest) -> int:
    try:
        return int(request.GET.get("year", ""))
    except ValueError:
        return timezone.localdate().year


def _file(data: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def home(request: StaffRequest) -> HttpResponse:
    """The ward's teams and the year's cases, with the log book export."""
    require(request.user, VIEW)
    unit, year, today = _unit(request), _year(request), timezone.localdate()
    active = Q(mediators__is_active=True)
    teams = (
        MediationTeam.objects.filter(group__path__startswith=unit.path)
        .select_related("group", "leader")
        .annotate(
            members=Count("mediators", filter=active),
            women=Count("mediators", filter=active & Q(mediators__sex=Mediator.Sex.FEMALE)),
        )
    )
    cases = (
        MediationCase.objects.visible_to(request.user)
        .in_year(year)
        .select_related("team", "team__group")
    )  # type: ignore[arg-type]
    if request.GET.get("status"):
        cases = cases.filter(status=request.GET["status"])
    rows = list(cases.order_by("team__name", "-number")[:300])
    context = {
        "teams": teams,
        "cases": rows,
        "late_ids": {c.pk for c in rows if c.is_start_late(today)},
        "year": year,
        "today": today,
        "statuses": MediationCase.Status.choices,
        "status": request.GET.get("status", ""),
        "years": range(today.year, today.year - 5, -1),
        "min_members": rules.MIN_TEAM_MEDIATORS,
    }
    return render(request, "mediation/home.html", context)


def _team_input(data: dict[str, Any], formset: Any) -> dict[str, Any]:
    """The team form and mediator rows as establish_team's arguments; the leader is a row number."""
    positions = [i for i, f in enumerate(formset.forms, 1) if f.cleaned_data.get("full_name")]
    rows = [formset.forms[i - 1].cleaned_data for i in positions]
    if any(not row.get("sex") for row in rows):
        raise DomainError(_("Give each mediator's sex."))
    leader_row = data.pop("leader_row")
    if leader_row and leader_row not in positions:
        raise DomainError(_("The leader's row in the list has no name."))
    mediators = [
        services.MediatorInput(**{k: v for k, v in row.items() if v not in (None, "")})
        for row in rows
    ]
    leader_index = positions.index(leader_row) if leader_row else None
    return {**data, "mediators": mediators, "leader_index": leader_index}


def team_new(request: StaffRequest) -> HttpResponse:
    """Set up a team with its mediators (at least 3, including a woman: Art. 12(1))."""
    require(request.user, MANAGE_TEAMS)
    unit = _unit(request)
    form = TeamForm(request.POST or None, unit=unit)
    formset = MediatorFormSet(request.POST or None, prefix="m")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        team = submit(
            request,
            form,
            lambda data: services.establish_team(**_team_input(data, formset)),
            success=_("The mediation team has been set up."),
        ).value
        if team is not None:
            return redirect(team)
    return render(request, "mediation/team_new.html", {"form": form, "formset": formset})


def team(request: StaffRequest, pk: int, forms: dict[str, Any] | None = None) -> HttpResponse:
    team = get_team_for(request.user, pk)
    forms = forms or {}
    mediators = team.mediators.all()
    context = {
        "team": team,
        "mediators": mediators,
        "active": [m for m in mediators if m.is_active],
        "cases": team.cases.all()[:50],
        "year": timezone.localdate().year,
        "can_manage": request.user.has_perm(MANAGE_TEAMS),
        "mediator_form": forms.get("mediator") or MediatorForm(),
        "leader_form": forms.get("leader") or LeaderForm(team=team),
    }
    return render(request, "mediation/team.html", context)


@require_POST
def team_add_mediator(request: StaffRequest, pk: int) -> HttpResponse:
    team_obj = get_team_for(request.user, pk, write=True)
    form = MediatorForm(request.POST)
    if form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if v not in (None, "")}
        services.add_mediator(team_obj, services.MediatorInput(**data))
        messages.success(request, _("Saved."))
        return redirect(team_obj)
    return team(request, pk, forms={"mediator": form})


@require_POST
def team_retire(request: StaffRequest, pk: int, mediator_pk: int) -> HttpResponse:
    team_obj = get_team_for(request.user, pk, write=True)
    mediator = team_obj.mediators.get(pk=mediator_pk)
    perform(request, lambda: services.retire_mediator(mediator, left_on=timezone.localdate()))
    return redirect(team_obj)


@require_POST
def team_leader(request: StaffRequest, pk: int) -> HttpResponse:
    team_obj = get_team_for(request.user, pk, write=True)
    form = LeaderForm(request.POST, team=team_obj)
    if submit(request, form, lambda data: services.recognise_leader(team_obj, **data)).ok:
        return redirect(team_obj)
    return team(request, pk, forms={"leader": form})


def team_report(request: StaffRequest, pk: int) -> HttpResponse:
    team_obj = get_team_for(request.user, pk)
    year = _year(request)
    data = team_report_docx(team_obj, year, on=timezone.localdate())
    return _file(data, DOCX, f"bao-cao-hoa-giai-{year}-{team_obj.pk}.docx")


def book(request: StaffRequest) -> HttpResponse:
    """The log book "Sổ theo dõi hoạt động hòa giải ở cơ sở" of the ward for a year (Art. 21)."""
    require(request.user, VIEW)
    unit, year = _unit(request), _year(request)
    return _file(
        book_xlsx(unit, year), XLSX, f"so-theo-doi-hoa-giai-{unit.code or unit.pk}-{year}.xlsx"
    )


def case_new(request: StaffRequest) -> HttpResponse:
    require(request.user, RECORD)
    unit = _unit(request)
    form = CaseForm(request.POST or None, unit=unit, initial={"received_on": timezone.localdate()})

    def register(data: dict[str, Any]) -> MediationCase:
        parties = [
            services.PartyInput(
                side=side,
                full_name=data.pop(f"{side}_name") or "",
                birth_year=data.pop(f"{side}_birth_year"),
                address=data.pop(f"{side}_address"),
            )
            for side in ("a", "b")
        ]
        return services.register_case(parties=parties, actor=request.user, **data)

    if request.method == "POST":
        case = submit(request, form, register).value
        if case is not None:
            if case.status == MediationCase.Status.REFUSED:
                messages.warning(
                    request, _("The matter was recorded as refused under Law 35/2013 Art. 3.")
                )
            return redirect(case)
    return render(request, "mediation/case_new.html", {"form": form})


def case(request: StaffRequest, pk: int, forms: dict[str, Any] | None = None) -> HttpResponse:
    case = get_case_for(request.user, pk)
    forms, today = forms or {}, timezone.localdate()
    agreement = (
        getattr(case, "agreement", None) if case.status == MediationCase.Status.SUCCESSFUL else None
    )
    context = {
        "case": case,
        "parties": case.parties.all(),
        "sessions": case.sessions.prefetch_related("mediators"),
        "follow_ups": case.follow_ups.all(),
        "agreement": agreement,
        "today": today,
        "start_late": case.is_start_late(today),
        "can_record": request.user.has_perm(RECORD),
        "assign_form": forms.get("assign") or AssignForm(case=case, initial={"assigned_on": today}),
        "session_form": forms.get("session")
        or SessionForm(
            case=case, initial={"held_on": today, "mediators": list(case.mediators.all())}
        ),
        "outcome_form": forms.get("outcome") or OutcomeForm(initial={"ended_on": today}),
        "agreement_form": forms.get("agreement") or AgreementForm(initial=_agreement_initial(case)),
        "follow_form": forms.get("follow") or FollowUpForm(initial={"checked_on": today}),
        "referral_form": forms.get("referral")
        or ReferralForm(initial={"referred_on": today, "referred_to": case.team.group.parent}),
    }
    return render(request, "mediation/case.html", context)


def _agreement_initial(case: MediationCase) -> dict[str, object]:
    if hasattr(case, "agreement"):
        a = case.agreement
        return {f: getattr(a, f) for f in AgreementForm.base_fields}
    parties = "; ".join(
        f"{p.get_side_display()}: {p.full_name}"
        + (f", sinh năm {p.birth_year}" if p.birth_year else "")
        + (f", {p.address}" if p.address else "")
        for p in case.parties.all()
    )
    return {
        "made_on": case.outcome_on,
        "grounds": case.get_origin_display(),
        "parties": parties,
        "summary": case.summary,
    }


def _case_action(
    request: StaffRequest,
    pk: int,
    name: str,
    make: Callable[[MediationCase], Any],
    run: Callable[[MediationCase, dict], object],
) -> HttpResponse:
    """Validate one small form of the case page and run its service; errors re-render."""
    case_obj = get_case_for(request.user, pk, write=True)
    form = make(case_obj)
    if submit(request, form, lambda data: run(case_obj, dict(data)), success=_("Saved.")).ok:
        return redirect(case_obj)
    return case(request, pk, forms={name: form})


@require_POST
def case_assign(request: StaffRequest, pk: int) -> HttpResponse:
    return _case_action(
        request,
        pk,
        "assign",
        lambda c: AssignForm(request.POST, case=c),
        lambda c, d: services.assign_mediators(c, **d),
    )


@require_POST
def case_session(request: StaffRequest, pk: int) -> HttpResponse:
    return _case_action(
        request,
        pk,
        "session",
        lambda c: SessionForm(request.POST, case=c),
        lambda c, d: services.record_session(c, **d),
    )


@require_POST
def case_outcome(request: StaffRequest, pk: int) -> HttpResponse:
    return _case_action(
        request,
        pk,
        "outcome",
        lambda c: OutcomeForm(request.POST),
        lambda c, d: services.record_outcome(c, **d),
    )


@require_POST
def case_agreement(request: StaffRequest, pk: int) -> HttpResponse:
    return _case_action(
        request,
        pk,
        "agreement",
        lambda c: AgreementForm(request.POST),
        lambda c, d: services.record_agreement(c, **d),
    )


@require_POST
def case_follow_up(request: StaffRequest, pk: int) -> HttpResponse:
    return _case_action(
        request,
        pk,
        "follow",
        lambda c: FollowUpForm(request.POST),
        lambda c, d: services.record_follow_up(c, **d),
    )


@require_POST
def case_refer(request: StaffRequest, pk: int) -> HttpResponse:
    return _case_action(
        request,
        pk,
        "referral",
        lambda c: ReferralForm(request.POST),
        lambda c, d: refer_to_authorities(c, actor=request.user, **d),
    )


def case_agreement_docx(request: StaffRequest, pk: int) -> HttpResponse:
    case_obj = get_case_for(request.user, pk)
    if not hasattr(case_obj, "agreement"):
        return redirect(case_obj)
    return _file(
        agreement_docx(case_obj),
        DOCX,
        agreement_name(case_obj),
    )
