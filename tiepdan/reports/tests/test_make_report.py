import io
from datetime import date

import pytest
import time_machine
from django.core.management import CommandError, call_command
from docx import Document
from openpyxl import load_workbook

from tiepdan.reports.models import GeneratedReport
from tiepdan.reports.tests.factories import CaseFactory
from tiepdan.targets import demo

pytestmark = pytest.mark.django_db


def text_of(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


@time_machine.travel(date(2026, 7, 3), tick=False)
def test_it_writes_a_six_month_state_report_in_the_decree_30_layout(tmp_path, ward_a, chairman_a):
    """A4, margins, Times New Roman, 'Số: NN/BC-…', date with leading zeros (DOMAIN §7, rule 24)."""
    CaseFactory(unit=ward_a, received_on=date(2026, 3, 2), answered_on=date(2026, 3, 9))
    CaseFactory(unit=ward_a, received_on=date(2025, 3, 2))
    out = tmp_path / "bc.docx"
    call_command("make_report", unit=ward_a.code, period="2026-H1", kind="state", output=str(out))
    document = Document(io.BytesIO(out.read_bytes()))
    section = document.sections[0]
    mm = [round(length.mm) for length in (section.page_width, section.page_height)]
    assert mm == [210, 297]
    margins = (section.left_margin, section.right_margin, section.top_margin, section.bottom_margin)
    assert [round(m.mm) for m in margins] == [30, 15, 20, 20]
    assert section.different_first_page_header_footer  # page numbers from page 2
    text = text_of(document)
    assert "Số: 01/BC-UBND" in text
    assert "Phường Bến Thành, ngày 03 tháng 07 năm 2026" in text
    assert "BÁO CÁO" in text and "6 tháng đầu năm 2026" in text
    assert "Số liệu báo cáo tính từ ngày 15/12/2025 đến ngày 14/06/2026." in text
    assert "tiếp nhận trong kỳ 1 đơn (bằng cùng kỳ năm trước)" in text
    assert "Nơi nhận:" in text and chairman_a.get_full_name() in text
    assert document.styles["Normal"].font.name == "Times New Roman"
    assert GeneratedReport.objects.get().number == "01/BC-UBND"


@time_machine.travel(date(2024, 1, 10), tick=False)
def test_the_party_report_numbers_per_unit_and_year_and_shows_the_party_targets(tmp_path, ward_a):
    """Party reports (Regulation 11, KL 215) carry 'NN-BC/ĐU' numbered from 1 each year."""
    demo.seed_ward(ward_a)
    first, second = tmp_path / "1.docx", tmp_path / "2.docx"
    call_command("make_report", unit=ward_a.code, period="2023", kind="party", output=str(first))
    call_command("make_report", unit=ward_a.code, period="2023", kind="party", output=str(second))
    text = text_of(Document(str(second)))
    assert "Số 02-BC/ĐU" in text and "ĐẢNG CỘNG SẢN VIỆT NAM" in text
    assert "ĐẢNG ỦY\nPHƯỜNG BẾN THÀNH" in text
    assert "Kết nạp đảng viên mới" in text and "114,3 %" in text
    assert "Giao quân nghĩa vụ quân sự" not in text  # defence targets are not the Party's
    assert "xếp loại “Hoàn thành xuất sắc nhiệm vụ” (năm thứ ba liên tiếp)" in text


def test_an_xlsx_ending_gives_the_annex_with_the_same_tables(tmp_path, ward_a):
    out = tmp_path / "phu-luc.xlsx"
    call_command("make_report", unit=ward_a.code, period="2026-Q1", kind="state", output=str(out))
    book = load_workbook(out)
    assert len(book.sheetnames) >= 2
    first = book[book.sheetnames[0]]
    assert first["A1"].value.startswith("Phụ lục 1")


def test_it_refuses_an_unknown_ending_or_unit(tmp_path, ward_a):
    with pytest.raises(CommandError):
        call_command("make_report", unit=ward_a.code, period="2026", output=str(tmp_path / "x.pdf"))
    with pytest.raises(CommandError):
        call_command("make_report", unit="99999", period="2026", output=str(tmp_path / "x.docx"))
    with pytest.raises(CommandError):
        call_command(
            "make_report", unit=ward_a.code, period="2026-13", output=str(tmp_path / "x.docx")
        )


def test_a_province_roll_up_ranks_its_wards(tmp_path, ward_a):
    CaseFactory(unit=ward_a, received_on=date(2026, 2, 2), answered_on=date(2026, 2, 5))
    out = tmp_path / "tinh.docx"
    call_command(
        "make_report", unit=ward_a.parent.code, period="2026-Q1", kind="state", output=str(out)
    )
    text = text_of(Document(str(out)))
    assert "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH" in text
    assert "Xếp hạng theo tỷ lệ giải quyết đúng hạn" in text and ward_a.name in text
