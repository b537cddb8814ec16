"""The head's reception session and its conclusions notice (Decree 154 Art. 25; rule 4)."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tiepdan.accounts.models import User
from tiepdan.directives.models import Directive
from tiepdan.directives.services import create_directive
from tiepdan.lib.errors import DomainError
from tiepdan.orgunits.models import Department
from tiepdan.orgunits.services import next_document_number
from tiepdan.reception.models import ConclusionItem, LeaderSession, ReceptionDay


def save_session(
    day: ReceptionDay,
    *,
    participants: str,
    raised: str,
    conclusions: str,
    today: date | None = None,
) -> LeaderSession:
    """Record who took part in a leader's session and what citizens raised."""
    today = today or timezone.localdate()
    if day.on > today:
        raise DomainError(_("A session can be recorded on or after its day."))
    if day.status in (ReceptionDay.Status.CANCELLED, ReceptionDay.Status.POSTPONED):
        raise DomainError(_("This day did not take place."))
    with transaction.atomic():
        session, _created = LeaderSession.objects.get_or_create(day=day)
        if session.is_concluded:
            raise DomainError(_("The conclusions notice has been issued; the session is closed."))
        session.participants, session.raised, session.conclusions = (
            participants,
            raised,
            conclusions,
        )
        session.save(update_fields=["participants", "raised", "conclusions"])
        if day.status == ReceptionDay.Status.PUBLISHED:
            day.status = ReceptionDay.Status.HELD
            day.save(update_fields=["status", "updated_at"])
    return session


def add_conclusion_item(
    session: LeaderSession,
    *,
    content: str,
    due_on: date,
    owner_user: User | None = None,
    owner_department: Department | None = None,
) -> ConclusionItem:
    """Add a task (owner, deadline) to the conclusions notice before it is issued."""
    if session.is_concluded:
        raise DomainError(_("The conclusions notice has been issued; the session is closed."))
    if not content.strip():
        raise DomainError(_("Describe the task."), field="content")
    if owner_user is None and owner_department is None:
        raise DomainError(
            _("Every task needs an owner: a department, an officer, or both."), field="owner_user"
        )
    if due_on < session.day.on:
        raise DomainError(_("The deadline cannot come before the session."), field="due_on")
    with transaction.atomic():
        return ConclusionItem.objects.create(
            session=session,
            content=content.strip(),
            due_on=due_on,
            owner_user=owner_user,
            owner_department=owner_department,
            order=session.items.count(),
        )


def _notice_number(session: LeaderSession, year: int) -> str:
    """The unit's next notice number: the Party Committee's series for the Secretary."""
    day = session.day
    if day.leader.post == User.Post.SECRETARY:
        return f"{next_document_number(day.unit, year, 'TB-DU')}-TB/ĐU"
    return f"{next_document_number(day.unit, year, 'TB')}/TB-UBND"


def issue_conclusions(
    session: LeaderSession, *, number: str = "", issued_on: date, actor: User
) -> LeaderSession:
    """Issue the conclusions notice; each of its tasks becomes a directive (Decree 154 Art. 25)."""
    if session.is_concluded:
        raise DomainError(_("The conclusions notice has already been issued."))
    items = list(session.items.select_related("owner_user", "owner_department"))
    if not items:
        raise DomainError(_("The conclusions notice lists at least one task."))
    day = session.day
    label = _("Citizen reception session of %(leader)s on %(date)s") % {
        "leader": day.leader,
        "date": day.on.strftime("%d/%m/%Y"),
    }
    with transaction.atomic():
        number = number.strip() or _notice_number(session, issued_on.year)
        for item in items:
            item.directive = create_directive(
                unit=day.unit,
                title=item.content[:300],
                content=item.content,
                issued_by=day.leader,
                source_kind=Directive.SourceKind.RECEPTION_SESSION,
                owner_user=item.owner_user,
                owner_department=item.owner_department,
                due_on=item.due_on,
                source=session,
                source_label=f"{label} ({number.strip()})",
                issued_on=issued_on,
            )
            item.save(update_fields=["directive"])
        session.notice_number, session.notice_issued_on = number.strip(), issued_on
        session.save(update_fields=["notice_number", "notice_issued_on"])
    return session
