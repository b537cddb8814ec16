"""Open311 GeoReport v2, written from the specification's own examples (wiki.open311.org)."""

from xml.etree import ElementTree as ET

import pytest
from django.utils import timezone

from tiepdan.cases.models import Case, Status
from tiepdan.cases.services import ensure_fields
from tiepdan.cases.tests.factories import receive
from tiepdan.integrations.tests.factories import make_key

pytestmark = pytest.mark.django_db

BASE = "/open311/v2"
A = {"jurisdiction_id": "26743"}


@pytest.fixture
def post_key(ward_a):
    return make_key(ward_a, "cases.receive_case", name="Ứng dụng phản ánh hiện trường")[1]


@pytest.fixture
def field_code(ward_a):
    return ensure_fields(ward_a)[0].code


def xml(response):
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    assert response.content.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    return ET.fromstring(response.content)


def post(client, key, code, fmt="json", **extra):
    data = {
        **A,
        "api_key": key,
        "service_code": code,
        "lat": "10.772435",
        "long": "106.698471",
        "address_string": "45 Lê Thánh Tôn, Phường Bến Thành",
        "email": "mai.tran@example.vn",
        "first_name": "Mai",
        "last_name": "Trần Thị",
        "phone": "0912345678",
        "description": "Đèn đường trước số 45 bị hỏng ba ngày nay.",
        **extra,
    }
    return client.post(f"{BASE}/requests.{fmt}", data)


def test_discovery_lists_the_georeport_v2_endpoint_in_both_formats(client):
    body = client.get(f"{BASE}/discovery.json").json()
    endpoint = body["endpoints"][0]
    assert endpoint["specification"] == "http://wiki.open311.org/GeoReport_v2"
    assert set(endpoint["formats"]) == {"text/xml", "application/json"}
    assert {"changeset", "contact", "key_service"} <= set(body)
    root = xml(client.get(f"{BASE}/discovery.xml"))
    assert root.tag == "discovery"
    assert root.find("endpoints/endpoint/formats/format") is not None


def test_services_are_the_units_fields(client, ward_a):
    fields = ensure_fields(ward_a)
    services = client.get(f"{BASE}/services.json", A).json()
    assert [s["service_code"] for s in services] == [f.code for f in fields]
    first = services[0]
    assert set(first) == {
        "service_code",
        "service_name",
        "description",
        "metadata",
        "type",
        "keywords",
        "group",
    }
    assert first["type"] == "realtime" and first["metadata"] is True
    root = xml(client.get(f"{BASE}/services.xml", A))
    assert root.tag == "services" and root.find("service/service_code").text == fields[0].code


def test_a_service_definition_lists_its_attributes(client, field_code):
    body = client.get(f"{BASE}/services/{field_code}.json", A).json()
    assert body["service_code"] == field_code
    attribute = body["attributes"][0]
    assert attribute["code"] == "kind" and attribute["datatype"] == "singlevaluelist"
    assert {v["key"] for v in attribute["values"]} == {"feedback", "petition"}
    root = xml(client.get(f"{BASE}/services/{field_code}.xml", A))
    assert root.tag == "service_definition"
    assert root.find("attributes/attribute/values/value/key") is not None


def test_posting_a_request_creates_a_case_through_the_public_service(client, post_key, field_code):
    response = post(client, post_key, field_code)
    assert response.status_code == 201, response.content
    [item] = response.json()
    assert set(item) == {"service_request_id", "service_notice", "account_id"}
    case = Case.objects.get(pk=int(item["service_request_id"]))
    assert case.channel == Case.Channel.ONLINE and case.field.code == field_code
    assert case.location_text.startswith("45 Lê Thánh Tôn")
    assert str(case.latitude) == "10.772435"
    assert case.citizens.get().phone == "+84912345678"
    assert case.code_display in item["service_notice"]


def test_a_retried_post_makes_one_case(client, post_key, field_code):
    first = post(client, post_key, field_code).json()[0]
    second = post(client, post_key, field_code).json()[0]
    assert first["service_request_id"] == second["service_request_id"]
    assert Case.objects.count() == 1


def test_the_posted_request_reads_back_open_with_its_due_date(client, post_key, field_code):
    request_id = post(client, post_key, field_code).json()[0]["service_request_id"]
    [found] = client.get(f"{BASE}/requests/{request_id}.json", A).json()
    case = Case.objects.get(pk=request_id)
    assert found["status"] == "open"
    assert found["service_code"] == field_code
    assert found["expected_datetime"].startswith(case.due_on.isoformat())
    assert found["agency_responsible"] == "Phường Bến Thành"
    assert found["requested_datetime"].endswith("+07:00")
    assert "Mai" not in str(found)  # nothing personal
    assert found["description"] == case.field.name  # not the citizen's words: "số 45"
    root = xml(client.get(f"{BASE}/requests/{request_id}.xml", A))
    assert root.tag == "service_requests"
    assert root.find("request/status").text == "open"


