"""The staff home page: each role's blocks, the scope, the empty states and the query budget."""

import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import make_user
from tiepdan.accounts import roles
from tiepdan.cases.models import Case, CaseEvent, Response
from tiepdan.cases.tests.factories import accepted, receive
from tiepdan.inbox import blocks, rows
from tiepdan.inbox.tests.conftest import TODAY, draft
from tiepdan.reception.tests.factories import EntryFactory
from tiepdan.reports.tests.factories import CaseFactory

pytestmark = pytest.mark.django_db

HOME = reverse("accounts:home")
NOTHING = "Không có việc đang chờ."


def headings(page: str) -> list[str]:
    """The blocks' titles, in page order."""
    return re.findall(r'<h3 class="card-header[^>]*>\s*<span>([^<]*)</span>', page)


def test_the_staff_home_is_the_inbox(client, officer_a):
    client.force_login(officer_a)
    page = client.get(HOME).content.decode()
    assert "<title>Việc của tôi · tiepdan</title>" in page
    assert headings(page) == [
        "Dự thảo trả lời bị trả lại",
        "Đơn được giao cho tôi",
        "Đơn mới cần phân loại",
        "Đơn chờ quyết định xử lý",
        "Thông báo bằng văn bản cần gửi",
        "Thông báo từ chối tiếp cần ban hành (Mẫu 01/TCD)",
        "Lượt đăng ký tiếp công dân sắp tới",
    ]


def test_each_role_sees_its_own_blocks(client, leader_a, mediator_a, admin_a):
    expected = {
        leader_a: [
            "Dự thảo trả lời chờ tôi duyệt",
            "Đơn chờ quyết định xử lý",
            "Lịch tiếp công dân của tôi",
            "Ý kiến chỉ đạo của tôi đã quá hạn",
            "Đối thoại còn cam kết chưa hoàn thành",
        ],
        mediator_a: ["Vụ việc hòa giải chưa bắt đầu sau 3 ngày", "Buổi hòa giải trong tuần này"],
        admin_a: [
            "Tài khoản chưa bật xác thực hai bước",
            "Ngày nghỉ, ngày làm bù cần nhập",
            "Yêu cầu tạo báo cáo bị lỗi",
        ],
    }
    for user, titles in expected.items():
        client.force_login(user)
        assert headings(client.get(HOME).content.decode()) == titles, user


def test_a_row_links_to_its_record_with_the_clock_and_the_count_in_words(client, ward_a, officer_a):
    case = receive(ward_a, officer_a, subject="Cây xanh đổ chắn lối đi")
    client.force_login(officer_a)
    page = client.get(HOME).content.decode()
    assert f'<a class="d-block text-break" href="/don-thu/{case.pk}/">' in page
    assert "Cây xanh đổ chắn lối đi" in page
    assert rows.deadline(case.due_on, TODAY).text in page
    assert '<span class="visually-hidden"> (1 việc đang chờ)</span>' in page
    see_all = (
        '<a class="small" href="/don-thu/?view=all&amp;status=received&amp;sort=due" '
        'aria-label="Xem tất cả: Đơn mới cần phân loại">'
    )
    assert see_all in page


def test_nothing_from_another_ward_reaches_the_inbox(client, ward_a, officer_a, officer_b):
    receive(officer_b.unit, officer_b, subject="Lấn chiếm vỉa hè ở phường Phước Hội")
    EntryFactory(unit=officer_b.unit, summary="Sổ tiếp của phường B", notify_by=TODAY)
    client.force_login(officer_a)
    page = client.get(HOME).content.decode()
    assert "Phước Hội" not in page and "phường B" not in page
    client.force_login(officer_b)
    page = client.get(HOME).content.decode()
    assert "Lấn chiếm vỉa hè ở phường Phước Hội" in page and "Sổ tiếp của phường B" in page


def test_an_empty_block_says_so_kindly(client, leader_a):
    client.force_login(leader_a)
    page = client.get(HOME).content.decode()
    assert page.count(NOTHING) == len(headings(page))


def test_a_user_without_a_unit_is_told_why_nothing_shows(client, db):
    client.force_login(make_user("loner", None, roles.RECEPTION_OFFICER))
    page = client.get(HOME).content.decode()
    assert "chưa được gắn với đơn vị" in page
    assert page.count(NOTHING) == len(headings(page))


def _everyone(ward_a, department_a):
    return make_user("everyone", ward_a, *roles.CAPABILITIES, department=department_a)


def test_the_page_keeps_to_its_query_budget_however_much_work_waits(
    client, django_assert_max_num_queries, ward_a, department_a
):
    """A user holding every role: about two queries a block, the same for 7 cases as for 67."""
    user = _everyone(ward_a, department_a)
    client.force_login(user)
    client.get(HOME)  # the working-day calendar is loaded once per process
    counts = []
    for more in (7, 60):
        CaseFactory.create_batch(
            more, unit=ward_a, status="received", decision="", decided_on=None, assignee=user
        )
        EntryFactory.create_batch(more, unit=ward_a, notify_by=date(2026, 11, 20))
        with django_assert_max_num_queries(40) as captured:
            assert client.get(HOME).status_code == 200
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1]


def test_every_read_of_the_inbox_is_bounded(ward_a, officer_a, leader_a, department_a):
    """No read counts a whole table or fetches without a LIMIT, unless it reads the records of
    a page already fetched (by their ids): a returned answer's comment, a denouncer's name."""
    user = _everyone(ward_a, department_a)
    CaseFactory.create_batch(8, unit=ward_a, status="received", decision="", decided_on=None)
    case = accepted(ward_a, user, kind=Case.Kind.DENUNCIATION)
    draft(case, user, Response.State.SUBMITTED)
    returned = accepted(ward_a, user)
    response = draft(returned, user, Response.State.RETURNED)
    CaseEvent.record(
        returned,
        actor=leader_a,
        kind=CaseEvent.Kind.ANSWER_RETURNED,
        response=response.pk,
        comment="Sửa",
    )
    EntryFactory(unit=ward_a, kind="denunciation", notify_by=TODAY)
    unbounded = ("orgunits_orgunit", "workcalendar_holiday")  # a subtree's ids; 2 years' days
    by_ids = re.compile(r'"\w*id" (IN \(\d|= \d)')
    user.get_all_permissions()  # the capabilities, read once per request anyway
    with CaptureQueriesContext(connection) as queries:
        found = blocks.for_user(user, TODAY)
    assert {"approve", "returned", "notices"} <= {b.key for b in found if b.count}
    for sql in (q["sql"] for q in queries.captured_queries):
        if sql.startswith("SELECT") and not any(f'FROM "{t}"' in sql for t in unbounded):
            assert "LIMIT" in sql or by_ids.search(sql), sql
