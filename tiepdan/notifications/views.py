"""The staff's notifications (list, open, mark read), their e-mail choices, the demo outbox."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from tiepdan.api.pagination import newest_first
from tiepdan.notifications import services
from tiepdan.notifications.forms import PreferencesForm
from tiepdan.notifications.models import Notification, OutboxMessage
from tiepdan.web.actions import submit
from tiepdan.web.request import StaffRequest

STAFF = "accounts.view_staff_pages"
READ_OUTBOX = "notifications.view_outboxmessage"
PAGE_SIZE = 30


@permission_required(STAFF, raise_exception=True)
def notification_list(request: StaffRequest) -> HttpResponse:
    page = newest_first(
        Notification.objects.for_reader(request.user),
        "created_at",
        cursor=request.GET.get("after"),
        limit=PAGE_SIZE,
    )
    return render(request, "notifications/notification_list.html", {"page": page})


@permission_required(STAFF, raise_exception=True)
def notification_open(request: StaffRequest, pk: int) -> HttpResponse:
    """Mark the notification read and go to its record (one click from the list)."""
    notification = get_object_or_404(Notification.objects.for_reader(request.user), pk=pk)
    services.mark_read(request.user, [notification.pk])
    if not url_has_allowed_host_and_scheme(notification.url, allowed_hosts=None):
        return redirect("notifications:list")
    return HttpResponseRedirect(notification.url)


def _back(request: StaffRequest) -> HttpResponse:
    target = request.POST.get("next", "")
    if target.startswith(reverse("notifications:list")) and url_has_allowed_host_and_scheme(
        target, allowed_hosts=None
    ):
        return HttpResponseRedirect(target)
    return redirect("notifications:list")


@require_POST
@permission_required(STAFF, raise_exception=True)
def notification_mark_read(request: StaffRequest, pk: int) -> HttpResponse:
    notification = get_object_or_404(Notification.objects.for_reader(request.user), pk=pk)
    services.mark_read(request.user, [notification.pk])
    messages.success(request, _("Marked as read."))
    return _back(request)


@require_POST
@permission_required(STAFF, raise_exception=True)
def notification_mark_all_read(request: StaffRequest) -> HttpResponse:
    count = services.mark_all_read(request.user)
    if count:
        text = ngettext(
            "%(count)s notification marked as read.",
            "%(count)s notifications marked as read.",
            count,
        )
        messages.success(request, text % {"count": count})
    else:
        messages.info(request, _("Nothing was unread."))
    return _back(request)


@permission_required(STAFF, raise_exception=True)
def preferences(request: StaffRequest) -> HttpResponse:
    form = PreferencesForm(request.POST or None, user=request.user)
    if request.method == "POST":
        done = submit(
            request,
            form,
            lambda data: services.set_preferences(request.user, data),
            success=_("Your e-mail choices are saved."),
        )
        if done.ok:
            return redirect("notifications:preferences")
    return render(request, "notifications/preferences.html", {"form": form})


@permission_required(READ_OUTBOX, raise_exception=True)
def outbox(request: StaffRequest) -> HttpResponse:
    """Read-only: the mail the demo kept instead of sending, newest first.

    Only on a demo install and only for superusers: the mail to citizens holds what a citizen
    wrote, a denouncer's letter too, which a unit administrator may not read (rule 19).
    """
    if not settings.DEMO:
        raise Http404
    page = newest_first(
        OutboxMessage.objects.all(), "sent_at", cursor=request.GET.get("after"), limit=PAGE_SIZE
    )
    return render(request, "notifications/outbox.html", {"page": page})
