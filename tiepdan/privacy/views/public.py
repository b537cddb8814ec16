"""Public pages: the privacy notice and the form to ask about one's personal data."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tiepdan.lib.errors import DomainError
from tiepdan.privacy import retention, services
from tiepdan.privacy.consent import NOTICE_VERSION
from tiepdan.privacy.forms import PublicRequestForm
from tiepdan.privacy.models import DataSubjectRequest
from tiepdan.web import ratelimit

REQUESTS_PER_HOUR = 5
SESSION_KEY = "privacy:last_request"


@login_not_required
def notice(request: HttpRequest) -> HttpResponse:
    days = retention.periods()
    periods = [(t, days[t.key]) for t in retention.RECORD_TYPES]
    return render(
        request,
        "privacy/notice.html",
        {
            "version": NOTICE_VERSION,
            "periods": periods,
            "kinds": DataSubjectRequest.Kind.choices,
            "ack_days": services.ACK_WORKING_DAYS,
        },
    )


@login_not_required
@require_http_methods(["GET", "POST"])
def request_new(request: HttpRequest) -> HttpResponse:
    form = PublicRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not ratelimit.allow(request, "privacy", limit=REQUESTS_PER_HOUR, window_seconds=3600):
            form.add_error(None, _("Too many requests from this connection; try again in an hour."))
        else:
            data = form.cleaned_data
            try:
                made = services.file_request(
                    data["unit"],
                    kind=data["kind"],
                    requester=data["requester"],
                    contact=data["contact"],
                    details=data["details"],
                    consented=data["consent"],
                )
            except DomainError as exc:
                form.add_error(exc.field if exc.field in form.fields else None, exc.message)
            else:
                request.session[SESSION_KEY] = made.pk
                return redirect("privacy:request_sent")
    return render(request, "privacy/public_request.html", {"form": form})


@login_not_required
def request_sent(request: HttpRequest) -> HttpResponse:
    """The receipt: reference and deadline, from this browser's own session only."""
    pk = request.session.get(SESSION_KEY)
    made = DataSubjectRequest.objects.select_related("unit").filter(pk=pk).first() if pk else None
    if made is None:
        return redirect("privacy:request_new")
    return render(
        request,
        "privacy/public_request_sent.html",
        {"made": made, "today": timezone.localdate()},
    )
