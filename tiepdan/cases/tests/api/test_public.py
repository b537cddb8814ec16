"""/api/v1/published-answers: read-only, no login, the public pages' fields and nothing more."""

from datetime import date

import pytest
import schemathesis
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from config.api import api
from tiepdan.cases import services
from tiepdan.cases.models import Case
from tiepdan.cases.services import publication
from tiepdan.cases.tests import factories
from tiepdan.cases.tests.factories import CitizenFactory

pytestmark = pytest.mark.django_db
DAY = date(2026, 11, 23)
URL = "/api/v1/published-answers"
SENDER = "Trần Thị Bích Ngọc"


def answered(ward, officer, leader, subject="Ngập nước sau mưa"):
    citizen = CitizenFactory(full_name=SENDER)
    text = f"Kính gửi bà {SENDER}."
    return factories.answered(ward, officer, leader, subject=subject, citizen=citizen, text=text)


def publish(case, leader, subject, answer="Phường đã nạo vét hố ga."):
    publication.publish_answer(case, actor=leader, subject=subject, answer=answer, confirmed=True)
    return case


@pytest.fixture
def three(ward_a, officer_a, leader_a):
    fields = services.ensure_fields(ward_a)
    cases = [
        publish(answered(ward_a, officer_a, leader_a), leader_a, f"Rác thải tồn đọng {i}")
        for i in range(3)
    ]
    Case.objects.filter(pk=cases[0].pk).update(field=fields[0])
    answered(ward_a, officer_a, leader_a, subject="Chưa công khai")
    return cases


def test_anyone_lists_a_units_published_answers_newest_first(client, three, ward_a):
    body = client.get(URL, {"unit": ward_a.code, "limit": 2}).json()
    assert [item["subject"] for item in body["items"]] == [
        "Rác thải tồn đọng 2",
        "Rác thải tồn đọng 1",
    ]
    rest = client.get(URL, {"unit": ward_a.code, "cursor": body["next_cursor"]}).json()
    assert [item["subject"] for item in rest["items"]] == ["Rác thải tồn đọng 0"]
    assert rest["next_cursor"] is None


def test_an_item_has_the_public_fields_and_no_personal_data(client, three, ward_a):
    item = client.get(f"{URL}/{three[0].pk}").json()
    assert set(item) == {
        "id",
        "unit",
        "field",
        "kind",
        "subject",
        "answer",
        "received_on",
        "answered_on",
        "published_at",
        "url",
    }
    assert item["unit"]["code"] == ward_a.code and item["field"] == "Đất đai"
    assert item["url"].endswith(f"/don-thu/tra-loi-cong-khai/{three[0].pk}/")
    text = str(item)
    assert SENDER not in text and three[0].tracking_code not in text
    assert three[0].registration_number not in text and three[0].content not in text


def test_it_filters_by_field_code_and_accent_free_words(client, three, ward_a):
    by_field = client.get(URL, {"unit": ward_a.code, "field": "dat-dai"}).json()
    assert [item["id"] for item in by_field["items"]] == [three[0].pk]
    found = client.get(URL, {"unit": ward_a.code, "q": "RAC thai 1"}).json()
    assert [item["id"] for item in found["items"]] == [three[1].pk]


def test_unknown_units_and_unpublished_cases_are_404(client, three, ward_a):
    assert client.get(URL, {"unit": "nope"}).status_code == 404
    hidden = Case.objects.get(subject="Chưa công khai")
    assert client.get(f"{URL}/{hidden.pk}").status_code == 404
    assert client.get(f"{URL}/{2**63}").status_code == 422


schema = schemathesis.openapi.from_dict(api.get_openapi_schema()).include(
    path_regex="published-answers"
)
schema.app = get_wsgi_application()


@pytest.fixture
def anonymous(three, settings):
    """No credentials at all; calls go straight to the WSGI app on the test's connection."""
    settings.TIEPDAN_API_RATE = "100000/m"
    cache.clear()
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=20,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_anonymous_calls_follow_the_schema(case, anonymous):
    case.call_and_validate(checks=[not_a_server_error, response_schema_conformance])
