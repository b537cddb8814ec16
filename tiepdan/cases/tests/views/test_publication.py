"""The leader's publish and withdraw pages; the public list and page of published answers."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import translation

from tiepdan.cases import services
from tiepdan.cases.models import Case
from tiepdan.cases.services import publication
from tiepdan.cases.tests import factories
from tiepdan.cases.tests.factories import CitizenFactory, accepted

pytestmark = pytest.mark.django_db
DAY = date(2026, 11, 23)
SENDER = "Trần Thị Bích Ngọc"
PHONE, CCCD, EMAIL, STREET = "0912 345 678", "079303012345", "ngoc@example.vn", "45 Lê Thánh Tôn"
LOCATION = "trước nhà số 45 Lê Thánh Tôn"


@pytest.fixture(autouse=True)
def english(client):
    """Messages in English, in the test and on the pages."""
    client.cookies["django_language"] = "en"
    with translation.override("en"):
        yield


def answered(ward, officer, leader, *, kind="feedback", subject="Ngập nước sau mưa lớn"):
    citizen = CitizenFactory(
        full_name=SENDER, phone="+84912345678", id_number=CCCD, email=EMAIL, address=STREET
    )
    text = f"Kính gửi bà {SENDER}, {STREET}, điện thoại {PHONE}. Phường đã nạo vét hố ga."
    case = factories.answered(
        ward, officer, leader, kind=kind, subject=subject, citizen=citizen, text=text
    )
    Case.objects.filter(pk=case.pk).update(location_text=LOCATION)
    case.refresh_from_db()
    return case


@pytest.fixture
def case(ward_a, officer_a, leader_a):
    return answered(ward_a, officer_a, leader_a)


def published(case, leader, subject="Ngập nước đường Lê Lợi", answer="Phường đã nạo vét hố ga."):
    publication.publish_answer(case, actor=leader, subject=subject, answer=answer, confirmed=True)
    case.refresh_from_db()
    return case


def assert_no_personal_data(html, case):
    for secret in (SENDER, PHONE, CCCD, EMAIL, STREET, LOCATION, case.content):
        assert secret not in html
    assert case.registration_number not in html
    assert case.tracking_code not in html and case.code_display not in html


def test_a_leader_is_offered_to_publish_an_answered_case(client, case, leader_a, officer_a):
    client.force_login(leader_a)
    assert (
        reverse("cases:publish", args=[case.pk])
        in client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    )
    client.force_login(officer_a)
    html = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert reverse("cases:publish", args=[case.pk]) not in html


def test_the_form_starts_from_the_sent_answer_with_personal_data_masked(client, case, leader_a):
    client.force_login(leader_a)
    html = client.get(reverse("cases:publish", args=[case.pk])).content.decode()
    assert "Kính gửi bà ***, ***, điện thoại ***. Phường đã nạo vét hố ga." in html
    assert SENDER not in html and PHONE not in html


def test_publishing_needs_the_confirmation_then_shows_the_public_page(client, case, leader_a):
    client.force_login(leader_a)
    url = reverse("cases:publish", args=[case.pk])
    data = {"subject": "Ngập nước đường Lê Lợi", "answer": "Phường đã nạo vét hố ga."}
    response = client.post(url, data)
    assert response.status_code == 200 and "Confirm that you have read" in response.text
    assert Case.objects.published().count() == 0
    response = client.post(url, {**data, "confirmed": "on"})
    assert response["Location"] == reverse("cases:detail", args=[case.pk])
    html = client.get(response["Location"]).content.decode()
    assert reverse("cases:published_detail", args=[case.pk]) in html


def test_flagged_text_is_listed_and_published_only_when_accepted(client, case, leader_a):
    client.force_login(leader_a)
    url = reverse("cases:publish", args=[case.pk])
    data = {"subject": "Ngập nước", "answer": "Gọi 028 3829 0000.", "confirmed": "on"}
    html = client.post(url, data).content.decode()
    assert "phone number: 028 3829 0000" in html and 'name="despite_warnings"' in html
    assert Case.objects.published().count() == 0
    client.post(url, {**data, "despite_warnings": "on"})
    assert Case.objects.published().count() == 1


def test_a_leader_not_resolving_a_denunciation_never_sees_the_denouncer_named(
    client, ward_a, officer_a, leader_a
):
    case = answered(ward_a, officer_a, leader_a, kind="denunciation")
    client.force_login(leader_a)
    url = reverse("cases:publish", args=[case.pk])
    data = {"subject": "Tố cáo", "answer": f"Trả lời {SENDER}.", "confirmed": "on"}
    html = client.post(url, {**data, "despite_warnings": "on"}).content.decode()
    assert "identifies the denouncer" in html
    assert html.count(SENDER) == 1  # only in the text the leader typed, never in a message
    assert Case.objects.published().count() == 0


def test_only_a_leader_of_the_unit_may_publish(client, case, officer_a, officer_b):
    url = reverse("cases:publish", args=[case.pk])
    client.force_login(officer_a)
    assert client.get(url).status_code == 403
    client.force_login(officer_b)
    assert client.get(url).status_code == 404


def test_an_unanswered_case_is_sent_back_with_the_reason(client, ward_a, officer_a, leader_a):
    case = accepted(ward_a, officer_a)
    client.force_login(leader_a)
    response = client.get(reverse("cases:publish", args=[case.pk]), follow=True)
    assert "Only the answer of an answered or closed case" in response.text


def test_withdrawing_asks_for_a_reason(client, case, leader_a):
    published(case, leader_a)
    client.force_login(leader_a)
    url = reverse("cases:unpublish", args=[case.pk])
    assert client.post(url, {"reason": ""}).status_code == 200
    client.post(url, {"reason": "Cần bổ sung"})
    case.refresh_from_db()
    assert case.published_at is None
    assert client.get(reverse("cases:published_detail", args=[case.pk])).status_code == 404


def test_the_public_list_shows_published_answers_without_personal_data(
    client, case, ward_a, officer_a, leader_a
):
    published(case, leader_a)
    unpublished = answered(ward_a, officer_a, leader_a, subject="Đèn đường hỏng")
    html = client.get(reverse("cases:published_list", args=[ward_a.code])).content.decode()
    assert "Ngập nước đường Lê Lợi" in html
    assert reverse("cases:published_detail", args=[case.pk]) in html
    assert "Đèn đường hỏng" not in html and unpublished.subject not in html
    assert_no_personal_data(html, case)


def test_the_public_case_page_shows_the_published_answer_only(client, case, leader_a):
    published(case, leader_a)
    response = client.get(reverse("cases:published_detail", args=[case.pk]))
    html = response.content.decode()
    assert "Phường đã nạo vét hố ga." in html and '<meta property="og:title"' in html
    assert case.subject not in html  # the internal subject, not the published one
    assert_no_personal_data(html, case)


def test_an_unpublished_case_has_no_public_page(client, case):
    assert client.get(reverse("cases:published_detail", args=[case.pk])).status_code == 404


def test_the_list_searches_without_accents_and_filters_by_field(
    client, case, ward_a, officer_a, leader_a
):
    published(case, leader_a)
    other = published(
        answered(ward_a, officer_a, leader_a),
        leader_a,
        subject="Rác thải tồn đọng",
        answer="Đã thu gom.",
    )
    url = reverse("cases:published_list", args=[ward_a.code])
    html = client.get(url, {"q": "rac thai"}).content.decode()
    assert "Rác thải tồn đọng" in html and "Ngập nước đường Lê Lợi" not in html
    land, roads = services.ensure_fields(ward_a)[:2]
    Case.objects.filter(pk=case.pk).update(field=roads)
    Case.objects.filter(pk=other.pk).update(field=land)
    html = client.get(url, {"field": roads.pk}).content.decode()
    assert "Ngập nước đường Lê Lợi" in html and "Rác thải tồn đọng" not in html
    assert client.get(url, {"q": "'; DROP TABLE x; --" * 50, "page": "x"}).status_code == 200


def test_the_list_pages_newest_first(client, ward_a, officer_a, leader_a, monkeypatch):
    monkeypatch.setattr("tiepdan.cases.views.publication.PAGE_SIZE", 2)
    cases = [
        published(answered(ward_a, officer_a, leader_a), leader_a, subject=f"Vụ {i}")
        for i in range(3)
    ]
    url = reverse("cases:published_list", args=[ward_a.code])
    first = client.get(url).content.decode()
    assert first.index("Vụ 2") < first.index("Vụ 1") and "Vụ 0" not in first
    assert "Vụ 0" in client.get(url, {"page": 2}).content.decode()
    assert len(cases) == 3


def test_the_home_statistics_and_schedule_pages_link_to_the_published_answers(client, ward_a):
    link = reverse("cases:published_list", args=[ward_a.code])
    assert link in client.get(reverse("public:home")).content.decode()
    assert link in client.get(reverse("reports:public", args=[ward_a.code])).content.decode()
    assert link in client.get(reverse("reception:schedule", args=[ward_a.code])).content.decode()
