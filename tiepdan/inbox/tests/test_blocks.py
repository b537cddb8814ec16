"""Each block shows the right work, oldest or most urgent first, in the user's scope only."""

from datetime import date, datetime

import pytest
from django.contrib.auth.models import Group
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import make_user
from tiepdan.accounts import roles
from tiepdan.accounts.models import User
from tiepdan.cases import services as case_services
from tiepdan.cases.identity import PROTECTED_NAME
from tiepdan.cases.models import Case, CaseEvent, Response, Status
from tiepdan.cases.tests.factories import CitizenFactory, accepted, classified, receive
from tiepdan.dialogues import services as dialogue_services
from tiepdan.dialogues.tests.conftest import held
from tiepdan.directives.models import Directive
from tiepdan.directives.tests.factories import DirectiveFactory
from tiepdan.inbox import blocks, rows
from tiepdan.inbox.tests.conftest import TODAY, VN, draft
from tiepdan.mediation import services as mediation_services
from tiepdan.mediation.tests.conftest import F, M, members, register
from tiepdan.orgunits.services import ensure_group
from tiepdan.reception import services as reception_services
from tiepdan.reception.models import ReceptionDay, ReceptionEntry, RefusalNotice
from tiepdan.reception.tests.factories import EntryFactory, ReceptionDayFactory
from tiepdan.reports.models import GeneratedReport
from tiepdan.reports.tests.factories import CaseFactory
from tiepdan.workcalendar.models import Holiday
from tiepdan.workcalendar.tests.factories import HolidayFactory

pytestmark = pytest.mark.django_db


def texts(block):
    return [row.text for row in block.rows]


def _denunciation(unit, officer, sender="Lê Thị Hồng"):
    """A denunciation whose subject names its sender, as people write them."""
    case = receive(
        unit,
        officer,
        kind=Case.Kind.DENUNCIATION,
        citizen=False,
        subject=f"Tố cáo cán bộ địa chính nhận tiền, người tố cáo {sender}",
    )
    case.case_citizens.create(citizen=CitizenFactory(full_name=sender))
    return case


# --- Reception officer ---------------------------------------------------------------------


def test_new_cases_wait_for_the_reception_officer_oldest_deadline_first(
    ward_a, officer_a, officer_b
):
    later = receive(ward_a, officer_a, received_on=date(2026, 11, 16), subject="Rác thải hẻm 12")
    earlier = receive(ward_a, officer_a, received_on=date(2026, 11, 2), subject="Đèn đường hỏng")
    receive(officer_b.unit, officer_b, subject="Việc của phường B")
    block = blocks.cases_to_classify(officer_a, TODAY)
    assert texts(block) == [
        f"{earlier.registration_number} · Đèn đường hỏng",
        f"{later.registration_number} · Rác thải hẻm 12",
    ]
    assert block.count == 2 and block.shown_count == "2"
    first = block.rows[0]
    assert first.clock == rows.deadline(earlier.due_on, TODAY)
    assert first.url == f"/don-thu/{earlier.pk}/"
    assert first.detail == f"Hạn thông báo cho công dân: {earlier.notify_due_on:%d/%m/%Y}"
    assert block.more_url == "/don-thu/?view=all&status=received&sort=due"


def test_a_classified_case_waits_for_its_decision(ward_a, officer_a):
    case = classified(ward_a, officer_a)
    assert texts(blocks.cases_to_classify(officer_a, TODAY)) == []
    assert texts(blocks.cases_to_decide(officer_a, TODAY)) == [_case_text(case)]


def _case_text(case):
    case.refresh_from_db()
    return f"{case.registration_number} · {case.subject}"


def test_a_block_counts_up_to_fifty_and_shows_five(ward_a, officer_a):
    CaseFactory.create_batch(52, unit=ward_a, status=Status.RECEIVED, decision="", decided_on=None)
    block = blocks.cases_to_classify(officer_a, TODAY)
    assert len(block.rows) == 5
    assert block.count == 51 and block.shown_count == "50+"
    assert block.count_text == "hơn 50 việc đang chờ"


