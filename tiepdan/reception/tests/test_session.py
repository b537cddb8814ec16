"""The head's session ends with a conclusions notice whose tasks become directives."""

from datetime import date, time

import pytest

from tiepdan.directives.models import Directive
from tiepdan.lib.errors import DomainError
from tiepdan.orgunits.services import ensure_department
from tiepdan.reception import compliance, services
from tiepdan.reception.models import ReceptionDay, ReceptionMinimum
from tiepdan.reception.services.schedule import DayDetails

TODAY = date(2026, 11, 23)


def held_day(leader, on=date(2026, 11, 12)):
    planned_on = on.replace(day=1)
    day = services.create_day(
        unit=leader.unit,
        leader=leader,
        on=on,
        today=planned_on,
        details=DayDetails(time(7, 30), time(11), "Phòng tiếp công dân"),
    )
    services.publish_day(day, today=planned_on)
    return services.mark_held(day, today=TODAY)


def test_the_conclusions_notice_turns_each_task_into_a_directive(leader_a, officer_a):
    """Decree 154 Art. 25: a head's session ends with a conclusions notice of tasks."""
    session = services.save_session(
        held_day(leader_a),
        participants="Bí thư",
        raised="Ngập nước",
        conclusions="Xử lý dứt điểm",
        today=TODAY,
    )
    with pytest.raises(DomainError):
        services.issue_conclusions(session, number="45/TB-ĐU", issued_on=TODAY, actor=leader_a)
    department = ensure_department(leader_a.unit, "ktht", "Phòng Kinh tế", "bo_phan")
    services.add_conclusion_item(
        session,
        content="Khảo sát chống ngập",
        due_on=date(2026, 12, 15),
        owner_department=department,
        owner_user=officer_a,
    )
    services.issue_conclusions(session, number="45/TB-ĐU", issued_on=TODAY, actor=leader_a)
    directive = Directive.objects.get()
    assert (directive.due_on, directive.owner_user, directive.source) == (
        date(2026, 12, 15),
        officer_a,
        session,
    )
    assert directive.source_kind == Directive.SourceKind.RECEPTION_SESSION
    with pytest.raises(DomainError):
        services.add_conclusion_item(
            session, content="Thêm", due_on=date(2026, 12, 15), owner_user=officer_a
        )


def test_the_conclusions_notice_is_a_word_document(client, leader_a, officer_a):
    import io

    from django.urls import reverse
    from docx import Document

    day = held_day(leader_a)
    services.save_session(
        day, participants="Bí thư", raised="Ngập", conclusions="Giao xử lý", today=TODAY
    )
    client.force_login(leader_a)
    body = client.get(reverse("reception:conclusions_docx", args=[day.pk])).content
    text = "\n".join(p.text for p in Document(io.BytesIO(body)).paragraphs)
    assert "THÔNG BÁO" in text and "Giao xử lý" in text


def test_the_secretary_month_is_short_with_one_held_day(leader_a):
    """Regulation 11 (KL 215): the Secretary holds ≥ 2 periodic reception days a month."""
    held_day(leader_a, on=date(2026, 10, 8))
    result = compliance.leader_compliance(
        leader_a, start=date(2026, 10, 1), end=date(2026, 11, 30), today=TODAY
    )
    october, november = result.months
    assert (october.held, october.required, october.status) == (1, 2, "short")
    assert november.status == "at_risk"


def test_a_unit_may_raise_the_minimum_for_a_post(leader_a):
    """Minimums are configurable per post; the unit's own figure replaces the default."""
    assert compliance.minimum_for(leader_a) == (2, 0)
    ReceptionMinimum.objects.create(unit=leader_a.unit, post="secretary", per_month=4)
    assert compliance.minimum_for(leader_a) == (4, 0)


def test_the_chairman_warning_appears_on_the_work_list(client, chairman_a):
    """TCD Art. 15: the Chairman receives ≥ 1 day a week; the work list warns."""
    client.force_login(chairman_a)
    response = client.get("/tiep-cong-dan/")
    assert response.context["warning"] is not None
    assert ReceptionDay.objects.count() == 0


def test_the_notice_takes_the_next_number_when_none_is_given(chairman_a, officer_a):
    """Decree 30/2020 (DOMAIN rule 24): documents are numbered per unit and year."""
    session = services.save_session(
        held_day(chairman_a), participants="", raised="", conclusions="", today=TODAY
    )
    services.add_conclusion_item(
        session, content="Kiểm tra", due_on=date(2026, 12, 1), owner_user=officer_a
    )
    services.issue_conclusions(session, issued_on=TODAY, actor=chairman_a)
    assert session.notice_number == "1/TB-UBND"
