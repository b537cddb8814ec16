"""Pages for citizens without an account: the online form, the receipt, tracking by code.

Tracking shows status, due date, public updates and the answer; never personal data or internal
notes. Wrong codes are counted per client address and refused past a limit.
"""

from __future__ import annotations

import secrets

import segno
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from tiepdan.cases import services
from tiepdan.cases.forms.common import ReasonForm
from tiepdan.cases.forms.public import PublicCaseForm, RateForm, TrackForm
from tiepdan.cases.identity import exported
from tiepdan.cases.models import Case, Response, Status, normalize_code
from tiepdan.cases.services import answers
from tiepdan.lib.errors import DomainError
from tiepdan.lib.uploads import clean_uploads
from tiepdan.orgunits.models import OrgUnit
from tiepdan.privacy.consent import record_consent
from tiepdan.privacy.models import Consent
from tiepdan.web import ratelimit
from tiepdan.web.actions import submit

WRONG_CODE_LIMIT = 10
WRONG_CODE_WINDOW = 15 * 60  # seconds


def _wrong_codes(request: HttpRequest) -> str:
    return ratelimit.client_key(request, "wrong-code")


def _too_many_wrong_codes(request: HttpRequest) -> bool:
    return ratelimit.count(_wrong_codes(request)) >= WRONG_CODE_LIMIT


def find_case(request: HttpRequest, raw: str) -> Case | None:
    """The case with this code, counting wrong guesses; None when unknown or rate-limited."""
    if _too_many_wrong_codes(request):
        return None
    case = Case.objects.select_related("unit").filter(tracking_code=normalize_code(raw)).first()
    if case is None:
        ratelimit.hit(_wrong_codes(request), window_seconds=WRONG_CODE_WINDOW)
    return case


@login_not_required
@never_cache
def public_new(request: HttpRequest, unit_code: str) -> HttpResponse:
    unit = get_object_or_404(OrgUnit, code=unit_code, level=OrgUnit.Level.COMMUNE)
    initial = {"token": secrets.token_urlsafe(24), "kind": Case.Kind.FEEDBACK}
    form = PublicCaseForm(request.POST or None, request.FILES or None, unit=unit, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            files = clean_uploads(data["attachments"])
            citizen = form.citizen()
            intake = services.Intake(
                channel=Case.Channel.ONLINE,
                kind=data["kind"],
                subject=data["subject"],
                content=data["content"],
                received_on=timezone.localdate(),
                field=data["field"],
                location_text=data["location_text"],
                is_anonymous=citizen is None,
                files=files,
            )
            case = services.receive_with_sender(
                intake,
                citizen=citizen,
                unit=unit,
                actor=None,
                today=timezone.localdate(),
                idempotency_key=data["token"],
                # Law 91/2025: the proof of consent is kept with the case, or neither is.
                on_created=lambda case: record_consent(Consent.Form.CASE, case.pk, unit),
            )
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            # Committed above; only now is the receipt shown (a reload cannot post twice).
            return redirect("cases:receipt", code=case.tracking_code)
    return render(request, "cases/public_form.html", {"form": form, "unit": unit})


def qr_svg(url: str) -> str:
    return segno.make(url, error="m").svg_inline(scale=4, dark="#000", light="#fff")


@login_not_required
@never_cache
def receipt(request: HttpRequest, code: str) -> HttpResponse:
    case = find_case(request, code)
    if case is None:
        raise Http404
    url = request.build_absolute_uri(reverse("cases:track_case", args=[case.tracking_code]))
    context = {"case": case, "track_url": url, "qr": mark_safe(qr_svg(url))}  # noqa: S308 - segno output
    return render(request, "cases/public_receipt.html", context)


@login_not_required
@never_cache
def track(request: HttpRequest) -> HttpResponse:
    form = TrackForm(request.GET or None)
    if form.is_valid():
        if _too_many_wrong_codes(request):
            return _rate_limited(request, form)
        case = find_case(request, form.cleaned_data["code"])
        if case is not None:
            return redirect("cases:track_case", code=case.tracking_code)
        form.add_error("code", _("No case has this code. Check it against your receipt."))
    return render(request, "cases/public_track.html", {"form": form})


def _rate_limited(request: HttpRequest, form: TrackForm) -> HttpResponse:
    form.add_error(None, _("Too many wrong codes. Try again in 15 minutes."))
    return render(request, "cases/public_track.html", {"form": form}, status=429)


@login_not_required
@never_cache
def track_case(request: HttpRequest, code: str) -> HttpResponse:
    if _too_many_wrong_codes(request):
        return _rate_limited(request, TrackForm())
    case = find_case(request, code)
    if case is None:
        raise Http404
    return _case_page(request, case)


def _case_page(
    request: HttpRequest,
    case: Case,
    *,
    rate_form: RateForm | None = None,
    reopen_form: ReasonForm | None = None,
    status: int = 200,
) -> HttpResponse:
    """The citizen's page of one case; a refused rating or reopening comes back with its errors."""
    sent = case.responses.filter(state=Response.State.SENT).first()
    # Anyone holding the code can open this page, staff who may not see a denouncer too.
    shown = exported(case)
    context = {
        "case": case,
        "updates": shown.texts(case.events.filter(is_public=True).order_by("at", "id")),
        "answer": shown.texts([sent])[0] if sent else None,
        "rate_form": rate_form or RateForm(),
        "reopen_form": reopen_form or ReasonForm(),
        "can_rate": case.status in (Status.ANSWERED, Status.CLOSED) and case.rating is None,
        "reopen_deadline": answers.reopen_deadline(case),
        "can_reopen": case.status in (Status.ANSWERED, Status.CLOSED),
    }
    return render(request, "cases/public_case.html", context, status=status)


@login_not_required
@require_POST
def public_rate(request: HttpRequest, code: str) -> HttpResponse:
    case = find_case(request, code)
    if case is None:
        raise Http404
    form = RateForm(request.POST)
    rated = submit(
        request,
        form,
        lambda data: answers.rate(case, rating=data["rating"], comment=data["comment"]),
        success=_("Thank you: your rating is recorded."),
    )
    if rated.ok:
        return redirect("cases:track_case", code=case.tracking_code)
    return _case_page(request, case, rate_form=form, status=400)


@login_not_required
@require_POST
def public_reopen(request: HttpRequest, code: str) -> HttpResponse:
    case = find_case(request, code)
    if case is None:
        raise Http404
    form = ReasonForm(request.POST)
    reopened = submit(
        request,
        form,
        lambda data: answers.reopen(case, reason=data["reason"], today=timezone.localdate()),
        success=_("Your request is recorded: the case is reopened."),
    )
    if reopened.ok:
        return redirect("cases:track_case", code=case.tracking_code)
    return _case_page(request, case, reopen_form=form, status=400)