def test_written_notices_due_come_overdue_first(ward_a, ward_b, officer_a):
    on_time = EntryFactory(unit=ward_a, notify_by=date(2026, 11, 26), summary="Vỉa hè")
    late = EntryFactory(unit=ward_a, notify_by=date(2026, 11, 19), summary="Cống thoát nước")
    EntryFactory(unit=ward_a, notify_by=date(2026, 12, 10))  # beyond 3 working days
    EntryFactory(unit=ward_a, notify_by=date(2026, 11, 19), notified_on=date(2026, 11, 18))
    EntryFactory(unit=ward_b, notify_by=date(2026, 11, 19))
    block = blocks.notices_due(officer_a, TODAY)
    assert texts(block) == [str(late), str(on_time)]
    assert [row.clock.level for row in block.rows] == ["late", "soon"]
    assert block.rows[0].detail == "Cống thoát nước"
    assert block.rows[0].url == f"/tiep-cong-dan/so/{late.pk}/"


def test_a_denouncer_in_the_book_is_never_named_in_the_inbox(ward_a, officer_a):
    """Not even to the officer who recorded the visit: the entry's page shows and logs it."""
    EntryFactory(
        unit=ward_a,
        received_by=officer_a,
        kind=ReceptionEntry.Kind.DENUNCIATION,
        full_name="Lê Thị Hồng",
        summary="Bà Lê Thị Hồng tố cáo cán bộ địa chính",
        notify_by=date(2026, 11, 24),
    )
    row = blocks.notices_due(officer_a, TODAY).rows[0]
    assert "Hồng" not in row.text + row.detail
    assert str(PROTECTED_NAME) in row.text


def test_refusal_notices_to_issue_come_by_deadline(ward_a, ward_b, officer_a):
    refused = dict(route=ReceptionEntry.Route.REFUSED, refusal_ground="tcd_9_3")
    due = RefusalNotice.objects.create(
        entry=EntryFactory(unit=ward_a, **refused), due_on=date(2026, 11, 25)
    )
    RefusalNotice.objects.create(
        entry=EntryFactory(unit=ward_a, **refused),
        due_on=date(2026, 11, 20),
        issued_on=date(2026, 11, 19),
    )
    RefusalNotice.objects.create(
        entry=EntryFactory(unit=ward_b, **refused), due_on=date(2026, 11, 20)
    )
    block = blocks.refusal_notices(officer_a, TODAY)
    assert texts(block) == [str(due.entry)]
    assert block.rows[0].clock.text == "Còn 1 ngày làm việc"  # 24/11 is a day off


def test_bookings_show_today_and_the_next_reception_day(ward_a, leader_a, officer_a):
    today = ReceptionDayFactory(leader=leader_a, on=TODAY)
    thursday = ReceptionDayFactory(leader=leader_a, on=date(2026, 11, 26))
    later = ReceptionDayFactory(leader=leader_a, on=date(2026, 12, 3))
    for day, phones in ((today, ["0912345001", "0912345002"]), (thursday, ["0912345003"])):
        for phone in phones:
            reception_services.book(day, full_name="Trần Văn Ba", phone=phone, subject="Đất")
    reception_services.book(later, full_name="Trần Văn Ba", phone="0912345004", subject="Đất")
    block = blocks.bookings(officer_a, TODAY)
    assert [row.url for row in block.rows] == [
        today.get_absolute_url(),
        thursday.get_absolute_url(),
    ]
    assert [row.clock.text for row in block.rows] == ["Hôm nay", "Thứ Năm"]
    assert [row.detail for row in block.rows] == ["2 lượt đăng ký", "1 lượt đăng ký"]
    assert block.count == 3


# --- Handling officer ------------------------------------------------------------------------


