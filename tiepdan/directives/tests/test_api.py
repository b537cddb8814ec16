"""The directives API: issue, read, report progress, through the same services and access."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tiepdan.directives import services
from tiepdan.directives.models import Directive
from tiepdan.directives.tests.factories import DirectiveFactory
from tiepdan.integrations.tests.factories import bearer, make_key

pytestmark = pytest.mark.django_db

API = "/api/v1/directives"


def test_a_leader_issues_a_directive_to_an_officer(client, leader_a, officer_a):
    client.force_login(leader_a)
    body = {
        "title": "Xử lý điểm ngập đường Lê Lợi",
        "owner_user_id": officer_a.pk,
        "due_in_working_days": 10,
    }
    response = client.post(API, body, content_type="application/json")
    assert response.status_code == 201, response.content
    directive = Directive.objects.get(pk=response.json()["id"])
    assert directive.owner_user == officer_a and directive.issued_by == leader_a


def test_an_owner_reports_progress_and_it_shows_in_the_history(client, leader_a, officer_a, ward_a):
    directive = DirectiveFactory(unit=ward_a, issued_by=leader_a, owner_user=officer_a)
    client.force_login(officer_a)
    url = f"{API}/{directive.pk}"
    done = client.post(
        url + "/progress", {"percent": 40, "note": "Đã khảo sát"}, content_type="application/json"
    )
    assert done.status_code == 200, done.content
    assert done.json()["percent_done"] == 40
    assert [u["kind"] for u in client.get(url + "/updates").json()][-1] == "progress"


def test_an_officer_cannot_issue_and_another_ward_is_a_404(
    client, officer_a, leader_a, ward_b, officer_b
):
    client.force_login(officer_a)
    refused = client.post(
        API, {"title": "x", "owner_user_id": officer_a.pk}, content_type="application/json"
    )
    assert refused.status_code == 403
    elsewhere = DirectiveFactory(unit=ward_b, issued_by=officer_b, owner_user=officer_b)
    assert client.get(f"{API}/{elsewhere.pk}").status_code == 404


def test_the_list_pages_newest_first(client, leader_a, ward_a):
    for day in (3, 4, 5):
        DirectiveFactory(
            unit=ward_a, issued_by=leader_a, owner_user=leader_a, issued_on=f"2026-11-{day:02d}"
        )
    _key, plain = make_key(ward_a, "directives.view_directive")
    first = client.get(f"{API}?limit=2", **bearer(plain)).json()
    assert [d["issued_on"] for d in first["items"]] == ["2026-11-05", "2026-11-04"]
    rest = client.get(f"{API}?limit=2&cursor={first['next_cursor']}", **bearer(plain)).json()
    assert [d["issued_on"] for d in rest["items"]] == ["2026-11-03"]


PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF"


def _complete(client, directive, files, **headers):
    return client.post(f"{API}/{directive.pk}/complete", files, **headers)


def test_the_owner_completes_with_evidence_and_downloads_it_back(
    client, leader_a, officer_a, ward_a
):
    directive = DirectiveFactory(unit=ward_a, issued_by=leader_a, owner_user=officer_a)
    client.force_login(officer_a)
    upload = SimpleUploadedFile("bien-ban.pdf", PDF, content_type="application/pdf")
    response = _complete(client, directive, {"evidence": upload, "note": "Đã sửa xong"})
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "done" and response.json()["percent_done"] == 100
    update = directive.updates.get(kind="completed")
    assert update.note == "Đã sửa xong"
    history = client.get(f"{API}/{directive.pk}/updates").json()
    assert [(u["kind"], u["has_evidence"]) for u in history] == [("completed", True)]
    download = client.get(f"{API}/{directive.pk}/updates/{update.pk}/evidence")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF


def test_evidence_is_checked_by_its_content_as_on_the_page(client, leader_a, officer_a, ward_a):
    directive = DirectiveFactory(unit=ward_a, issued_by=leader_a, owner_user=officer_a)
    client.force_login(officer_a)
    fake = SimpleUploadedFile(
        "bao-cao.pdf", b"MZ\x90\x00 a program", content_type="application/pdf"
    )
    response = _complete(client, directive, {"evidence": fake})
    assert response.status_code == 400
    assert response.json()["error"]["fields"][0]["field"] == "evidence"
    directive.refresh_from_db()
    assert directive.status == Directive.Status.OPEN


def test_evidence_over_the_size_limit_is_refused(client, leader_a, officer_a, ward_a, monkeypatch):
    monkeypatch.setattr(services, "MAX_EVIDENCE_BYTES", 10)
    directive = DirectiveFactory(unit=ward_a, issued_by=leader_a, owner_user=officer_a)
    client.force_login(officer_a)
    upload = SimpleUploadedFile("bien-ban.pdf", PDF, content_type="application/pdf")
    response = _complete(client, directive, {"evidence": upload}, QUERY_STRING="lang=en")
    assert response.status_code == 400
    assert "20 MB" in response.json()["error"]["message"]


def test_completion_without_a_file_is_a_422(client, leader_a, officer_a, ward_a):
    directive = DirectiveFactory(unit=ward_a, issued_by=leader_a, owner_user=officer_a)
    client.force_login(officer_a)
    response = _complete(client, directive, {"note": "Xong"})
    assert response.status_code == 422
    assert response.json()["error"]["fields"][0]["field"].endswith("evidence")


def test_completion_needs_the_capability_and_the_scope(client, leader_a, officer_a, ward_a, ward_b):
    directive = DirectiveFactory(unit=ward_a, issued_by=leader_a, owner_user=officer_a)
    upload = SimpleUploadedFile("bien-ban.pdf", PDF, content_type="application/pdf")
    _key, viewer = make_key(ward_a, "directives.view_directive")
    assert _complete(client, directive, {"evidence": upload}, **bearer(viewer)).status_code == 403
    _key, elsewhere = make_key(ward_b, "directives.view_directive", "directives.issue_directive")
    upload.seek(0)
    refused = _complete(client, directive, {"evidence": upload}, **bearer(elsewhere))
    assert refused.status_code == 404
    directive.refresh_from_db()
    assert directive.status == Directive.Status.OPEN


def test_another_ward_cannot_download_the_evidence(client, leader_a, officer_a, ward_a, ward_b):
    directive = DirectiveFactory(unit=ward_a, issued_by=leader_a, owner_user=officer_a)
    upload = SimpleUploadedFile("bien-ban.pdf", PDF, content_type="application/pdf")
    services.complete_directive(directive, note="", evidence=upload, actor=officer_a)
    update = directive.updates.get(kind="completed")
    _key, elsewhere = make_key(ward_b, "directives.view_directive")
    url = f"{API}/{directive.pk}/updates/{update.pk}/evidence"
    assert client.get(url, **bearer(elsewhere)).status_code == 404


def test_a_photo_as_evidence_comes_back_without_its_exif(client, leader_a, officer_a, ward_a):
    """A phone photo of the finished work keeps no GPS position or device once stored."""
    from tiepdan.lib.tests.photos import exif_of, gps_photo

    directive = DirectiveFactory(unit=ward_a, issued_by=leader_a, owner_user=officer_a)
    client.force_login(officer_a)
    photo = SimpleUploadedFile("anh-hien-truong.jpg", gps_photo(), content_type="image/jpeg")
    assert _complete(client, directive, {"evidence": photo}).status_code == 200
    update = directive.updates.get(kind="completed")
    with update.evidence.open("rb") as stored:
        assert exif_of(stored) == {}
    download = client.get(f"{API}/{directive.pk}/updates/{update.pk}/evidence")
    assert exif_of(b"".join(download.streaming_content)) == {}


def test_evidence_named_jpg_that_is_a_web_page_is_refused(client, leader_a, officer_a, ward_a):
    directive = DirectiveFactory(unit=ward_a, issued_by=leader_a, owner_user=officer_a)
    client.force_login(officer_a)
    page = SimpleUploadedFile("anh.jpg", b"<html><script>x()</script></html>", "image/jpeg")
    response = _complete(client, directive, {"evidence": page}, QUERY_STRING="lang=en")
    assert response.status_code == 400
    assert response.json()["error"]["message"] == "Attach a PDF, Word, Excel, JPEG or PNG file."
    directive.refresh_from_db()
    assert directive.status == Directive.Status.OPEN and not directive.updates.exists()
