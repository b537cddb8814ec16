"""Staff pages: intake, work lists, the case page and its actions; scope and capability."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from tiepdan.cases.models import Case
from tiepdan.cases.tests.factories import accepted, classified, receive

pytestmark = pytest.mark.django_db

NOW = time_machine.travel(date(2026, 11, 23), tick=False)


@pytest.fixture(autouse=True)
def frozen():
    with NOW:
        yield


def test_it_registers_a_walk_in_case_with_its_citizen(client, officer_a):
    """Staff intake: received date, signers, a citizen with a validated CCCD and phone."""
    client.force_login(officer_a)
    response = client.post(
        reverse("cases:new"),
        {
            "channel": "in_person",
            "received_on": "2026-11-20",
            "kind": "petition",
            "subject": "Đề nghị sửa đèn chiếu sáng",
            "content": "Hẻm 42 tối om.",
            "signer_count": "6",
            "full_name": "Trần Thị Bình",
            "id_kind": "cccd",
            "id_number": "079 190 012 345",
            "phone": "0912 345 678",
            "address": "42 Lê Lợi",
        },
    )
    case = Case.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "cases:detail", args=[case.pk]
    )
    citizen = case.citizens.get()
    assert (citizen.id_number, citizen.phone) == ("079190012345", "+84912345678")
    assert case.is_multi_signer and case.received_on == date(2026, 11, 20)


def test_it_shows_a_clear_error_for_a_future_received_date(client, officer_a):
    client.force_login(officer_a)
    response = client.post(
        reverse("cases:new"),
        {
            "channel": "mail",
            "received_on": "2026-11-30",
            "kind": "feedback",
            "subject": "x",
            "content": "y",
            "signer_count": "1",
            "is_anonymous": "on",
        },
    )
    assert response.status_code == 200
    assert "không được sau ngày hôm nay" in response.content.decode()
    assert not Case.objects.exists()


def test_it_refuses_a_malformed_cccd(client, officer_a):
    """Rule 25: a CCCD has 12 digits."""
    client.force_login(officer_a)
    response = client.post(
        reverse("cases:new"),
        {
            "channel": "in_person",
            "received_on": "2026-11-20",
            "kind": "feedback",
            "subject": "x",
            "content": "y",
            "signer_count": "1",
            "full_name": "A",
            "id_kind": "cccd",
            "id_number": "12345",
        },
    )
    assert response.status_code == 200 and not Case.objects.exists()


def test_the_work_list_pages_by_due_date_without_counting(client, officer_a):
    """Lists are keyset-paginated, never COUNT(*) over everything per page (DESIGN §6)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(3):
        receive(officer_a.unit, officer_a)
    client.force_login(officer_a)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("cases:list"), {"view": "all", "sort": "due"})
    assert response.status_code == 200
    assert len(queries) <= 15
    assert not any("COUNT(" in q["sql"].upper() for q in queries.captured_queries)
    assert response.content.decode().count('name="case"') == 3


def test_keyset_pages_cover_every_case_once(ward_a, officer_a):
    from tiepdan.cases.search import worklist

    for i in range(7):
        receive(ward_a, officer_a, received_on=date(2026, 11, 1 + i % 3))
    seen, cursor = [], ""
    while True:
        page = worklist.page(Case.objects.all(), sort="due", cursor=cursor, size=3)
        seen += [c.pk for c in page.cases]
        if not page.next_cursor:
            break
        cursor = page.next_cursor
    assert sorted(seen) == sorted(Case.objects.values_list("pk", flat=True))
    assert len(seen) == len(set(seen))


def test_the_overdue_list_holds_only_cases_past_their_due_date(client, ward_a, officer_a):
    late = receive(ward_a, officer_a, received_on=date(2026, 10, 1))
    on_time = receive(ward_a, officer_a, received_on=date(2026, 11, 20))
    client.force_login(officer_a)
    html = client.get(reverse("cases:list"), {"view": "overdue"}).content.decode()
    assert late.subject in html and f'value="{late.pk}"' in html
    assert f'value="{on_time.pk}"' not in html


def test_another_wards_officer_gets_a_404(client, ward_a, officer_a, officer_b):
    """Scope: a case outside the user's units does not exist for them."""
    case = receive(ward_a, officer_a)
    client.force_login(officer_b)
    assert client.get(reverse("cases:detail", args=[case.pk])).status_code == 404


def test_a_mediator_may_not_decide(client, ward_a, officer_a, mediator_a):
    case = classified(ward_a, officer_a)
    client.force_login(mediator_a)
    assert client.get(reverse("cases:decide", args=[case.pk])).status_code == 403


def test_the_case_page_shows_the_timeline(client, ward_a, officer_a):
    case = accepted(ward_a, officer_a)
    client.force_login(officer_a)
    html = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    timeline = html[html.index('id="timeline"') :]
    assert timeline.count('<li class="mb-2">') == 3


