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
