"""Notices in the Decree 30/2020 layout, from the unit's editable wording."""

import io

import pytest
from django.utils import timezone
from docx import Document

from tiepdan.cases import services
from tiepdan.cases.documents import decision_notice, fill
from tiepdan.cases.models.settings import NoticeTemplate
from tiepdan.cases.tests.factories import TODAY, accepted, classified

pytestmark = pytest.mark.django_db


def text_of(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def test_the_acceptance_notice_has_the_decree_30_parts(ward_a, officer_a, chairman_a):
    """Rule 24: title block, number, place and date, type and summary, signature, recipients."""
    case = accepted(ward_a, officer_a)
    text = text_of(decision_notice(case, TODAY))
    for part in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "ỦY BAN NHÂN DÂN PHƯỜNG BẾN THÀNH",
        case.decision_number,
        "ngày 23 tháng 11 năm 2026",
        "THÔNG BÁO",
        "Về việc thụ lý đơn",
        "Nơi nhận",
        "Lê Văn Hùng",
        case.code_display,
    ):
        assert part in text


def test_a_unit_can_edit_the_wording(ward_a, officer_a):
    NoticeTemplate.objects.create(
        unit=ward_a,
        kind="accept",
        summary="Thụ lý đơn số {registration_number}",
        body="Đơn của {citizen_name} đã được thụ lý. {unknown} giữ nguyên.",
    )
    case = accepted(ward_a, officer_a)
    text = text_of(decision_notice(case, TODAY))
    assert f"Thụ lý đơn số {case.registration_number}" in text
    assert "{unknown} giữ nguyên" in text


def test_a_denunciation_transfer_slip_does_not_name_the_denouncer(ward_a, officer_a):
    """Law on Denunciations Arts. 9, 47: the denouncer's identity is kept secret."""
    case = classified(ward_a, officer_a, kind="denunciation", data={"competent": False})
    services.decide(
        case,
        actor=officer_a,
        decision="transfer",
        today=timezone.localdate(),
        target="Thanh tra Thành phố",
    )
    citizen = case.citizens.get()
    text = text_of(decision_notice(case, TODAY))
    assert "PHIẾU CHUYỂN ĐƠN" in text and "Kính gửi: Thanh tra Thành phố" in text
    assert citizen.full_name not in text and citizen.address not in text


def test_placeholders_are_names_only():
    assert fill("{a} {a.__class__} {b}", {"a": "x"}) == "x {a.__class__} {b}"
