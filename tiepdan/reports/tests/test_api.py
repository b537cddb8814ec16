"""The reports API: request, follow and download a report made by the same service and job."""

import pytest

from tiepdan.integrations.tests.factories import bearer, make_key

pytestmark = pytest.mark.django_db

API = "/api/v1/reports"


@pytest.fixture
def report_key(ward_a):
    return make_key(ward_a, "reports.make_reports")[1]


def test_a_requested_report_is_generated_and_downloaded(
    client, report_key, django_capture_on_commit_callbacks
):
    body = {"kind": "state", "period": "2026-Q3", "fmt": "xlsx"}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(API, body, content_type="application/json", **bearer(report_key))
    assert response.status_code == 202, response.content
    report = client.get(f"{API}/{response.json()['id']}", **bearer(report_key)).json()
    assert report["status"] == "done", report
    download = client.get(report["download"], **bearer(report_key))
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"PK")


def test_a_monthly_state_report_is_refused_on_the_period(client, report_key):
    body = {"kind": "state", "period": "2026-10"}
    response = client.post(API, body, content_type="application/json", **bearer(report_key))
    assert response.status_code == 400
    assert response.json()["error"]["fields"][0]["field"] == "period"


def test_a_report_not_ready_is_a_409(client, report_key):
    body = {"kind": "party", "period": "2026-10"}
    made = client.post(API, body, content_type="application/json", **bearer(report_key)).json()
    response = client.get(f"{API}/{made['id']}/download", **bearer(report_key))
    assert response.status_code == 409


def test_another_wards_unit_is_a_404(client, report_key, ward_b):
    body = {"kind": "party", "period": "2026-10", "unit_id": ward_b.pk}
    response = client.post(API, body, content_type="application/json", **bearer(report_key))
    assert response.status_code == 404