def test_my_cases_and_my_departments_unassigned_ones_by_due_date(
    ward_a, officer_a, handler_a, department_a
):
    mine = accepted(ward_a, officer_a, subject="Giao cho tôi")
    case_services.assign(mine, actor=officer_a, officer=handler_a)
    waiting = accepted(ward_a, officer_a, subject="Chưa có người")
    case_services.assign(waiting, actor=officer_a, department=department_a)
    other = make_user("other_handler", ward_a, roles.HANDLING_OFFICER, department=department_a)
    taken = accepted(ward_a, officer_a, subject="Của đồng nghiệp")
    case_services.assign(taken, actor=officer_a, officer=other)
    assert texts(blocks.my_cases(handler_a, TODAY)) == [_case_text(mine)]
    assert texts(blocks.department_cases(handler_a, TODAY)) == [_case_text(waiting)]
    assert blocks.department_cases(officer_a, TODAY) is None  # officer_a has no department


def test_an_answer_returned_to_me_shows_the_leaders_comment(ward_a, officer_a, leader_a, officer_b):
    case = accepted(ward_a, officer_a)
    response = draft(case, officer_a, Response.State.RETURNED)
    CaseEvent.record(
        case,
        actor=leader_a,
        kind=CaseEvent.Kind.ANSWER_RETURNED,
        response=response.pk,
        comment="Bổ sung căn cứ pháp lý",
    )
    draft(accepted(officer_b.unit, officer_b), officer_b, Response.State.RETURNED)
    block = blocks.returned_answers(officer_a, TODAY)
    assert texts(block) == [_case_text(case)]
    assert block.rows[0].detail == "Ý kiến của lãnh đạo: Bổ sung căn cứ pháp lý"
    assert [row.url for row in blocks.returned_answers(officer_b, TODAY).rows] != [
        row.url for row in block.rows
    ]


# --- Leader ----------------------------------------------------------------------------------


def test_the_leader_sees_the_drafts_awaiting_approval_of_their_ward(
    ward_a, officer_a, leader_a, officer_b, leader_b
):
    case = accepted(ward_a, officer_a)
    draft(case, officer_a, Response.State.SUBMITTED)
    draft(accepted(ward_a, officer_a, subject="Chưa trình"), officer_a, "draft")
    block = blocks.answers_to_approve(leader_a, TODAY)
    assert texts(block) == [_case_text(case)]
    assert block.rows[0].detail == f"Người soạn: {officer_a}"
    assert blocks.answers_to_approve(leader_b, TODAY).count == 0


def test_a_denunciations_subject_is_redacted_for_whoever_may_not_see_the_sender(
    ward_a, officer_a, leader_a
):
    case = _denunciation(ward_a, officer_a)
    colleague = make_user("reception_a2", ward_a, roles.RECEPTION_OFFICER)
    assert "Lê Thị Hồng" in blocks.cases_to_classify(officer_a, TODAY).rows[0].text  # registered it
    shown = blocks.cases_to_classify(colleague, TODAY).rows[0].text
    assert "Hồng" not in shown and "[…]" in shown
    Case.objects.filter(pk=case.pk).update(status=Status.IN_PROGRESS)
    case.refresh_from_db()
    draft(case, officer_a, Response.State.SUBMITTED)
    assert "Hồng" not in blocks.answers_to_approve(leader_a, TODAY).rows[0].text


def test_the_leaders_reception_days_come_with_the_regulation_11_warning(
    ward_a, leader_a, chairman_a
):
    """A Secretary receives at least 2 days a month (Regulation 11); none held by 23/11."""
    published = ReceptionDayFactory(leader=leader_a, on=date(2026, 12, 10))
    unpublished = ReceptionDayFactory(
        leader=leader_a, on=date(2026, 11, 27), status=ReceptionDay.Status.DRAFT
    )
    ReceptionDayFactory(leader=chairman_a, on=date(2026, 11, 26))
    block = blocks.my_reception_days(leader_a, TODAY)
    assert [row.url for row in block.rows] == [
        unpublished.get_absolute_url(),
        published.get_absolute_url(),
    ]
    # Friday 27/11 had to be published 5 working days before (24/11 is off): by 19/11.
    assert block.rows[0].detail == "Chưa công bố: công bố chậm nhất ngày 19/11/2026"
    assert block.rows[0].clock.level == "late"
    assert block.note.startswith("Quy định 11: tháng này đồng chí đã tiếp 0 trên 2 ngày")


