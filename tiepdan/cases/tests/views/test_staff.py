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


# --- The approval loop on the case page --------------------------------------------------------


def _page(client, case):
    return client.get(reverse("cases:detail", args=[case.pk])).content.decode()


def _said(response):
    """The messages the page shows after the action."""
    return [str(m) for m in response.context["messages"]]


def _answer(ward_a, officer_a, text="Phường sẽ thu gom rác."):
    from tiepdan.cases.services import answers

    case = accepted(ward_a, officer_a)
    return case, answers.draft_answer(case, actor=officer_a, text=text)


def test_the_loop_walks_from_draft_to_approval_through_a_return(
    client, ward_a, officer_a, leader_a
):
    """Each step says what happened, and the timeline shows it."""
    case = accepted(ward_a, officer_a)
    client.force_login(officer_a)
    drafted = client.post(
        reverse("cases:answer", args=[case.pk]), {"text": "Phường sẽ thu gom."}, follow=True
    )
    assert "Đã lưu dự thảo trả lời" in _said(drafted)[0]
    response = case.responses.get()
    assert "Gửi trình duyệt" in drafted.content.decode()
    submitted = client.post(reverse("cases:submit", args=[response.pk]), follow=True)
    assert _said(submitted) == ["Đã gửi dự thảo trình lãnh đạo duyệt."]
    assert "Đang chờ lãnh đạo duyệt." in submitted.content.decode()

    client.force_login(leader_a)
    page = _page(client, case)
    assert 'name="approve-text"' in page and "Phường sẽ thu gom." in page
    assert 'name="return-comment"' in page and ">Trả lại</button>" in page
    returned = client.post(
        reverse("cases:return", args=[response.pk]),
        {"return-comment": "Nêu rõ ngày thu gom."},
        follow=True,
    )
    assert _said(returned) == ["Đã trả lại dự thảo cho người soạn kèm ý kiến."]

    client.force_login(officer_a)
    page = _page(client, case)
    comment = page[page.index('id="return-comment"') :]
    assert "Trần Quang Minh trả lại lúc" in comment and "Nêu rõ ngày thu gom." in comment
    assert "Sửa dự thảo bị trả lại" in page
    client.post(
        reverse("cases:answer", args=[case.pk]), {"text": "Thu gom ngày 24/11."}, follow=True
    )
    client.post(reverse("cases:submit", args=[response.pk]), follow=True)

    client.force_login(leader_a)
    approved = client.post(
        reverse("cases:approve", args=[response.pk]),
        {"approve-text": "Phường đã thu gom rác ngày 24/11."},
        follow=True,
    )
    assert _said(approved) == ["Đã duyệt văn bản trả lời: có thể gửi cho công dân."]
    response.refresh_from_db()
    assert (response.state, response.text) == ("approved", "Phường đã thu gom rác ngày 24/11.")
    timeline = approved.content.decode()
    timeline = timeline[timeline.index('id="timeline"') :]
    for step in (
        "Dự thảo trả lời",
        "Trình duyệt dự thảo trả lời",
        "Lãnh đạo trả lại dự thảo để sửa",
        "Ý kiến: Nêu rõ ngày thu gom.",
        "Lãnh đạo sửa nội dung trả lời",
        "Thu gom ngày 24/11.",
        "Lãnh đạo duyệt trả lời",
    ):
        assert step in timeline, step


@pytest.mark.parametrize("comment", ["", "   "])
def test_returning_without_a_comment_shows_the_error_on_the_field_and_changes_nothing(
    client, ward_a, officer_a, leader_a, comment
):
    from tiepdan.cases.services import answers

    case, response = _answer(ward_a, officer_a)
    answers.submit_answer(response, actor=officer_a)
    client.force_login(leader_a)
    page = client.post(reverse("cases:return", args=[response.pk]), {"return-comment": comment})
    assert page.status_code == 200  # the case page again, not a redirect
    form = page.context["return_form"]
    assert form.errors["comment"] == [
        "Hãy ghi rõ nội dung cần sửa: dự thảo được trả lại kèm ý kiến."
    ]
    assert "Hãy ghi rõ nội dung cần sửa" in page.content.decode()
    response.refresh_from_db()
    assert response.state == "submitted"
    assert not case.events.filter(kind="answer_returned").exists()


def test_approving_twice_says_it_was_already_approved(client, ward_a, officer_a, leader_a):
    case, response = _answer(ward_a, officer_a)
    client.force_login(leader_a)
    client.post(reverse("cases:approve", args=[response.pk]), follow=True)
    again = client.post(reverse("cases:approve", args=[response.pk]), follow=True)
    assert _said(again) == ["Văn bản trả lời này đã được duyệt."]
    assert case.events.filter(kind="answer_approved").count() == 1


def test_a_leader_of_another_ward_gets_a_404_and_an_officer_a_403(
    client, ward_a, ward_b, officer_a
):
    from conftest import make_user
    from tiepdan.accounts import roles

    _case, response = _answer(ward_a, officer_a)
    client.force_login(make_user("leader_b", ward_b, roles.LEADER))
    for name in ("approve", "return"):
        assert client.post(reverse(f"cases:{name}", args=[response.pk])).status_code == 404
    client.force_login(officer_a)
    for name in ("approve", "return"):
        assert client.post(reverse(f"cases:{name}", args=[response.pk])).status_code == 403
    response.refresh_from_db()
    assert response.state == "draft"


