"""Pure rules for dialogues with citizens (đối thoại trực tiếp). No ORM."""

from __future__ import annotations

from datetime import date, timedelta

from django.utils.translation import gettext as _

from tiepdan.lib.errors import DomainError

# A complaint dialogue: the participants are notified at least 5 days ahead (Decree 124/2020
# Art. 28 as amended by Decree 155/2026). The same notice is good practice for any dialogue
# (Regulation 11-QĐi/TW), so a general dialogue only gets a warning.
INVITATION_NOTICE_DAYS = 5

# The minutes of a complaint dialogue (Form 14) are made in at least 3 copies (Decree 155/2026).
MIN_COMPLAINT_MINUTES_COPIES = 3


def latest_invitation_day(held_on: date) -> date:
    """The last day invitations may go out for a dialogue held on `held_on`."""
    return held_on - timedelta(days=INVITATION_NOTICE_DAYS)


def invitation_warning(*, is_complaint: bool, sent_on: date, held_on: date) -> str | None:
    """Refuse late invitations to a complaint dialogue; return a warning for a general one."""
    if sent_on > held_on:
        raise DomainError(
            _("Invitations cannot be sent after the dialogue."), field="invitations_sent_on"
        )
    if sent_on <= latest_invitation_day(held_on):
        return None
    message = _(
        "Invitations must go out at least %(days)s days before the dialogue, by %(last)s."
    ) % {
        "days": INVITATION_NOTICE_DAYS,
        "last": latest_invitation_day(held_on).strftime("%d/%m/%Y"),
    }
    if is_complaint:
        raise DomainError(
            message + " " + _("(Decree 124/2020 Art. 28, as amended by Decree 155/2026)"),
            field="invitations_sent_on",
        )
    return message


def check_minutes_copies(*, is_complaint: bool, copies: int) -> None:
    """A complaint dialogue's minutes (Form 14) need at least 3 copies."""
    if copies < 1:
        raise DomainError(_("The minutes need at least one copy."), field="minutes_copies")
    if is_complaint and copies < MIN_COMPLAINT_MINUTES_COPIES:
        raise DomainError(
            _("Complaint dialogue minutes (Form 14) are made in at least %(n)s copies.")
            % {"n": MIN_COMPLAINT_MINUTES_COPIES},
            field="minutes_copies",
        )


def planning_warning(*, is_complaint: bool, today: date, held_on: date) -> str | None:
    """Whether invitations sent today can still give 5 days' notice: refused for a complaint
    dialogue (Decree 124/2020 Art. 28, as amended), a warning otherwise."""
    if today <= latest_invitation_day(held_on):
        return None
    message = _(
        "Invitations sent today would arrive less than %(days)s days before the dialogue; "
        "choose a later date."
    ) % {"days": INVITATION_NOTICE_DAYS}
    if is_complaint:
        raise DomainError(
            message + " " + _("(Decree 124/2020 Art. 28, as amended by Decree 155/2026)"),
            field="held_at",
        )
    return message
