"""The answer: drafted, approved by a leader, sent; rated, reopened in time, closed."""

import io
from datetime import date

import pytest
from django.core import mail
from django.utils import translation
from docx import Document

from tiepdan.cases.models import Response
from tiepdan.cases.services import answers
from tiepdan.cases.tests.factories import accepted
from tiepdan.lib.errors import Conflict, DomainError

pytestmark = pytest.mark.django_db
DAY = date(2026, 11, 23)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def answered(ward_a, officer_a, leader_a):
    case = accepted(ward_a, officer_a, kind="complaint")
    response = answers.draft_answer(case, actor=officer_a, text="Trả lời: đã xử lý.")
    answers.approve_answer(response, actor=leader_a)
    answers.send_answer(response, actor=officer_a, today=DAY)
    return case


def test_an_answer_cannot_be_sent_without_approval(ward_a, officer_a):
    """The answer is approved by a leader before it is sent; nothing is half-saved."""
    case = accepted(ward_a, officer_a)
    response = answers.draft_answer(case, actor=officer_a, text="Dự thảo")
    with pytest.raises(Conflict, match="approved by a leader"):
        answers.send_answer(response, actor=officer_a, today=DAY)
    case.refresh_from_db()
    response.refresh_from_db()
    assert (case.status, response.state) == ("accepted", "draft")


def test_sending_makes_the_case_answered_and_tells_the_citizen(
    ward_a, officer_a, leader_a, django_capture_on_commit_callbacks
):
    case = accepted(ward_a, officer_a)
    response = answers.draft_answer(case, actor=officer_a, text="Đã sửa đèn đường.")
    answers.approve_answer(response, actor=leader_a)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        answers.send_answer(response, actor=officer_a, today=DAY)
    case.refresh_from_db()
    assert case.status == "answered" and case.answered_on == DAY
    assert len(mail.outbox) == 1
    text = "\n".join(p.text for p in Document(io.BytesIO(response.document.read())).paragraphs)
    assert "Đã sửa đèn đường." in text and "VĂN BẢN TRẢ LỜI" in text


def test_a_complaint_reopened_in_time_goes_to_its_second_round(answered):
    """Law on Complaints Arts. 33, 37: filed within 30 days; second round 45 days."""
    answers.reopen(answered, reason="Chưa đồng ý", today=date(2026, 12, 23))
    assert (answered.status, answered.stage) == ("reopened", "second_round")
    assert answered.due_on == date(2027, 2, 11)  # 23/12 + 45 = 6/2/2027 (Tết) → 11/2


def test_a_case_cannot_be_reopened_after_the_window(answered):
    with pytest.raises(DomainError, match="ended on 23/12/2026"):
        answers.reopen(answered, reason="Muộn", today=date(2026, 12, 24))


def test_a_rating_is_given_once(answered):
    answers.rate(answered, rating=5)
    with pytest.raises(Conflict):
        answers.rate(answered, rating=1)


def test_closing_needs_an_answered_case(ward_a, officer_a, answered):
    answers.close(answered, actor=officer_a, today=DAY)
    assert answered.status == "closed"
    with pytest.raises(Conflict):
        answers.close(accepted(ward_a, officer_a), actor=officer_a, today=DAY)
    assert Response.objects.filter(state="sent").count() == 1