def test_the_leader_sees_the_overdue_directives_they_issued(
    ward_a, leader_a, chairman_a, officer_a
):
    def directive(issued_by, due_on, **fields):
        return DirectiveFactory(
            unit=ward_a, issued_by=issued_by, owner_user=officer_a, due_on=due_on, **fields
        )

    mine = directive(leader_a, date(2026, 11, 16))
    directive(leader_a, date(2026, 11, 30))
    directive(leader_a, date(2026, 11, 16), status=Directive.Status.DONE)
    directive(chairman_a, date(2026, 11, 16))
    block = blocks.overdue_directives(leader_a, TODAY)
    assert texts(block) == [mine.title]
    assert block.rows[0].detail == f"{officer_a} · đã thực hiện 0%"
    assert block.rows[0].clock.text == "Quá hạn 5 ngày làm việc"


def test_dialogues_with_open_commitments_nearest_deadline_first(ward_a, leader_a, officer_a):
    with_open = held(leader_a, ward_a)
    commitments = (("Lát lại vỉa hè", date(2026, 12, 20)), ("Dời trụ điện", date(2026, 12, 15)))
    for title, due in commitments:
        dialogue_services.add_commitment(
            with_open, title=title, actor=leader_a, owner_user=officer_a, due_on=due
        )
    finished = held(leader_a, ward_a)
    done = dialogue_services.add_commitment(
        finished, title="Xong", actor=leader_a, owner_user=officer_a, due_on=date(2026, 12, 15)
    )
    Directive.objects.filter(pk=done.pk).update(status=Directive.Status.DONE)
    block = blocks.open_commitments(leader_a, TODAY)
    assert texts(block) == [str(with_open)]
    assert block.rows[0].detail == "2 cam kết chưa hoàn thành"
    assert block.rows[0].clock.on == date(2026, 12, 15)


# --- Mediator --------------------------------------------------------------------------------


@pytest.fixture
def team(group_a):
    return mediation_services.establish_team(
        group=group_a,
        name="Tổ hòa giải Khu phố 1",
        mediators=members(F, M, M),
        leader_index=1,
        leader_decision_number="125/QĐ-UBND",
        leader_decision_on=date(2026, 1, 15),
    )


def test_mediation_not_started_three_days_after_assignment(team, mediator_a, ward_b):
    mediators = list(team.mediators.all()[:1])
    late = register(team, mediator_a, mediators=mediators, assigned_on=date(2026, 11, 16))
    # Assigned on Friday 20/11: the 3 days end on Monday 23/11, today, so not late yet.
    register(team, mediator_a, mediators=mediators, assigned_on=date(2026, 11, 20))
    started = register(team, mediator_a, mediators=mediators, assigned_on=date(2026, 11, 16))
    mediation_services.record_session(
        started, held_on=date(2026, 11, 18), place="Nhà văn hóa", notes="Nghe hai bên trình bày"
    )
    register(team, mediator_a)  # no mediator assigned yet
    block = blocks.mediation_not_started(mediator_a, TODAY)
    assert texts(block) == [str(late)]
    assert block.rows[0].clock.text == "Quá hạn 2 ngày làm việc"  # due Thursday 19/11


def test_the_mediation_sessions_of_this_week(team, mediator_a, ward_b):
    case = register(team, mediator_a)
    for day in (date(2026, 11, 20), date(2026, 11, 25), date(2026, 11, 29), date(2026, 11, 30)):
        mediation_services.record_session(case, held_on=day, place="Nhà văn hóa", notes="Buổi")
    other_team = mediation_services.establish_team(
        group=ensure_group(ward_b, "Khu phố 2"), name="Tổ hòa giải B", mediators=members(F, M, M)
    )
    mediation_services.record_session(
        register(other_team), held_on=date(2026, 11, 24), place="B", notes="Buổi"
    )
    block = blocks.mediation_sessions(mediator_a, TODAY)
    assert [row.clock.on for row in block.rows] == [date(2026, 11, 25), date(2026, 11, 29)]


