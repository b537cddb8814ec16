"""Work programme pages: the programme with its percentages, result entry, Excel in and out."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tiepdan.accounts.access import require, scoped
from tiepdan.accounts.models import User
from tiepdan.targets import access, exchange, services
from tiepdan.targets.forms import ImportForm, ProgrammeForm, RatingForm, ResultForm, TargetForm
from tiepdan.targets.lines import programme_lines
from tiepdan.targets.models import Programme, UnitRating
from tiepdan.targets.rules import rating_streak, streak_words
from tiepdan.web.actions import perform, submit
from tiepdan.web.request import StaffRequest

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _user(request: StaffRequest) -> User:
    return request.user


def programme_list(request: StaffRequest) -> HttpResponse:
    user = _user(request)
    require(user, access.VIEW)
    programmes = scoped(Programme.objects.select_related("unit"), user).order_by("-year", "unit")
    form = ProgrammeForm(request.POST or None)
    can_manage = user.has_perm(access.MANAGE) and user.unit is not None
    if request.method == "POST" and can_manage:
        programme = submit(
            request,
            form,
            lambda data: services.create_programme(unit=user.unit, **data),  # type: ignore[arg-type]
        ).value
        if programme is not None:
            return redirect("targets:programme", pk=programme.pk)
    context = {"programmes": programmes, "form": form, "can_manage": can_manage}
    return render(request, "targets/programme_list.html", context)


def programme_detail(request: StaffRequest, pk: int) -> HttpResponse:
    user = _user(request)
    programme = access.get_programme_for(user, pk)
    targets = programme.targets.select_related("responsible").prefetch_related("results")
    lines = programme_lines(targets)
    ratings = list(UnitRating.objects.filter(unit=programme.unit).order_by("-year"))
    history = {r.year: r.rating for r in ratings}
    rating_rows = [(r, streak_words(rating_streak(history, r.year))) for r in ratings]
    context = {
        "programme": programme,
        "rows": list(zip(targets, lines, strict=True)),
        "ratings": rating_rows,
        "can_manage": user.has_perm(access.MANAGE),
        "import_form": ImportForm(),
        "rating_form": RatingForm(initial={"year": programme.year}),
        "user_id": user.pk,
        "can_enter": user.has_perm(access.ENTER),
    }
    return render(request, "targets/programme_detail.html", context)


def target_form(request: StaffRequest, pk: int, target_pk: int | None = None) -> HttpResponse:
    programme = access.get_programme_for(_user(request), pk, write=True)
    target = programme.targets.filter(pk=target_pk).first() if target_pk else None
    form = TargetForm(request.POST or None, instance=target)
    form.fields["responsible"].queryset = User.objects.people().filter(unit=programme.unit)  # type: ignore[attr-defined]
    if request.method == "POST":
        saved = submit(request, form, lambda data: services.save_target(programme, **data))
        if saved.ok:
            return redirect("targets:programme", pk=programme.pk)
    context = {"programme": programme, "form": form, "target": target}
    return render(request, "targets/target_form.html", context)


def enter_result(request: StaffRequest, pk: int) -> HttpResponse:
    user = _user(request)
    target = access.get_target_for_entry(user, pk)
    form = ResultForm(request.POST or None, initial={"period": str(target.programme.year)})
    if request.method == "POST":
        saved = submit(
            request,
            form,
            lambda data: services.record_result(target, actor=user, **data),
            success=_("The result has been saved."),
        )
        if saved.ok:
            return redirect("targets:programme", pk=target.programme_id)
    results = target.results.order_by("-year", "kind", "index")
    context = {"target": target, "form": form, "results": results}
    return render(request, "targets/result_form.html", context)


def export_xlsx(request: StaffRequest, pk: int) -> HttpResponse:
    programme = access.get_programme_for(_user(request), pk)
    response = HttpResponse(exchange.export_programme(programme), content_type=XLSX)
    name = f"chi-tieu-{programme.unit.code or programme.unit_id}-{programme.year}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_POST
def record_rating(request: StaffRequest, pk: int) -> HttpResponse:
    programme = access.get_programme_for(_user(request), pk, write=True)
    form = RatingForm(request.POST)
    if form.is_valid():
        services.set_rating(unit=programme.unit, **form.cleaned_data)
        messages.success(request, _("The rating has been recorded."))
    else:
        messages.error(request, _("Enter the year and choose a rating."))
    return redirect("targets:programme", pk=programme.pk)


@require_POST
def import_xlsx(request: StaffRequest, pk: int) -> HttpResponse:
    programme = access.get_programme_for(_user(request), pk, write=True)
    form = ImportForm(request.POST, request.FILES)
    if form.is_valid():
        file = form.cleaned_data["file"]
        count = perform(request, lambda: exchange.import_programme(programme, file.read())).value
        if count is not None:
            messages.success(request, _("%(count)s targets imported.") % {"count": count})
    return redirect("targets:programme", pk=programme.pk)
