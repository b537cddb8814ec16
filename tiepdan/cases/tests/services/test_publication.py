"""Publishing an answer: only final answers, the leader's confirmed text, no personal data."""

from datetime import date

import pytest
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tiepdan.cases.models import Case, CaseEvent
from tiepdan.cases.services import answers, publication
from tiepdan.cases.tests import factories
from tiepdan.cases.tests.factories import CitizenFactory, receive
from tiepdan.citizens.models import Citizen
from tiepdan.lib.errors import Conflict, DomainError

pytestmark = pytest.mark.django_db
DAY = date(2026, 11, 23)
SENDER = "Trần Thị Bích Ngọc"
ANSWER = (
    f"Kính gửi bà {SENDER} (số 45 Lê Thánh Tôn, điện thoại 0912 345 678). "
    "Phường đã nạo vét hố ga và sửa mặt đường trong 7 ngày."
)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def answered(unit, officer, leader, *, kind="feedback", text=ANSWER):
    citizen = CitizenFactory(
        full_name=SENDER,
        phone="+84912345678",
        id_number="079303012345",
        email="ngoc@example.vn",
        address="45 Lê Thánh Tôn, Phường Bến Thành",
    )
    return factories.answered(unit, officer, leader, kind=kind, citizen=citizen, text=text)


@pytest.fixture
def case(ward_a, officer_a, leader_a):
    return answered(ward_a, officer_a, leader_a)


def publish(case, leader, **kwargs):
    data = {
        "subject": "Ngập nước đường Lê Lợi sau mưa",
        "answer": "Phường đã nạo vét hố ga và sửa mặt đường trong 7 ngày.",
        "confirmed": True,
    }
    return publication.publish_answer(case, actor=leader, **{**data, **kwargs})


def test_it_proposes_the_sent_answer_with_personal_data_masked(case):
    subject, answer = publication.proposed_text(case)
    assert subject == case.subject
    assert SENDER not in answer and "0912" not in answer and "45 Lê Thánh Tôn" not in answer
    assert answer.startswith("Kính gửi bà *** (số ***, điện thoại ***).")
    assert "nạo vét hố ga" in answer


def test_it_publishes_the_confirmed_text_with_a_timeline_event(case, leader_a):
    publish(case, leader_a)
    case.refresh_from_db()
    assert case.published_at is not None
    assert case.public_answer.startswith("Phường đã nạo vét")
    assert Case.objects.published().filter(pk=case.pk).exists()
    event = case.events.get(kind=CaseEvent.Kind.PUBLISHED)
    assert event.actor == leader_a and event.is_public


def test_it_never_publishes_without_the_leaders_confirmation(case, leader_a):
    with pytest.raises(DomainError) as exc:
        publish(case, leader_a, confirmed=False)
    assert exc.value.field == "confirmed"
    case.refresh_from_db()
    assert case.published_at is None and not case.events.filter(kind="published").exists()


@pytest.mark.parametrize(
    "text",
    [
        f"Trả lời bà {SENDER}.",
        "Trả lời bà tran thi bich ngoc.",  # without accents
        "Liên hệ 0912.345.678.",
        "CCCD 079303012345.",
        "Thư gửi ngoc@example.vn.",
        "Gặp tại 45 Le Thanh Ton.",
        "Đường dây nóng của phường: 028 3829 0000.",  # any phone number is flagged
    ],
)
def test_it_warns_of_anything_that_looks_like_personal_data(case, leader_a, text):
    with pytest.raises(DomainError, match="personal data") as exc:
        publish(case, leader_a, answer=text)
    assert exc.value.field == "despite_warnings"
    assert Case.objects.published().count() == 0


def test_the_leader_may_publish_despite_a_warning_they_checked(case, leader_a):
    text = "Đường dây nóng của phường: 028 3829 0000."
    publish(case, leader_a, answer=text, despite_warnings=True)
    case.refresh_from_db()
    assert case.public_answer == text and case.events.get(kind="published").data["warnings"] == 1