def test_the_citizen_gets_a_text_message_through_the_sms_interface(
    ward_a, officer_a, leader_a, caplog, django_capture_on_commit_callbacks
):
    """The SMS backend is an interface; the logging implementation records each message."""
    case = accepted(ward_a, officer_a)
    response = answers.draft_answer(case, actor=officer_a, text="Đã xử lý.")
    answers.approve_answer(response, actor=leader_a)
    with (
        caplog.at_level("INFO", logger="tiepdan.sms"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        answers.send_answer(response, actor=officer_a, today=DAY)
    assert any(
        "+84912345678" in r.message and case.code_display in r.message for r in caplog.records
    )


def test_a_signed_pdf_is_kept_as_the_answer_document(ward_a, officer_a, leader_a):
    from tiepdan.lib.uploads import CleanFile

    case = accepted(ward_a, officer_a)
    response = answers.draft_answer(case, actor=officer_a, text="Đã xử lý.")
    answers.approve_answer(response, actor=leader_a)
    with pytest.raises(DomainError):
        answers.send_answer(
            response, actor=officer_a, today=DAY, signed=CleanFile("a.png", "image/png", b"x")
        )
    pdf = CleanFile("tra-loi.pdf", "application/pdf", b"%PDF-1.4 signed")
    answers.send_answer(response, actor=officer_a, today=DAY, signed=pdf)
    assert response.document.name.endswith(".pdf") and response.document.read() == pdf.data


# --- The approval loop ------------------------------------------------------------------------


def _steps(case):
    """The answer's steps on the timeline, with what each step's data holds beyond the answer."""
    return [
        (e.kind, {k: v for k, v in e.data.items() if k != "response"})
        for e in case.events.filter(kind__startswith="answer_").order_by("at", "id")
    ]


def test_the_loop_goes_draft_submit_return_revise_resubmit_approve_with_an_edit_send(
    ward_a, officer_a, leader_a
):
    """Every step is one event of the case, with the return's comment and the leader's edit."""
    case = accepted(ward_a, officer_a)
    response = answers.draft_answer(case, actor=officer_a, text="Phường sẽ xem xét.")
    answers.submit_answer(response, actor=officer_a)
    assert (response.state, response.submitted_by) == ("submitted", officer_a)
    answers.return_answer(response, actor=leader_a, comment="  Nêu rõ ngày thu gom.  ")
    assert response.state == "returned"
    assert response.last_return().data["comment"] == "Nêu rõ ngày thu gom."
    revised = answers.draft_answer(case, actor=officer_a, text="Phường thu gom ngày 24/11.")
    assert (revised.pk, revised.state) == (response.pk, "draft")
    answers.submit_answer(revised, actor=officer_a)
    answers.approve_answer(revised, actor=leader_a, text="Phường đã thu gom rác ngày 24/11.")
    answers.send_answer(revised, actor=officer_a, today=DAY)
    revised.refresh_from_db()
    assert (revised.state, revised.text) == ("sent", "Phường đã thu gom rác ngày 24/11.")
    assert revised.approved_by == leader_a
    assert _steps(case) == [
        ("answer_drafted", {}),
        ("answer_submitted", {}),
        ("answer_returned", {"comment": "Nêu rõ ngày thu gom."}),
        ("answer_drafted", {}),
        ("answer_submitted", {}),
        (
            "answer_edited",
            {
                "edited": True,
                "before": "Phường thu gom ngày 24/11.",
                "after": "Phường đã thu gom rác ngày 24/11.",
            },
        ),
        ("answer_approved", {}),
        ("answer_sent", {}),
    ]
    actors = case.events.filter(kind__startswith="answer_").values_list("actor", flat=True)
    officer, leader = officer_a.pk, leader_a.pk
    assert list(actors) == [officer, officer, leader, officer, officer, leader, leader, officer]


@pytest.mark.parametrize("comment", ["", "   \n "])
def test_a_draft_is_not_returned_without_a_comment(ward_a, officer_a, leader_a, comment):
    case = accepted(ward_a, officer_a)
    response = answers.draft_answer(case, actor=officer_a, text="Dự thảo")
    answers.submit_answer(response, actor=officer_a)
    with pytest.raises(DomainError, match="returned with a comment") as refused:
        answers.return_answer(response, actor=leader_a, comment=comment)
    assert refused.value.field == "comment"
    response.refresh_from_db()
    assert response.state == "submitted"
    assert not case.events.filter(kind="answer_returned").exists()


def test_only_a_submitted_draft_is_returned(ward_a, officer_a, leader_a):
    case = accepted(ward_a, officer_a)
    response = answers.draft_answer(case, actor=officer_a, text="Dự thảo")
    with pytest.raises(Conflict, match="awaiting approval"):
        answers.return_answer(response, actor=leader_a, comment="Sửa lại")


def test_an_answer_is_approved_once(ward_a, officer_a, leader_a, chairman_a):
    """A second approval, even by another leader holding a stale copy, is a conflict."""
    case = accepted(ward_a, officer_a)
    response = answers.draft_answer(case, actor=officer_a, text="Dự thảo")
    answers.submit_answer(response, actor=officer_a)
    stale = Response.objects.get(pk=response.pk)
    answers.approve_answer(response, actor=leader_a)
    with pytest.raises(Conflict, match="already been approved"):
        answers.approve_answer(stale, actor=chairman_a)
    assert case.events.filter(kind="answer_approved").count() == 1


def test_a_leader_approving_a_plain_draft_submits_and_approves_it_in_one_step(
    ward_a, officer_a, leader_a
):
    case = accepted(ward_a, officer_a)
    response = answers.draft_answer(case, actor=officer_a, text="Dự thảo")
    answers.approve_answer(response, actor=leader_a)
    assert (response.state, response.submitted_by) == ("approved", leader_a)
    assert [k for k, _data in _steps(case)] == [
        "answer_drafted",
        "answer_submitted",
        "answer_approved",
    ]


def test_approving_the_wording_unchanged_records_no_edit(ward_a, officer_a, leader_a):
    """A browser sends the box back with CRLF line ends: that is not an edit."""
    case = accepted(ward_a, officer_a)
    response = answers.draft_answer(case, actor=officer_a, text="Dòng một.\nDòng hai.")
    answers.submit_answer(response, actor=officer_a)
    answers.approve_answer(response, actor=leader_a, text="Dòng một.\r\nDòng hai.\r\n")
    assert not case.events.filter(kind="answer_edited").exists()
    response.refresh_from_db()
    assert response.text == "Dòng một.\nDòng hai."


def test_a_blank_edit_is_refused_on_the_text(ward_a, officer_a, leader_a):
    case = accepted(ward_a, officer_a)
    response = answers.draft_answer(case, actor=officer_a, text="Dự thảo")
    answers.submit_answer(response, actor=officer_a)
    with pytest.raises(DomainError) as refused:
        answers.approve_answer(response, actor=leader_a, text="  ")
    assert refused.value.field == "text"
    response.refresh_from_db()
    assert response.state == "submitted"


def test_a_returned_draft_is_revised_before_it_is_submitted_or_approved(
    ward_a, officer_a, leader_a
):
    case = accepted(ward_a, officer_a)
    response = answers.draft_answer(case, actor=officer_a, text="Dự thảo")
    answers.submit_answer(response, actor=officer_a)
    answers.return_answer(response, actor=leader_a, comment="Bổ sung căn cứ pháp lý.")
    with pytest.raises(Conflict, match="Revise"):
        answers.submit_answer(response, actor=officer_a)
    with pytest.raises(Conflict, match="revised and submitted again"):
        answers.approve_answer(response, actor=leader_a)


def test_a_submitted_draft_is_not_rewritten_nor_submitted_twice(ward_a, officer_a):
    case = accepted(ward_a, officer_a)
    response = answers.draft_answer(case, actor=officer_a, text="Dự thảo")
    answers.submit_answer(response, actor=officer_a)
    with pytest.raises(Conflict, match="already awaiting approval"):
        answers.submit_answer(response, actor=officer_a)
    with pytest.raises(Conflict, match="awaiting the leader's approval"):
        answers.draft_answer(case, actor=officer_a, text="Bản khác")
    assert list(case.responses.values_list("text", flat=True)) == ["Dự thảo"]


def test_an_approved_answer_is_sent_as_it_stands(ward_a, officer_a, leader_a):
    """No second draft beside it: what the leader approved is what the citizen gets."""
    case = accepted(ward_a, officer_a)
    response = answers.draft_answer(case, actor=officer_a, text="Dự thảo")
    answers.approve_answer(response, actor=leader_a)
    with pytest.raises(Conflict, match="approved"):
        answers.draft_answer(case, actor=officer_a, text="Bản khác")
    assert list(case.responses.values_list("state", "text")) == [("approved", "Dự thảo")]


def test_only_the_drafter_or_a_handling_officer_submits(ward_a, officer_a, mediator_a):
    from tiepdan.lib.errors import NotAllowed

    case = accepted(ward_a, officer_a)
    response = answers.draft_answer(case, actor=officer_a, text="Dự thảo")
    with pytest.raises(NotAllowed):
        answers.submit_answer(response, actor=mediator_a)
    assert Response.objects.get(pk=response.pk).state == "draft"


def test_the_wording_of_a_denunciation_is_edited_only_by_who_may_see_the_denouncer(
    ward_a, officer_a, leader_a
):
    """Leader A does not resolve it and reads the draft redacted: an edit would drop the name."""
    from tiepdan.lib.errors import NotAllowed

    case = accepted(ward_a, officer_a, kind="denunciation")
    response = answers.draft_answer(case, actor=officer_a, text="Kính gửi ông Dân: đã xử lý.")
    answers.submit_answer(response, actor=officer_a)
    with pytest.raises(NotAllowed):
        answers.approve_answer(response, actor=leader_a, text="Kính gửi […]: đã xử lý.")
    answers.approve_answer(response, actor=leader_a)
    assert Response.objects.get(pk=response.pk).text == "Kính gửi ông Dân: đã xử lý."
