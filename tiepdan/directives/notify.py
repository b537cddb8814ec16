"""E-mails about directives, sent after the transaction that caused them commits."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.utils.translation import gettext as _

from tiepdan.accounts.models import User
from tiepdan.directives.models import Directive


def _owner_addresses(directive: Directive) -> list[str]:
    if directive.owner_user is not None:
        users = [directive.owner_user]
    else:
        users = list(User.objects.filter(department=directive.owner_department, is_active=True))
    return sorted({u.email for u in users if u.email})


def _send(subject: str, body: str, recipients: list[str]) -> None:
    if recipients:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients, fail_silently=True)


def _body(directive: Directive) -> str:
    return _("%(title)s\nDeadline: %(due)s\nIssued by: %(leader)s\n\n%(content)s") % {
        "title": directive.title,
        "due": directive.due_on.strftime("%d/%m/%Y"),
        "leader": directive.issued_by,
        "content": directive.content,
    }


def notify_assigned(pk: int) -> None:
    directive = Directive.objects.select_related("issued_by", "owner_user").get(pk=pk)
    subject = _("New directive: %(title)s") % {"title": directive.title}
    _send(subject, _body(directive), _owner_addresses(directive))


def notify_reminder(pk: int) -> None:
    directive = Directive.objects.select_related("issued_by", "owner_user").get(pk=pk)
    subject = _("Directive due soon: %(title)s") % {"title": directive.title}
    _send(subject, _body(directive), _owner_addresses(directive))


def notify_overdue(pk: int) -> None:
    directive = Directive.objects.select_related("issued_by", "owner_user").get(pk=pk)
    subject = _("Directive overdue: %(title)s") % {"title": directive.title}
    recipients = _owner_addresses(directive)
    if directive.issued_by.email:
        recipients.append(directive.issued_by.email)
    _send(subject, _body(directive), sorted(set(recipients)))


def notify_completed(pk: int) -> None:
    directive = Directive.objects.select_related("issued_by", "owner_user").get(pk=pk)
    subject = _("Directive completed: %(title)s") % {"title": directive.title}
    email = directive.issued_by.email
    _send(subject, _body(directive), [email] if email else [])