def test_a_decision_refused_by_the_law_is_shown_next_to_the_field(client, ward_a, officer_a):
    case = classified(ward_a, officer_a, kind="denunciation", data={"competent": False})
    client.force_login(officer_a)
    response = client.post(reverse("cases:decide", args=[case.pk]), {"decision": "transfer"})
    assert response.status_code == 200
    case.refresh_from_db()
    assert case.status == "classified"


def test_the_decision_notice_is_a_word_document(client, ward_a, officer_a):
    """Rule 24: the notice in the Decree 30/2020 layout."""
    import io

    from docx import Document

    case = accepted(ward_a, officer_a)
    client.force_login(officer_a)
    response = client.get(reverse("cases:notice", args=[case.pk]))
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert "Về việc thụ lý đơn" in text and case.registration_number in text


def test_bulk_assign_assigns_the_chosen_cases(client, ward_a, officer_a, leader_a):
    cases = [receive(ward_a, officer_a) for _ in range(2)]
    client.force_login(leader_a)
    client.post(
        reverse("cases:bulk_assign"), {"case": [c.pk for c in cases], "officer": officer_a.pk}
    )
    assert Case.objects.filter(assignee=officer_a).count() == 2


def test_a_walk_in_case_starts_from_its_reception_book_entry(client, ward_a, officer_a):
    """Walk-in intake from a line of the reception book (Form 03/TCD), linked both ways."""
    from tiepdan.reception.tests.factories import EntryFactory

    entry = EntryFactory(unit=ward_a)
    client.force_login(officer_a)
    form = client.get(reverse("cases:new"), {"entry": entry.pk}).content.decode()
    assert "Phản ánh lấn chiếm vỉa hè" in form and 'value="2026-11-20"' in form
    client.post(
        reverse("cases:new"),
        {
            "entry": entry.pk,
            "channel": "in_person",
            "received_on": "2026-11-20",
            "kind": "feedback",
            "subject": "Lấn chiếm vỉa hè",
            "content": "Phản ánh lấn chiếm vỉa hè",
            "signer_count": "1",
            "full_name": "Nguyễn Văn Bình",
            "id_kind": "cccd",
            "id_number": "079085001234",
        },
    )
    case = Case.objects.get()
    assert case.reception_entry == entry and list(entry.cases.all()) == [case]


def test_an_entry_of_another_ward_is_not_found(client, ward_b, officer_a):
    from tiepdan.reception.tests.factories import EntryFactory

    entry = EntryFactory(unit=ward_b)
    client.force_login(officer_a)
    assert client.get(reverse("cases:new"), {"entry": entry.pk}).status_code == 404


def test_classifying_through_the_page_records_the_letter(client, ward_a, officer_a):
    """Classification (Circular 05/2021; rule 12): kind, signers, admissibility, competence."""
    case = receive(ward_a, officer_a)
    client.force_login(officer_a)
    response = client.post(
        reverse("cases:classify", args=[case.pk]),
        {
            "kind": "petition",
            "signer_count": "7",
            "admissible": "on",
            "competent": "on",
        },
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.status, case.kind, case.is_multi_signer) == ("classified", "petition", True)


def test_a_complaint_is_marked_complex_through_its_page(client, ward_a, officer_a, leader_a):
    case = accepted(ward_a, officer_a, kind="complaint")
    client.force_login(leader_a)
    client.post(reverse("cases:complex", args=[case.pk]), {"reason": "many_complainants"})
    case.refresh_from_db()
    assert case.is_complex and case.due_on == date(2027, 1, 7)


def test_the_unit_admin_sets_a_period_and_the_wording(client, ward_a, admin_a, officer_a):
    """Every period is a setting with its legal default and source shown (issue: deadlines)."""
    client.force_login(admin_a)
    page = client.get(reverse("cases:settings")).content.decode()
    assert "Luật Tố cáo Điều 30" in page and "Luật Khiếu nại Điều 28" in page
    from tiepdan.cases.views.settings import FieldFormSet, _templates  # noqa: F401

    data = {
        "p-reminder_working_days": "3",
        "p-feedback_answer": "5",
        "f-TOTAL_FORMS": "0",
        "f-INITIAL_FORMS": "0",
    }
    for kind, _label, form in _templates(ward_a):
        data[f"t-{kind}-summary"] = form.initial["summary"]
        data[f"t-{kind}-body"] = form.initial["body"] + (" Trân trọng." if kind == "accept" else "")
    response = client.post(reverse("cases:settings"), data)
    assert response.status_code == 302
    case = receive(ward_a, officer_a, received_on=date(2026, 11, 2))
    assert case.due_on == date(2026, 11, 9)  # 5 working days instead of 10
    from tiepdan.cases.models.settings import NoticeTemplate

    assert NoticeTemplate.objects.get(unit=ward_a, kind="accept").body.endswith("Trân trọng.")


def test_an_officer_cannot_open_the_settings(client, officer_a):
    client.force_login(officer_a)
    assert client.get(reverse("cases:settings")).status_code == 403
