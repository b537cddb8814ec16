"""The citizen's side: the online form, the receipt, tracking by code."""

import io
from datetime import date

import pytest
import time_machine
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from tiepdan.cases import services
from tiepdan.cases.models import Attachment, Case
from tiepdan.cases.services import answers
from tiepdan.cases.tests.factories import accepted

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def frozen():
    cache.clear()
    with time_machine.travel(date(2026, 11, 23), tick=False):
        yield


def photo_with_gps() -> bytes:
    img = Image.new("RGB", (40, 30), "red")
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x8825] = {2: (10.0, 46.0, 12.0)}  # GPS latitude
    out = io.BytesIO()
    img.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def form_data(**extra):
    data = {
        "token": "tok-1",
        "kind": "feedback",
        "subject": "Rác thải ở hẻm 42",
        "content": "Rác tồn đọng ba ngày chưa thu gom.",
        "location_text": "Hẻm 42 Lê Lợi",
        "full_name": "Lê Thị Cúc",
        "phone": "0912345678",
        "email": "cuc@example.vn",
        "consent": "on",
    }
    data.update(extra)
    return data


def test_a_citizen_submits_feedback_with_a_photo_and_gets_a_receipt(client, ward_a):
    """The submission is committed before the receipt; the photo loses its EXIF data."""
    upload = SimpleUploadedFile("anh.jpg", photo_with_gps(), content_type="image/jpeg")
    response = client.post(
        reverse("cases:public_new", args=[ward_a.code]), form_data(attachments=upload)
    )
    case = Case.objects.get()
    assert response["Location"] == reverse("cases:receipt", args=[case.tracking_code])
    assert case.channel == "online" and case.citizens.get().phone == "+84912345678"
    stored = Attachment.objects.get(case=case)
    with Image.open(stored.file) as img:
        assert not img.getexif()
    receipt = client.get(response["Location"]).content.decode()
    assert case.code_display in receipt and "<svg" in receipt


def test_a_retried_post_does_not_create_a_second_case(client, ward_a):
    url = reverse("cases:public_new", args=[ward_a.code])
    first = client.post(url, form_data())
    second = client.post(url, form_data())
    assert Case.objects.count() == 1
    assert first["Location"] == second["Location"]


@pytest.mark.parametrize(
    ("name", "data", "ctype"),
    [
        ("anh.jpg", b"MZ\x90\x00 not a picture at all", "image/jpeg"),
        ("don.pdf", b"<html><script>alert(1)</script></html>", "application/pdf"),
    ],
)
def test_it_refuses_a_file_that_is_not_what_it_claims(client, ward_a, name, data, ctype):
    """Type is checked by content, not by name."""
    upload = SimpleUploadedFile(name, data, content_type=ctype)
    response = client.post(
        reverse("cases:public_new", args=[ward_a.code]), form_data(attachments=upload)
    )
    assert response.status_code == 200
    assert "không phải ảnh" in response.content.decode()
    assert not Case.objects.exists()


def test_it_refuses_more_than_five_files(client, ward_a):
    files = [SimpleUploadedFile(f"a{i}.jpg", photo_with_gps(), "image/jpeg") for i in range(6)]
    response = client.post(
        reverse("cases:public_new", args=[ward_a.code]), form_data(attachments=files)
    )
    assert response.status_code == 200 and not Case.objects.exists()


def test_it_refuses_content_over_ten_thousand_characters(client, ward_a):
    response = client.post(
        reverse("cases:public_new", args=[ward_a.code]), form_data(content="a" * 10_001)
    )
    assert response.status_code == 200 and not Case.objects.exists()


def test_the_tracking_page_shows_progress_but_no_personal_data(client, ward_a, officer_a):
    case = accepted(ward_a, officer_a)
    services.add_note(case, actor=officer_a, text="Ghi chú nội bộ bí mật")
    services.add_note(case, actor=officer_a, text="Đã kiểm tra hiện trường", public=True)
    citizen = case.citizens.get()
    html = client.get(reverse("cases:track_case", args=[case.tracking_code])).content.decode()
    assert "Đã thụ lý" in html and "Đã kiểm tra hiện trường" in html
    assert "bí mật" not in html
    for private in (citizen.full_name, citizen.email, citizen.id_number, citizen.address):
        assert private not in html


def test_the_citizen_sees_the_answer_then_rates_it(client, ward_a, officer_a, leader_a):
    case = accepted(ward_a, officer_a)
    response = answers.draft_answer(case, actor=officer_a, text="Đã thu gom rác ngày 24/11.")
    answers.approve_answer(response, actor=leader_a)
    answers.send_answer(response, actor=officer_a, today=date(2026, 11, 23))
    url = reverse("cases:track_case", args=[case.tracking_code])
    assert "Đã thu gom rác" in client.get(url).content.decode()
    client.post(reverse("cases:rate", args=[case.tracking_code]), {"rating": "4", "comment": "Tốt"})
    case.refresh_from_db()
    assert case.rating == 4


def test_wrong_codes_are_rate_limited(client, ward_a, officer_a):
    case = accepted(ward_a, officer_a)
    for i in range(10):
        client.get(reverse("cases:track"), {"code": f"WRONG{i}"})
    response = client.get(reverse("cases:track"), {"code": case.tracking_code})
    assert response.status_code == 429


def test_an_unknown_code_gets_a_clear_message(client):
    response = client.get(reverse("cases:track"), {"code": "ABCD-EFGH-JKLM"})
    assert "Không có vụ việc nào mang mã này" in response.content.decode()


def _answered(ward, officer, leader):
    case = accepted(ward, officer)
    response = answers.draft_answer(case, actor=officer, text="Đã thu gom rác ngày 24/11.")
    answers.approve_answer(response, actor=leader)
    answers.send_answer(response, actor=officer, today=date(2026, 11, 23))
    return case


def test_reopening_without_a_reason_is_refused_with_a_message(client, ward_a, officer_a, leader_a):
    """An empty reason never reopens the case silently: the page says what is missing."""
    case = _answered(ward_a, officer_a, leader_a)
    response = client.post(reverse("cases:reopen", args=[case.tracking_code]), {"reason": "  "})
    assert response.status_code == 400
    assert "Trường này là bắt buộc" in response.content.decode()
    case.refresh_from_db()
    assert case.status == "answered"


def test_a_rating_without_a_choice_is_refused_with_a_message(client, ward_a, officer_a, leader_a):
    case = _answered(ward_a, officer_a, leader_a)
    response = client.post(reverse("cases:rate", args=[case.tracking_code]), {"comment": "?"})
    assert response.status_code == 400
    assert "Trường này là bắt buộc" in response.content.decode()
    case.refresh_from_db()
    assert case.rating is None


def test_a_second_rating_is_refused_on_the_case_page(client, ward_a, officer_a, leader_a):
    case = _answered(ward_a, officer_a, leader_a)
    url = reverse("cases:rate", args=[case.tracking_code])
    assert client.post(url, {"rating": "4"}).status_code == 302
    response = client.post(url, {"rating": "1"})
    assert response.status_code == 400
    assert 'class="alert alert-danger"' in response.content.decode()
    case.refresh_from_db()
    assert case.rating == 4


def test_a_recorded_reopening_says_so(client, ward_a, officer_a, leader_a):
    case = _answered(ward_a, officer_a, leader_a)
    url = reverse("cases:reopen", args=[case.tracking_code])
    response = client.post(url, {"reason": "Rác vẫn chưa được thu gom."}, follow=True)
    case.refresh_from_db()
    assert case.status == "reopened"
    assert [str(m) for m in response.context["messages"]]
