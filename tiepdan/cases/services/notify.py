"""Messages about cases: to the citizen (e-mail, SMS) and to staff (reminders, escalation, digest).

Called after the transaction commits (`transaction.on_commit`), by id, so a rolled-back change
sends nothing.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils.translation import gettext as _

from tiepdan.accounts.models import User
from tiepdan.cases.identity import exported
from tiepdan.cases.models import Case
from tiepdan.cases.services.sms import send_sms
from tiepdan.notifications import services as notifications


def site_url(path: str) -> str:
    return settings.TIEPDAN_SITE_URL.rstrip("/") + path


def tracking_url(case: Case) -> str:
    return site_url(reverse("cases:track_case", args=[case.tracking_code]))


def tell_citizen(case_id: int, headline: str) -> int:
    """Tell the case's citizens what changed, by e-mail and SMS; return how many were told."""
    case = Case.objects.select_related("unit").get(pk=case_id)
    told = 0
    body = _(
        "%(headline)s\n\nCase %(number)s — %(subject)s\nTracking code: %(code)s\n"
        "Follow it at %(url)s\n\n%(unit)s"
    ) % {
        "headline": headline,
        "number": case.registration_number,
        "subject": case.subject,
        "code": case.code_display,
        "url": tracking_url(case),
        "unit": case.unit.name,
    }
    for citizen in case.citizens.all():
        if citizen.email:
            send_mail(headline, body, None, [citizen.email])
            told += 1
        if citizen.phone:
            send_sms(
                citizen.phone,
                _("%(unit)s: %(headline)s Code %(code)s.")
                % {"unit": case.unit.name, "headline": headline, "code": case.code_display},
            )
            told += 1
    return told


def unit_leaders(case: Case) -> list[User]:
    """The leaders of the case's unit who receive escalations (Chairman first)."""
    leaders = User.objects.filter(
        unit_id=case.unit_id, is_active=True, post=User.Post.CHAIRMAN
    ) or User.objects.filter(unit_id=case.unit_id, is_active=True, groups__name="leader")
    return list(leaders)


def responsible(case: Case) -> list[User]:
    """Who should act on the case: its officer, else its department, else its unit's officers."""
    if case.assignee_id:
        return [case.assignee] if case.assignee and case.assignee.is_active else []
    if case.assignee_department_id:
        return list(User.objects.filter(department_id=case.assignee_department_id, is_active=True))
    return list(
        User.objects.filter(
            unit_id=case.unit_id, is_active=True, groups__name="reception_officer"
        ).distinct()
    )


def _mail(users: Iterable[User], subject: str, body: str) -> int:
    addresses = sorted({u.email for u in users if u.email})
    if addresses:
        send_mail(subject, body, None, addresses)
    return len(addresses)


def _case_line(case: Case) -> str:
    """One case in a staff e-mail: never the denouncer's identity (mail leaves the system)."""
    return _("%(number)s · %(subject)s · due %(due)s · %(url)s") % {
        "number": case.registration_number,
        "subject": exported(case).text(case.subject),
        "due": case.due_on.strftime("%d/%m/%Y") if case.due_on else "—",
        "url": site_url(reverse("cases:detail", args=[case.pk])),
    }


def remind(case: Case) -> int:
    subject = _("Due soon: case %(number)s") % {"number": case.registration_number}
    return _mail(responsible(case), subject, _case_line(case))


def escalate(case: Case) -> int:
    subject = _("Overdue: case %(number)s") % {"number": case.registration_number}
    return _mail([*unit_leaders(case), *responsible(case)], subject, _case_line(case))


def digest(user: User, overdue: list[Case], due_soon: list[Case]) -> int:
    lines = [_("Overdue (%(count)s):") % {"count": len(overdue)}]
    lines += [_case_line(c) for c in overdue] or ["—"]
    lines += ["", _("Due within a week (%(count)s):") % {"count": len(due_soon)}]
    lines += [_case_line(c) for c in due_soon] or ["—"]
    return _mail([user], _("Your cases today"), "\n".join(lines))


def tell_staff(
    case: Case, kind: str, people: Iterable[User | None], *, event: str, **params: object
) -> None:
    """Record a notification of `kind` about `case` for `people`, inside the caller's
    transaction (sent after it commits, once per `event`). It names the case by its number and
    links to its page: never its content, so a denouncer's identity cannot travel in it."""
    notifications.notify(
        people,
        kind,
        unit=case.unit,
        url=reverse("cases:detail", args=[case.pk]),
        params={"number": case.registration_number, **params},
        key=f"case:{case.pk}:{event}",
    )


def department_staff(department_id: int | None) -> list[User]:
    if department_id is None:
        return []
    return list(User.objects.people().filter(department_id=department_id, is_active=True))


def reception_staff(case: Case) -> list[User]:
    return list(
        User.objects.people()
        .filter(unit_id=case.unit_id, is_active=True, groups__name="reception_officer")
        .distinct()
    )


def approvers(case: Case) -> list[User]:
    """The people of the case's unit whose role approves answers (its leaders)."""
    return list(
        User.objects.people()
        .filter(
            unit_id=case.unit_id,
            is_active=True,
            groups__permissions__codename="approve_answer",
            groups__permissions__content_type__app_label="cases",
        )
        .distinct()
    )
