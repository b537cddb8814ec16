import io
from datetime import date

import pytest
from docx import Document
from openpyxl import load_workbook

from tiepdan.mediation import services
from tiepdan.mediation.documents import agreement_docx, team_report_docx
from tiepdan.mediation.exports import book_xlsx
from tiepdan.mediation.tests.conftest import AGREEMENT, register

pytestmark = pytest.mark.django_db


def _text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


@pytest.fixture
def successful(team):
    case = register(team)
    services.record_session(case, held_on=date(2026, 11, 4), place="Nhà văn hóa", notes="Trình bày")
    services.record_outcome(case, status="successful", ended_on=date(2026, 11, 6))
    services.record_agreement(case, **AGREEMENT)
    return case


def test_the_agreement_record_carries_every_art_24_item(successful):
    """Law 35/2013 Art. 24(2): grounds, parties, case, course, agreement, rights and duties,
    method and deadline, signatures or fingerprints."""
    text = _text(agreement_docx(successful))
    for heading in (
        "Căn cứ tiến hành hòa giải",
        "Thông tin cơ bản về các bên",
        "Nội dung chủ yếu của vụ, việc",
        "Diễn biến của quá trình hòa giải",
        "Thỏa thuận đạt được và giải pháp thực hiện",
        "Quyền và nghĩa vụ của các bên",
        "Phương thức, thời hạn thực hiện thỏa thuận",
        "Chữ ký hoặc điểm chỉ",
    ):
        assert heading in text
    assert "VĂN BẢN HÒA GIẢI THÀNH" in text and "Bà Lan tự dỡ mái che" in text


def test_the_log_book_lists_every_case_of_the_year(successful, team, ward_a):
    """Every case is entered in the mediation log book (Law 35/2013 Art. 21)."""
    register(team, exclusion="offence", refusal_note="Chuyển Công an phường")
    register(team, received_on=date(2025, 12, 30))
    book = load_workbook(io.BytesIO(book_xlsx(ward_a, 2026)))
    sheet = book[team.group.name]
    assert sheet["A1"].value == "SỔ THEO DÕI HOẠT ĐỘNG HÒA GIẢI Ở CƠ SỞ"
    rows = [r for r in sheet.iter_rows(min_row=6, values_only=True) if r[0]]
    assert len(rows) == 2
    assert "Đỗ Văn Hải" in rows[0][2] and rows[0][8] == "Hòa giải thành"
    assert "Điều 3" in rows[1][9]


def test_the_command_writes_the_book(successful, ward_a, tmp_path):
    from django.core.management import call_command

    out = tmp_path / "so-hoa-giai.xlsx"
    call_command("export_mediation_book", unit="26743", year=2026, output=str(out))
    assert load_workbook(out).sheetnames == ["Khu phố 1"]


def test_the_yearly_report_counts_the_outcomes(successful, team):
    """The team leader reports yearly to the commune People's Committee (Law 35/2013 Art. 15)."""
    text = _text(team_report_docx(team, 2026, on=date(2026, 12, 15)))
    assert "Kết quả hoạt động hòa giải ở cơ sở năm 2026" in text
    assert "01 hòa giải viên nữ" in text
    assert "100,0%" in text