def test_a_published_answer_gives_the_request_its_published_subject(client, post_key, field_code):
    request_id = post(client, post_key, field_code).json()[0]["service_request_id"]
    Case.objects.filter(pk=request_id).update(
        published_at=timezone.now(), public_subject="Đèn đường hỏng trên đường Lê Thánh Tôn"
    )
    [found] = client.get(f"{BASE}/requests/{request_id}.json", A).json()
    assert found["description"] == "Đèn đường hỏng trên đường Lê Thánh Tôn"


def test_the_xml_post_answers_in_xml(client, post_key, field_code):
    root = xml(post(client, post_key, field_code, fmt="xml"))
    assert root.find("request/service_request_id").text.isdigit()


@pytest.mark.parametrize(
    ("change", "status"),
    [
        ({"api_key": ""}, 400),
        ({"api_key": "tdk_00000000_wrong"}, 403),
        ({"service_code": "no-such"}, 400),
        ({"lat": "", "long": "", "address_string": ""}, 400),
        ({"lat": "north"}, 400),
        ({"attribute[kind]": "denunciation"}, 400),
        ({"jurisdiction_id": "99999"}, 404),
    ],
    ids=["no-key", "bad-key", "bad-service", "no-location", "bad-lat", "bad-kind", "bad-juris"],
)
def test_bad_posts_get_the_specs_error_list(client, post_key, field_code, change, status):
    response = post(client, post_key, field_code, **change)
    assert response.status_code == status
    [error] = response.json()
    assert error["code"] == status and error["description"]
    assert not Case.objects.exists()


def test_errors_in_xml_follow_the_spec(client):
    root = xml(client.get(f"{BASE}/services/nothing.xml", A))
    assert root.tag == "errors"
    assert root.find("error/code").text == "404"


def test_a_key_of_another_unit_cannot_post(client, ward_b, field_code):
    _key, plain = make_key(ward_b, "cases.receive_case")
    assert post(client, plain, field_code).status_code == 403


def test_a_key_without_intake_cannot_post(client, ward_a, field_code):
    _key, plain = make_key(ward_a, "cases.view_case")
    assert post(client, plain, field_code).status_code == 403


def test_get_requests_filters_by_status_and_service(client, ward_a, officer_a):
    fields = ensure_fields(ward_a)
    open_case = receive(ward_a, officer_a, field=fields[0])
    closed = receive(ward_a, officer_a, field=fields[1])
    Case.objects.filter(pk=closed.pk).update(status=Status.CLOSED)

    def ids(**query):
        listed = client.get(f"{BASE}/requests.json", {**A, **query}).json()
        return [r["service_request_id"] for r in listed]

    assert ids(status="open") == [str(open_case.pk)]
    assert ids(status="closed") == [str(closed.pk)]
    assert ids(service_code=fields[1].code) == [str(closed.pk)]
    both = f"{open_case.pk},{closed.pk}"
    assert sorted(ids(service_request_id=both, status="open")) == sorted(both.split(","))


def test_get_requests_defaults_to_the_last_90_days(client, ward_a, officer_a):
    old = receive(ward_a, officer_a)
    Case.objects.filter(pk=old.pk).update(created_at="2026-01-02T08:00:00+07:00")
    recent = receive(ward_a, officer_a)
    listed = client.get(f"{BASE}/requests.json", A).json()
    assert [r["service_request_id"] for r in listed] == [str(recent.pk)]
    window = {"start_date": "2026-01-01T00:00:00+07:00", "end_date": "2026-01-03T00:00:00Z"}
    dated = client.get(f"{BASE}/requests.json", {**A, **window}).json()
    assert [r["service_request_id"] for r in dated] == [str(old.pk)]


def test_complaints_and_denunciations_are_never_listed(client, ward_a, officer_a):
    secret = receive(ward_a, officer_a, kind=Case.Kind.DENUNCIATION)
    assert client.get(f"{BASE}/requests.json", A).json() == []
    assert client.get(f"{BASE}/requests/{secret.pk}.json", A).status_code == 404


def test_a_token_is_the_citizens_tracking_code(client, ward_a, officer_a):
    case = receive(ward_a, officer_a)
    [found] = client.get(f"{BASE}/tokens/{case.tracking_code}.json", A).json()
    assert found == {"service_request_id": str(case.pk), "token": case.tracking_code}
    assert client.get(f"{BASE}/tokens/WRONG.json", A).status_code == 404


def test_jurisdiction_id_is_required_when_the_server_hosts_several_units(client, ward_a, ward_b):
    response = client.get(f"{BASE}/services.json")
    assert response.status_code == 400
    assert response.json()[0]["code"] == 400


def test_a_bad_date_is_a_400_not_a_500(client, ward_a):
    response = client.get(f"{BASE}/requests.json", {**A, "start_date": "yesterday"})
    assert response.status_code == 400
