"""Whatever arrives in Open311 parameters, the answer is the spec's format, never a 5xx."""

import json

import pytest
from django.core.cache import cache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tiepdan.cases.services import ensure_fields
from tiepdan.integrations.tests.factories import make_key

pytestmark = pytest.mark.django_db

GET_PARAMS = ["service_request_id", "service_code", "start_date", "end_date", "status"]
POST_PARAMS = [
    "service_code",
    "lat",
    "long",
    "address_string",
    "address_id",
    "description",
    "email",
    "first_name",
    "last_name",
    "phone",
    "media_url",
    "attribute[kind]",
    "device_id",
]
values = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        ["", "open", "closed", "2026-11-01T00:00:00Z", "1e309", "nan", "-91", "x" * 5000]
    ),
)
coordinates = st.one_of(st.floats(-200, 200, allow_nan=False).map(str), values)
FUZZ = settings(
    max_examples=40,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture
def ward(ward_a, settings):
    settings.TIEPDAN_API_RATE = "100000/m"
    cache.clear()
    ensure_fields(ward_a)
    return ward_a


def check(response):
    assert response.status_code < 500, response.content[:300]
    body = json.loads(response.content)
    if response.status_code >= 400:
        assert body[0]["code"] == response.status_code and body[0]["description"]


@FUZZ
@given(params=st.dictionaries(st.sampled_from(GET_PARAMS), values, max_size=5))
def test_get_requests_never_fails(client, ward, params):
    check(client.get("/open311/v2/requests.json", {"jurisdiction_id": "26743", **params}))


@FUZZ
@given(
    params=st.fixed_dictionaries(
        {
            "service_code": st.sampled_from(["moi-truong", "dat-dai", "khong-co"]),
            "address_string": st.text(min_size=1, max_size=80),
        },
        optional={
            name: values if name not in ("lat", "long") else coordinates
            for name in POST_PARAMS
            if name not in ("service_code", "address_string")
        },
    )
)
def test_post_requests_never_fails(client, ward, params):
    _key, plain = make_key(ward, "cases.receive_case")
    data = {"jurisdiction_id": "26743", "api_key": plain, **params}
    check(client.post("/open311/v2/requests.json", data))