# --- Unit administrator ----------------------------------------------------------------------


def test_accounts_that_still_owe_two_factor_sign_in(
    admin_a, leader_a, chairman_a, officer_a, leader_b
):
    TOTPDevice.objects.create(user=chairman_a, name="tiepdan", confirmed=True)
    TOTPDevice.objects.create(user=leader_a, name="tiepdan", confirmed=False)  # not enrolled
    block = blocks.second_factor_missing(admin_a, TODAY)
    assert texts(block) == [f"{admin_a} (admin_a)", f"{leader_a} (leader_a)"]
    assert block.rows[1].url == f"/tai-khoan/nguoi-dung/{leader_a.pk}/"


def test_the_next_years_calendar_is_asked_for_from_october(admin_a):
    assert Holiday.objects.filter(year=2026).exists()
    block = blocks.calendar_missing(admin_a, TODAY)
    assert texts(block) == ["Năm 2027: chưa nhập ngày nào"]
    assert block.rows[0].url == "/lich-lam-viec/2027/"
    assert blocks.calendar_missing(admin_a, date(2026, 9, 30)).count == 0
    HolidayFactory(date=date(2027, 2, 15))
    assert blocks.calendar_missing(admin_a, TODAY).count == 0


def test_failed_and_stuck_report_jobs_of_my_units(admin_a, ward_a, ward_b):
    def report(unit, status, **fields):
        return GeneratedReport.objects.create(
            unit=unit, kind="state", period="2026-10", status=status, **fields
        )

    failed = report(ward_a, "failed", error="Thiếu số liệu tháng 10")
    stuck = report(ward_a, "pending")
    GeneratedReport.objects.filter(pk=stuck.pk).update(
        created_at=datetime(2026, 11, 23, 7, 0, tzinfo=VN)
    )
    report(ward_a, "pending")  # asked for just now
    report(ward_a, "done")
    report(ward_b, "failed", error="B")
    old = report(ward_a, "failed", error="Cũ")
    GeneratedReport.objects.filter(pk=old.pk).update(created_at=datetime(2026, 9, 1, tzinfo=VN))
    block = blocks.failed_jobs(admin_a, TODAY)
    assert [row.url for row in block.rows] == [f"/bao-cao/{failed.pk}/", f"/bao-cao/{stuck.pk}/"]
    assert block.rows[0].detail == "Thiếu số liệu tháng 10"
    assert block.rows[1].detail.startswith("Vẫn đang chờ")


# --- The union of roles ----------------------------------------------------------------------


def test_a_user_with_several_roles_sees_each_block_once(ward_a):
    everything = make_user("everything", ward_a, *roles.CAPABILITIES)
    keys = [block.key for block in blocks.for_user(everything, TODAY)]
    assert len(keys) == len(set(keys)) == len(blocks.BLOCKS) - 1  # no department: no such block


def test_the_blocks_follow_the_capabilities(officer_a, leader_a, mediator_a, admin_a):
    def keys(user):
        return {block.key for block in blocks.for_user(user, TODAY)}

    assert keys(officer_a) == {
        "returned",
        "mine",
        "classify",
        "decide",
        "notices",
        "refusals",
        "bookings",
    }
    assert keys(leader_a) == {"approve", "decide", "reception_days", "directives", "dialogues"}
    assert keys(mediator_a) == {"mediation_late", "mediation_week"}
    assert keys(admin_a) == {"two_factor", "calendar", "jobs"}
    Group.objects.get(name=roles.MEDIATOR).user_set.add(admin_a)
    admin_a = User.objects.get(pk=admin_a.pk)  # capabilities are cached on the instance
    assert keys(admin_a) == {"two_factor", "calendar", "jobs", "mediation_late", "mediation_week"}
