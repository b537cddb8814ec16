"""The bell in the staff header: the reader's unread count, one indexed query, only if shown."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from tiepdan.accounts.access import owes_second_factor
from tiepdan.notifications.models import Notification

#: Counted up to this many; more shows as "9+".
BELL_LIMIT = 9


@dataclass(frozen=True)
class Bell:
    count: int  # up to BELL_LIMIT + 1

    @property
    def badge(self) -> str:
        return f"{BELL_LIMIT}+" if self.count > BELL_LIMIT else str(self.count)

    @property
    def label(self) -> str:
        if self.count > BELL_LIMIT:
            return _("Notifications: more than %(count)s unread") % {"count": BELL_LIMIT}
        if self.count:
            return _("Notifications: %(count)s unread") % {"count": self.count}
        return _("Notifications: none unread")


def _count(request: HttpRequest) -> Bell:
    unread = Notification.objects.for_reader(request.user).unread()  # type: ignore[arg-type]
    # At most ten ids off the inbox index: no COUNT on a page (DESIGN §6), however many wait.
    return Bell(len(unread.values_list("pk", flat=True)[: BELL_LIMIT + 1]))


def bell(request: HttpRequest) -> dict[str, object]:
    """`bell` for a signed-in user on a staff page (none on public pages, none before the second
    factor); counted lazily, so a page that does not draw the header costs no query."""
    match = getattr(request, "resolver_match", None)
    on_staff_page = match is not None and getattr(match.func, "login_required", True)
    user = getattr(request, "user", None)  # an error page may be drawn before auth has run
    if user is None or not user.is_authenticated or not on_staff_page:
        return {"bell": None}
    if owes_second_factor(request.user):  # nothing is shown before the second factor
        return {"bell": None}
    return {"bell": SimpleLazyObject(lambda: _count(request))}
