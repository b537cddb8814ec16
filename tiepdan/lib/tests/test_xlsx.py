"""Official-looking Excel sheets: header frozen and repeated, dates dd/mm/yyyy, A4 landscape."""

import io
from datetime import date

from openpyxl import load_workbook

from tiepdan.lib.xlsx import new_workbook, workbook_bytes, write_table


def build():
    wb = new_workbook()
    write_table(
        wb,
        sheet_title="Sổ tiếp công dân",
        title="SỔ TIẾP CÔNG DÂN",
        subtitle="Từ 01/01/2026 đến 30/06/2026",
        headers=["STT", "Ngày", "Họ tên"],
        rows=[[1, date(2026, 2, 5), "Nguyễn Văn A"], [2, date(2026, 3, 1), "Trần Thị B"]],
        widths=[6, 12, 30],
        number_row=True,
    )
    return load_workbook(io.BytesIO(workbook_bytes(wb)))


def test_it_writes_title_headers_and_rows():
    ws = build()["Sổ tiếp công dân"]
    assert ws["A1"].value == "SỔ TIẾP CÔNG DÂN"
    assert [c.value for c in ws[4]] == ["STT", "Ngày", "Họ tên"]
    assert [c.value for c in ws[5]] == ["(1)", "(2)", "(3)"]
    assert ws["C6"].value == "Nguyễn Văn A"


def test_it_formats_dates_day_first():
    ws = build()["Sổ tiếp công dân"]
    assert ws["B6"].number_format == "dd/mm/yyyy"
    assert ws["B6"].value.date() == date(2026, 2, 5)


def test_it_freezes_and_repeats_the_header_and_prints_a4_landscape():
    ws = build()["Sổ tiếp công dân"]
    assert ws.freeze_panes == "A6"
    assert ws.print_title_rows == "$4:$5"
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9  # A4


def test_it_fits_the_printout_to_the_page_width():
    ws = build()["Sổ tiếp công dân"]
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.fitToWidth in (1, "1")
    assert not ws["A1"].alignment.wrap_text
