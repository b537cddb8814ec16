"""Who is told when a case needs them: the assignee, the department, the reception desk."""

import pytest
from django.urls import reverse

from conftest import make_user
from tiepdan.accounts import roles
from tiepdan.cases import services
from tiepdan.cases.models import Case
from tiepdan.cases.tests.factories import accepted, receive
from tiepdan.notifications.models import Notification
from tiepdan.orgunits.models import Department

pytestmark = pytest.mark.django_db


def test_the_assigned_officer_is_told_by_number_and_link_only(ward_a, officer_a, leader_a):
    case = accepted(ward_a, officer_a, kind=Case.Kind.DENUNCIATION)
    handler = make_user("handler", ward_a, roles.HANDLING_OFFICER)
    services.assign(case, actor=leader_a, officer=handler)
    told = Notification.objects.get(recipient=handler)
    assert told.kind == "case_assigned"
    assert told.url == reverse("cases:detail", args=[case.pk])
    assert told.params == {"number": case.registration_number}
    assert told.unit_id == ward_a.pk


def test_without_an_officer_the_departments_staff_are_told(ward_a, officer_a, leader_a):
    department = Department.objects.create(unit=ward_a, name="Ban Đô thị", code="do-thi")
    first = make_user("first", ward_a, roles.HANDLING_OFFICER, department=department)
    second = make_user("second", ward_a, roles.HANDLING_OFFICER, department=department)
    make_user("elsewhere", ward_a, roles.HANDLING_OFFICER)
    case = accepted(ward_a, officer_a)
    services.assign(case, actor=leader_a, department=department)
    told = Notification.objects.filter(kind="case_assigned_department")
    assert {n.recipient for n in told} == {first, second}
    assert told[0].params["department"] == "Ban Đô thị"


def test_an_online_case_tells_the_reception_desk_and_a_walk_in_does_not(ward_a, officer_a):
    receive(ward_a, officer_a, channel=Case.Channel.IN_PERSON)
    assert not Notification.objects.exists()
    online = receive(ward_a, None, channel=Case.Channel.ONLINE)
    told = Notification.objects.get(kind="case_received")
    assert told.recipient == officer_a and told.params == {"number": online.registration_number}


def test_each_step_of_the_approval_loop_tells_the_next_hand(ward_a, officer_a, leader_a):
    from tiepdan.cases.services import answers

    case = accepted(ward_a, officer_a)
    draft = answers.draft_answer(case, actor=officer_a, text="Phường đã cử cán bộ kiểm tra.")
    answers.submit_answer(draft, actor=officer_a)
    assert Notification.objects.get(kind="draft_submitted").recipient == leader_a
    answers.return_answer(draft, actor=leader_a, comment="Nêu rõ ngày kiểm tra.")
    returned = Notification.objects.get(kind="draft_returned")
    assert returned.recipient == officer_a
    assert returned.params["comment"] == "Nêu rõ ngày kiểm tra."
    answers.draft_answer(case, actor=officer_a, text="Ngày 25/11 phường đã kiểm tra.")
    draft.refresh_from_db()
    answers.submit_answer(draft, actor=officer_a)
    assert Notification.objects.filter(kind="draft_submitted").count() == 2  # a new submission
    answers.approve_answer(draft, actor=leader_a)
    assert Notification.objects.get(kind="draft_approved").recipient == officer_a


def test_a_citizens_reopening_tells_the_assignee(ward_a, officer_a, leader_a):
    from datetime import date

    from tiepdan.cases.services import answers

    case = accepted(ward_a, officer_a)
    services.assign(case, actor=leader_a, officer=officer_a)
    draft = answers.draft_answer(case, actor=officer_a, text="Đã xử lý xong.")
    answers.approve_answer(draft, actor=leader_a)
    answers.send_answer(draft, actor=officer_a, today=date(2026, 11, 23))
    answers.reopen(case, reason="Chưa xử lý.", today=date(2026, 11, 24))
    assert Notification.objects.get(kind="case_reopened").recipient == officer_a


def test_a_returned_denunciations_comment_is_told_without_the_denouncers_name(
    ward_a, officer_a, leader_a
):
    from tiepdan.cases.services import answers
    from tiepdan.cases.tests.factories import CitizenFactory

    sender = CitizenFactory(full_name="Lê Văn Tố")
    case = accepted(ward_a, officer_a, kind=Case.Kind.DENUNCIATION, citizen=False)
    case.case_citizens.create(citizen=sender, role="submitter")
    draft = answers.draft_answer(case, actor=officer_a, text="Phường đã xác minh nội dung.")
    answers.submit_answer(draft, actor=officer_a)
    answers.return_answer(draft, actor=leader_a, comment="Đừng nêu tên ông Lê Văn Tố trong thư.")
    comment = Notification.objects.get(kind="draft_returned").params["comment"]
    assert "Lê Văn Tố" not in comment and comment.startswith("Đừng nêu tên ông")
