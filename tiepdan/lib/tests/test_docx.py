"""Generated Word files follow the Decree 30/2020 layout (DOMAIN §7, rule 24)."""

import io
from datetime import date

from docx import Document

from tiepdan.lib.docx import MOTTO, NATIONAL_TITLE, OfficialDocument, place_date_line, vn_date


def make() -> Document:
    doc = OfficialDocument(
        superior="Ủy ban nhân dân Thành phố Hồ Chí Minh",
        issuer="Ủy ban nhân dân Phường Bến Thành",
        number="07/TB-UBND",
        place="Phường Bến Thành",
        on=date(2026, 2, 5),
        kind="Thông báo",
        summary="Về việc thụ lý đơn",
    )
    doc.basis(["Căn cứ Luật Tiếp công dân;", "Căn cứ Nghị định số 154/2026/NĐ-CP"])
    doc.paragraph("Nội dung thông báo.")
    doc.table(["STT", "Nội dung"], [[1, "Đơn"]], widths_cm=[2, 14])
    doc.signature(title="Chủ tịch", name="Trần Quốc Hùng", recipients=["Như trên;", "Lưu: VT."])
    return Document(io.BytesIO(doc.to_bytes()))


def all_text(document: Document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def test_it_writes_dates_with_leading_zeros():
    """Decree 30 Appendix I: 'ngày 05 tháng 02 năm 2026'."""
    assert vn_date(date(2026, 2, 5)) == "ngày 05 tháng 02 năm 2026"
    assert place_date_line("Phường Bến Thành", date(2026, 12, 1)) == (
        "Phường Bến Thành, ngày 01 tháng 12 năm 2026"
    )


def test_it_uses_a4_portrait_with_the_decree_margins():
    """Decree 30 Appendix I: A4, top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm."""
    section = make().sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert 20 <= round(section.top_margin.mm) <= 25
    assert 20 <= round(section.bottom_margin.mm) <= 25
    assert 30 <= round(section.left_margin.mm) <= 35
    assert 15 <= round(section.right_margin.mm) <= 20


def test_it_sets_times_new_roman():
    document = make()
    assert document.styles["Normal"].font.name == "Times New Roman"


def test_it_has_the_national_title_block_number_and_place_date_line():
    """Decree 30 Art. 8: national title and motto, issuer, number, place and date."""
    text = all_text(make())
    assert NATIONAL_TITLE in text
    assert MOTTO in text
    assert "ỦY BAN NHÂN DÂN PHƯỜNG BẾN THÀNH" in text
    assert "Số: 07/TB-UBND" in text
    assert "Phường Bến Thành, ngày 05 tháng 02 năm 2026" in text
    assert "THÔNG BÁO" in text


def test_it_ends_legal_basis_lines_with_semicolons_and_a_full_stop():
    texts = [p.text for p in make().paragraphs if p.text.startswith("Căn cứ")]
    assert texts == ["Căn cứ Luật Tiếp công dân;", "Căn cứ Nghị định số 154/2026/NĐ-CP."]


def test_it_numbers_pages_from_page_two():
    """Decree 30 Appendix I: page numbers at the top, none on the first page."""
    section = make().sections[0]
    assert section.different_first_page_header_footer
    assert "PAGE" in section.header._element.xml
    assert "PAGE" not in section.first_page_header._element.xml


def test_it_has_a_signature_block_and_recipients():
    text = all_text(make())
    assert "Nơi nhận:" in text
    assert "- Lưu: VT." in text
    assert "CHỦ TỊCH" in text and "Trần Quốc Hùng" in text


def test_a_party_document_carries_the_party_heading_instead_of_the_national_title():
    """Party committees' documents: 'ĐẢNG CỘNG SẢN VIỆT NAM', '*', 'Số 01-BC/ĐU'."""
    doc = OfficialDocument(
        superior="Đảng bộ Thành phố Hồ Chí Minh",
        issuer="Đảng ủy Phường Bến Thành",
        number="01-BC/ĐU",
        place="Phường Bến Thành",
        on=date(2026, 6, 20),
        kind="Báo cáo",
        party=True,
    )
    text = all_text(Document(io.BytesIO(doc.to_bytes())))
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text
    assert NATIONAL_TITLE not in text and MOTTO not in text
    assert "Số 01-BC/ĐU" in text and "*" in text


def test_long_tables_repeat_their_header_row_on_every_page():
    doc = OfficialDocument(issuer="UBND", place="P", on=date(2026, 1, 5), kind="Báo cáo")
    table = doc.table(["STT", "Nội dung"], [[i, "x"] for i in range(3)])
    assert "w:tblHeader" in table.rows[0]._tr.xml


def test_a_signature_grid_puts_each_signer_in_a_column_with_room_to_sign():
    doc = OfficialDocument(issuer="UBND", place="P", on=date(2026, 1, 5), kind="Biên bản")
    doc.signature_grid(["BÊN A", "BÊN B"], ["Nguyễn Văn A", "Trần Thị B"], "(Ký, ghi rõ họ tên)")
    table = Document(io.BytesIO(doc.to_bytes())).tables[-1]
    assert [c.text for c in table.columns[0].cells] == [
        "BÊN A", "(Ký, ghi rõ họ tên)", "", "", "Nguyễn Văn A"
    ]  # fmt: skip
    assert table.rows[4].cells[1].paragraphs[0].runs[0].bold
