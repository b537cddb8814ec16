"""Notifications to staff, their e-mail preferences, and the demo's outbox of sent mail."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tiepdan.accounts.models import User
from tiepdan.notifications import kinds
from tiepdan.notifications.kinds import Delivery, Kind
from tiepdan.orgunits.models import OrgUnit


class NotificationQuerySet(models.QuerySet["Notification"]):
    def for_reader(self, user: User) -> NotificationQuerySet:
        """The notifications of `user` about records still in their units: a record moved out of
        `user.visible_units()` hides its notifications. One join, no query for the user's unit."""
        mine = self.filter(recipient=user)
        if user.is_superuser:
            return mine
        # The SQL form of `unit__in=user.visible_units()` (the subtree of the user's unit).
        return mine.filter(unit__path__startswith=F("recipient__unit__path"))

    def unread(self) -> NotificationQuerySet:
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    recipient = models.ForeignKey(
        User,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="notifications",
        db_index=False,  # the inbox index and the unique key both begin with it
    )
    kind = models.CharField(pgettext_lazy("notification", "kind"), max_length=40, choices=Kind)
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("unit"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The record's unit: the notification is hidden from a reader outside it."),
    )
    url = models.CharField(_("page"), max_length=300, help_text=_("The staff page of the record."))
    key = models.CharField(
        _("event key"),
        max_length=200,
        help_text=_("The event's identity: an event is recorded once per recipient."),
    )
    created_at = models.DateTimeField(
        pgettext_lazy("notification", "created at"), default=timezone.now, editable=False
    )
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("e-mailed at"), null=True, blank=True)
    digest_at = models.DateTimeField(_("in the digest at"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        constraints = [
            models.UniqueConstraint(fields=["recipient", "key"], name="notification_once"),
        ]
        indexes = [
            # The bell counts a reader's unread rows, the list pages them newest first.
            models.Index(fields=["recipient", "read_at", "-created_at"], name="notification_inbox"),
        ]

    def __str__(self) -> str:
        return self.sentence()

    def sentence(self) -> str:
        """What happened, in the active language."""
        return kinds.render(self.kind, self.params)

    def absolute_url(self) -> str:
        """The record's page with the site's address, for e-mail."""
        return site_url(self.url)


def site_url(path: str) -> str:
    return settings.TIEPDAN_SITE_URL.rstrip("/") + path


class PreferenceQuerySet(models.QuerySet["Preference"]):
    def deliveries(self, users: Iterable[User], kind: str) -> dict[int, str]:
        """user id → how each of `users` gets `kind` by e-mail (their choice, else their roles')."""
        ids = [user.pk for user in users]
        chosen = dict(self.filter(user_id__in=ids, kind=kind).values_list("user_id", "delivery"))
        roles: dict[int, set[str]] = {pk: set() for pk in ids}
        memberships = User.groups.through.objects.filter(user_id__in=ids)
        for user_id, role in memberships.values_list("user_id", "group__name"):
            roles[user_id].add(role)
        return {pk: chosen.get(pk) or kinds.default_delivery(kind, roles[pk]) for pk in ids}

    def for_user(self, user: User) -> dict[str, str]:
        """kind → how `user` gets it by e-mail, for every kind."""
        chosen = dict(self.filter(user=user).values_list("kind", "delivery"))
        roles = user.role_names()
        return {kind: chosen.get(kind) or kinds.default_delivery(kind, roles) for kind in Kind}


class Preference(models.Model):
    """A user's choice for one kind; without a row, the default of their roles applies."""

    user = models.ForeignKey(
        User,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="notification_preferences",
        db_index=False,  # the unique (user, kind) begins with it
    )
    kind = models.CharField(pgettext_lazy("notification", "kind"), max_length=40, choices=Kind)
    delivery = models.CharField(_("e-mail"), max_length=10, choices=Delivery)

    objects = PreferenceQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="preference_once_per_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.kind}: {self.delivery}"


class OutboxMessage(models.Model):
    """An e-mail the demo's outbox backend kept instead of sending (tiepdan.notifications.mail)."""

    to = models.TextField(pgettext_lazy("e-mail", "to"))
    subject = models.CharField(pgettext_lazy("e-mail", "subject"), max_length=998)
    body = models.TextField(pgettext_lazy("e-mail", "body"))
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("outbox message")
        verbose_name_plural = _("outbox messages")

    def __str__(self) -> str:
        return f"{self.to}: {self.subject}"