def test_it_refuses_a_denunciation_answer_that_names_the_denouncer(ward_a, officer_a, leader_a):
    """Even when the leader accepts the warnings (Law on Denunciations Art. 47)."""
    case = answered(ward_a, officer_a, leader_a, kind="denunciation")
    with pytest.raises(Conflict, match="identifies the denouncer") as exc:
        publish(
            case,
            leader_a,
            answer=f"Kết luận nội dung tố cáo của bà {SENDER}.",
            despite_warnings=True,
        )
    assert SENDER not in exc.value.message
    case.refresh_from_db()
    assert case.published_at is None


def test_a_denunciation_conclusion_without_the_denouncer_is_published(ward_a, officer_a, leader_a):
    case = answered(ward_a, officer_a, leader_a, kind="denunciation")
    publish(case, leader_a, answer="Nội dung tố cáo là đúng một phần; đã kiểm điểm cán bộ.")
    case.refresh_from_db()
    assert case.published_at is not None


@pytest.mark.parametrize("status", ["received", "accepted", "in_progress", "reopened", "archived"])
def test_only_an_answered_or_closed_case_is_published(ward_a, officer_a, leader_a, status):
    case = receive(ward_a, officer_a)
    Case.objects.filter(pk=case.pk).update(status=status)
    case.refresh_from_db()
    with pytest.raises(Conflict, match="answered or closed"):
        publish(case, leader_a)


def test_a_duplicate_is_not_published_its_original_is(case, ward_a, officer_a, leader_a):
    other = answered(ward_a, officer_a, leader_a)
    Case.objects.filter(pk=other.pk).update(duplicate_of=case)
    other.refresh_from_db()
    with pytest.raises(Conflict, match="duplicate"):
        publish(other, leader_a)


def test_a_closed_case_is_published_and_a_correction_keeps_the_date(case, officer_a, leader_a):
    answers.close(case, actor=officer_a, today=DAY)
    first = publish(case, leader_a).published_at
    publish(case, leader_a, subject="Sửa mặt đường Lê Lợi")
    case.refresh_from_db()
    assert case.published_at == first and case.public_subject == "Sửa mặt đường Lê Lợi"
    assert case.events.filter(kind="published").count() == 2


def test_withdrawing_needs_a_reason_and_keeps_the_text(case, leader_a):
    publish(case, leader_a)
    with pytest.raises(DomainError):
        publication.unpublish_answer(case, actor=leader_a, reason=" ")
    publication.unpublish_answer(case, actor=leader_a, reason="Cần bổ sung số liệu")
    case.refresh_from_db()
    assert case.published_at is None and case.public_answer
    assert case.events.get(kind="unpublished").text == "Cần bổ sung số liệu"
    with pytest.raises(Conflict):
        publication.unpublish_answer(case, actor=leader_a, reason="lần nữa")


def test_reopening_takes_the_answer_off_the_public_pages(case, leader_a):
    publish(case, leader_a)
    answers.reopen(case, reason="Chưa đồng ý", today=DAY)
    case.refresh_from_db()
    assert case.status == "reopened" and case.published_at is None
    assert case.events.filter(kind="unpublished").exists()


def test_search_ignores_accents_case_and_word_order(case, ward_a, ward_b, leader_a):
    publish(case, leader_a, subject="Ngập nước đường Lê Lợi", answer="Đã nạo vét hố ga.")
    found = lambda q: list(publication.published_in(ward_a, query=q))  # noqa: E731
    assert found("ngap nuoc") == [case]
    assert found("HO GA le loi") == [case]
    assert found("đèn đường") == []
    assert list(publication.published_in(ward_b)) == []


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(st.text(max_size=200))
def test_masking_leaves_nothing_that_is_found_again(text):
    people = [Citizen(full_name=SENDER, phone="+84912345678", id_number="079303012345")]
    masked = publication.mask(text, publication.find_personal_data(text, people))
    assert not [f for f in publication.find_personal_data(masked, people) if f.of_sender]
