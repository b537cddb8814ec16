"""Who may call the API: a key (Bearer or X-API-Key) or a signed-in person with CSRF."""

import pytest
from django.core.cache import cache
from django.test import Client

from tiepdan.integrations.services import revoke_api_key
from tiepdan.integrations.tests.factories import bearer, make_key

pytestmark = pytest.mark.django_db

ME = "/api/v1/me"


def test_an_anonymous_caller_gets_401_in_the_error_shape(client):
    response = client.get(ME)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_authenticated"
    assert response.json()["error"]["fields"] == []
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_a_bearer_key_acts_as_its_account(client, ward_a):
    api_key, plain = make_key(ward_a, "cases.view_case")
    body = client.get(ME, **bearer(plain)).json()
    assert body["api_key"] == api_key.prefix
    assert body["unit"]["code"] == "26743"
    assert body["capabilities"] == ["cases.view_case"]


def test_the_x_api_key_header_works_too(client, ward_a):
    _api_key, plain = make_key(ward_a)
    assert client.get(ME, HTTP_X_API_KEY=plain).status_code == 200


def test_a_revoked_key_gets_401(client, ward_a, admin_a):
    api_key, plain = make_key(ward_a)
    revoke_api_key(api_key, actor=admin_a)
    response = client.get(ME, **bearer(plain))
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_authenticated"


def test_a_wrong_key_never_falls_back_to_the_session(client, officer_a):
    client.force_login(officer_a)
    assert client.get(ME, **bearer("tdk_deadbeef_nope")).status_code == 401


def test_a_signed_in_person_reads_with_the_session(client, officer_a):
    client.force_login(officer_a)
    body = client.get(ME).json()
    assert body["username"] == "officer_a"
    assert body["api_key"] is None


def test_a_session_post_needs_the_csrf_token(officer_a):
    client = Client(enforce_csrf_checks=True)
    client.force_login(officer_a)
    refused = client.post("/api/v1/cases", {}, content_type="application/json")
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "csrf_failed"
    token = client.get("/tai-khoan/").cookies["csrftoken"].value
    accepted = client.post(
        "/api/v1/cases", {}, content_type="application/json", HTTP_X_CSRFTOKEN=token
    )
    assert accepted.status_code == 422  # past the CSRF check, on to validating the body


def test_the_message_follows_the_requested_language(client):
    english = client.get(ME + "?lang=en").json()["error"]["message"]
    vietnamese = client.get(ME, HTTP_ACCEPT_LANGUAGE="vi").json()["error"]["message"]
    assert english == "Sign in or send an API key."
    assert vietnamese != english


def test_the_schema_and_docs_need_a_login_or_key(client, ward_a):
    assert client.get("/api/v1/openapi.json").status_code == 401
    _api_key, plain = make_key(ward_a)
    assert client.get("/api/v1/openapi.json", **bearer(plain)).status_code == 200


def test_a_huge_body_gets_413(client, ward_a):
    _api_key, plain = make_key(ward_a)
    response = client.post(
        ME, "x" * (1024 * 1024 + 1), content_type="application/json", **bearer(plain)
    )
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "payload_too_large"


def test_too_many_requests_get_429(client, ward_a, settings):
    cache.clear()
    settings.TIEPDAN_API_RATE = "3/m"
    _api_key, plain = make_key(ward_a, name="Đo tải")
    statuses = [client.get(ME, **bearer(plain)).status_code for _ in range(5)]
    assert statuses[:3] == [200, 200, 200]
    assert statuses[-1] == 429


def test_a_leader_without_the_second_factor_cannot_use_the_session(client, leader_a, settings):
    settings.TIEPDAN_REQUIRE_2FA = True
    client.force_login(leader_a)
    response = client.get(ME)
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "two_factor_required"
    assert client.get("/api/v1/openapi.json").status_code == 401
