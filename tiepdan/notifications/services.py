"""Writes on notifications: record an event, mark it read, e-mail it at once or in the digest.

Every app tells its staff through `notify(...)`, inside its own transaction; the e-mail job is
enqueued only after that transaction commits, so a rolled-back change tells no one. Each step is
idempotent: a notification is recorded once per (recipient, key), and e-mailed once, because
the mail and the digest each claim the row with a conditional UPDATE before sending (the
healthchecks sendalerts pattern): a second worker or a retried job finds it claimed.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Iterable, Mapping
from datetime import date, datetime, time, timedelta
from functools import partial

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from tiepdan.accounts.models import User
from tiepdan.notifications import kinds
from tiepdan.notifications.kinds import Delivery
from tiepdan.notifications.models import (
    Notification,
    NotificationQuerySet,
    Preference,
    site_url,
)
from tiepdan.orgunits.models import OrgUnit

log = logging.getLogger(__name__)

URL_LENGTH = Notification._meta.get_field("url").max_length or 0
KEY_LENGTH = Notification._meta.get_field("key").max_length or 0
#: A digest lists the notifications of the last days before it, at most this many days back.
DIGEST_DAYS = 7
#: …and at most this many in one e-mail (the rest wait for the next digest).
DIGEST_LIMIT = 100


def notify(
    recipients: Iterable[User | None],
    kind: str,
    *,
    unit: OrgUnit,
    url: str,
    params: Mapping[str, object],
    key: str,
) -> list[Notification]:
    """Record the event `key` for each active recipient, once however often it is sent; after
    the caller's transaction commits, e-mail those who want this kind at once. Return the
    notifications this call recorded."""
    clean = kinds.clean_params(kind, params)
    if not url.startswith("/") or url.startswith("//") or len(url) > URL_LENGTH:
        raise ValueError(f"a notification links to a path of this site, not {url!r}")
    if not key or len(key) > KEY_LENGTH:
        raise ValueError(f"an event key has 1 to {KEY_LENGTH} characters, not {key!r}")
    people = {
        u.pk: u for u in recipients if u is not None and u.is_active and not u.is_service_account
    }
    known = set(
        Notification.objects.filter(key=key, recipient_id__in=people).values_list(
            "recipient_id", flat=True
        )
    )
    new = [pk for pk in people if pk not in known]
    if not new:
        return []
    Notification.objects.bulk_create(
        [
            Notification(recipient_id=pk, kind=kind, unit=unit, url=url, params=clean, key=key)
            for pk in new
        ],
        ignore_conflicts=True,  # a concurrent caller recorded it first: once is enough
    )
    recorded = list(Notification.objects.filter(key=key, recipient_id__in=new))
    deliveries = Preference.objects.deliveries([people[pk] for pk in new], kind)
    to_mail = [
        n.pk
        for n in recorded
        if deliveries[n.recipient_id] == Delivery.IMMEDIATE and people[n.recipient_id].email
    ]
    if to_mail:
        transaction.on_commit(partial(_enqueue_emails, to_mail))
    return recorded


def _enqueue_emails(notification_ids: list[int]) -> None:
    from tiepdan.notifications import tasks  # tasks imports this module

    for pk in notification_ids:
        tasks.email_notification(pk)


def mark_read(user: User, ids: Collection[int]) -> int:
    """Mark these notifications of `user` read; return how many were unread."""
    return Notification.objects.filter(recipient=user, pk__in=ids, read_at=None).update(
        read_at=timezone.now()
    )


def mark_all_read(user: User) -> int:
    """Mark every unread notification of `user` read; return how many."""
    return Notification.objects.filter(recipient=user, read_at=None).update(read_at=timezone.now())


def set_preferences(user: User, choices: Mapping[str, str]) -> None:
    """Keep `user`'s e-mail choice per kind; a choice equal to the role default keeps no row,
    so the user follows the defaults again."""
    roles = user.role_names()
    with transaction.atomic():
        for kind, delivery in choices.items():
            if kind not in kinds.EVENTS or delivery not in Delivery.values:
                raise ValueError(f"no such choice: {kind}={delivery}")
            if delivery == kinds.default_delivery(kind, roles):
                Preference.objects.filter(user=user, kind=kind).delete()
            else:
                Preference.objects.update_or_create(
                    user=user, kind=kind, defaults={"delivery": delivery}
                )


def send_email(notification_id: int) -> bool:
    """E-mail one notification to its recipient unless it was already; True if this call sent
    it. A failed send releases the claim, so the retried job sends it."""
    notification = (
        Notification.objects.select_related("recipient").filter(pk=notification_id).first()
    )
    if notification is None:
        return False
    recipient = notification.recipient
    if not recipient.is_active or not recipient.email:
        return False
    claimed = Notification.objects.for_reader(recipient).filter(pk=notification_id, emailed_at=None)
    if claimed.update(emailed_at=timezone.now()) != 1:
        return False  # another worker sent it, or its record left the recipient's units
    try:
        with translation.override(settings.LANGUAGE_CODE):
            sentence = notification.sentence()
            body = "\n\n".join([sentence, notification.absolute_url(), _footer()])
            send_mail(_subject(sentence), body, None, [recipient.email])
    except Exception:
        Notification.objects.filter(pk=notification_id).update(emailed_at=None)
        raise
    return True


def _subject(sentence: str) -> str:
    return Truncator(" ".join(sentence.split())).chars(120)


def _footer() -> str:
    links = {
        "list": site_url(reverse("notifications:list")),
        "prefs": site_url(reverse("notifications:preferences")),
    }
    return (
        _("All your notifications: %(list)s\nChoose which ones come by e-mail: %(prefs)s") % links
    )


def send_digests(today: date) -> int:
    """Send each user one e-mail listing their unread digest notifications from before `today`
    that no digest listed yet; return how many e-mails went. Run twice the same day, it sends
    none the second time: each listed row is claimed (`digest_at`) first."""
    until = timezone.make_aware(datetime.combine(today, time.min))
    pending = Notification.objects.filter(
        read_at=None,  # already seen on the site: no need to mail it
        digest_at=None,
        emailed_at=None,
        created_at__lt=until,
        created_at__gte=until - timedelta(days=DIGEST_DAYS),
    )
    users = User.objects.filter(pk__in=pending.values("recipient_id"), is_active=True).exclude(
        email=""
    )
    sent = 0
    for user in users.iterator():
        try:
            sent += _send_digest(user, pending, today)
        except Exception:  # noqa: BLE001 - one mailbox failing must not stop the others
            log.exception("Digest for user %s not sent", user.pk)
    return sent


def _send_digest(user: User, pending: NotificationQuerySet, today: date) -> int:
    deliveries = Preference.objects.for_user(user)
    wanted = [kind for kind, delivery in deliveries.items() if delivery == Delivery.DIGEST]
    rows = pending.for_reader(user).filter(kind__in=wanted).order_by("created_at", "id")
    now = timezone.now()
    claimed = [n for n in rows[:DIGEST_LIMIT] if _claim_for_digest(n.pk, now)]
    if not claimed:
        return 0
    try:
        with translation.override(settings.LANGUAGE_CODE):
            send_mail(_digest_subject(today), _digest_body(claimed), None, [user.email])
    except Exception:
        Notification.objects.filter(pk__in=[n.pk for n in claimed]).update(digest_at=None)
        raise
    return 1


def _claim_for_digest(notification_id: int, now: datetime) -> bool:
    return (
        Notification.objects.filter(pk=notification_id, digest_at=None, emailed_at=None).update(
            digest_at=now
        )
        == 1
    )


def _digest_subject(today: date) -> str:
    return _("Your notifications, %(date)s") % {"date": today.strftime("%d/%m/%Y")}


def _digest_body(notifications: list[Notification]) -> str:
    lines = []
    for notification in notifications:
        lines += [f"- {notification.sentence()}", f"  {notification.absolute_url()}"]
    return "\n".join([*lines, "", _footer()])