def test_a_leader_who_may_not_see_the_denouncer_approves_the_wording_as_written(
    client, ward_a, officer_a, leader_a
):
    """No box to edit: the redacted text posted back would drop the denouncer's name."""
    from tiepdan.cases.services import answers

    case = accepted(ward_a, officer_a, kind="denunciation")
    name = case.citizens.get().full_name
    response = answers.draft_answer(case, actor=officer_a, text=f"Kính gửi ông {name}.")
    answers.submit_answer(response, actor=officer_a)
    client.force_login(leader_a)
    page = _page(client, case)
    assert 'name="approve-text"' not in page and name not in page
    client.post(reverse("cases:approve", args=[response.pk]), {"approve-text": "Kính gửi […]."})
    response.refresh_from_db()
    assert (response.state, response.text) == ("approved", f"Kính gửi ông {name}.")


def test_the_queue_lists_the_submitted_drafts_of_the_leaders_units(
    client, ward_a, ward_b, officer_a, leader_a, officer_b
):
    """Oldest submitted first, with the drafter, the time and the due date; one click away."""
    from tiepdan.cases.services import answers

    first, first_draft = _answer(ward_a, officer_a)
    answers.submit_answer(first_draft, actor=officer_a)
    second, second_draft = _answer(ward_a, officer_a)
    answers.submit_answer(second_draft, actor=officer_a)
    _answer(ward_a, officer_a)  # drafted, not submitted
    other = accepted(ward_b, officer_b, subject="Đèn đường phường Phước Hội")
    answers.submit_answer(
        answers.draft_answer(other, actor=officer_b, text="Trả lời"), actor=officer_b
    )
    client.force_login(leader_a)
    html = client.get(reverse("cases:approvals")).content.decode()
    rows = html[html.index('id="approvals"') :]
    links = [reverse("cases:detail", args=[c.pk]) + "#answer" for c in (first, second)]
    assert rows.index(links[0]) < rows.index(links[1])
    assert rows.count("<tr>") == 3  # the header and the two submitted drafts
    assert "Phước Hội" not in rows and "Nguyễn Văn An" in rows
    assert first.due_on.strftime("%d/%m/%Y") in rows


def test_the_queue_redacts_a_denunciations_subject_for_a_leader_not_resolving_it(
    client, ward_a, officer_a, leader_a
):
    from tiepdan.cases.services import answers
    from tiepdan.cases.tests.factories import CitizenFactory

    citizen = CitizenFactory(full_name="Hoàng Thị Tố Giang")
    case = accepted(
        ward_a,
        officer_a,
        kind="denunciation",
        subject="Bà Hoàng Thị Tố Giang tố cáo cán bộ",
        citizen=False,
    )
    case.case_citizens.create(citizen=citizen)
    answers.submit_answer(
        answers.draft_answer(case, actor=officer_a, text="Trả lời"), actor=officer_a
    )
    client.force_login(leader_a)
    html = client.get(reverse("cases:approvals")).content.decode()
    assert "Bà […] tố cáo cán bộ" in html and "Giang" not in html


def test_an_officer_has_no_approval_queue(client, officer_a):
    client.force_login(officer_a)
    assert client.get(reverse("cases:approvals")).status_code == 403


def test_the_timeline_redacts_the_comment_and_the_edit_for_who_may_not_see_the_denouncer(
    client, ward_a, officer_a, leader_a, chairman_a
):
    """The leader resolving a denunciation returns and edits it naming the denouncer; the
    Chairman, not resolving it, reads both steps without the name."""
    from tiepdan.cases.services import answers

    case = accepted(ward_a, leader_a, kind="denunciation")  # leader A resolves it
    name = case.citizens.get().full_name
    response = answers.draft_answer(case, actor=officer_a, text="Kính gửi ông/bà: đã xử lý.")
    answers.submit_answer(response, actor=officer_a)
    answers.return_answer(response, actor=leader_a, comment=f"Ghi rõ tên {name}.")
    answers.draft_answer(case, actor=officer_a, text=f"Kính gửi {name}: đã xử lý.")
    answers.submit_answer(response, actor=officer_a)
    answers.approve_answer(response, actor=leader_a, text=f"Kính gửi {name}: phường đã xử lý.")
    client.force_login(chairman_a)
    page = _page(client, case)
    timeline = page[page.index('id="timeline"') :]
    assert "Ý kiến: Ghi rõ tên […]." in timeline
    assert "Kính gửi […]: phường đã xử lý." in timeline and name not in page
    client.force_login(leader_a)
    assert f"Ý kiến: Ghi rõ tên {name}." in _page(client, case)


def test_every_control_of_the_work_lists_filter_has_a_label(client, officer_a):
    """Each select and box of the filter is named by a <label for> (WCAG 1.3.1, 4.1.2)."""
    import re

    client.force_login(officer_a)
    html = client.get(reverse("cases:list")).content.decode()
    forms = [chunk.split("</form>")[0] for chunk in html.split("<form")[1:]]
    form = next(f for f in forms if 'name="kind"' in f)
    controls = re.findall(r'<(?:select|input)[^>]*\bid="([^"]+)"', form)
    labelled = set(re.findall(r'<label[^>]*\bfor="([^"]+)"', form))
    assert controls and set(controls) <= labelled, set(controls) - labelled
