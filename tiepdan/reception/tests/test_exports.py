"""The book exported in Form 03/TCD layout and a legacy book imported from it."""

import csv
import io
from datetime import date

from django.core.management import call_command
from openpyxl import Workbook, load_workbook

from tiepdan.reception import exports, imports
from tiepdan.reception.models import ReceptionEntry
from tiepdan.reception.tests.factories import EntryFactory

TODAY = date(2026, 11, 23)


def test_it_exports_the_13_columns_with_a_frozen_header_on_a4_landscape(ward_a):
    """Decree 154 Form 03/TCD: thirteen columns, Vietnamese headers, dates dd/mm/yyyy."""
    EntryFactory(unit=ward_a, route="transfer", route_body="Công an phường", route_document="12/CV")
    body = exports.write_xlsx(ReceptionEntry.objects.all(), ward_a, date(2026, 1, 1), TODAY)
    sheet = load_workbook(io.BytesIO(body)).active
    rows = list(sheet.iter_rows(values_only=True))
    header = next(r for r in rows if r[0] == "STT")
    assert len(header) == 13 and header[3] == "Số CCCD/Hộ chiếu"
    data = rows[-1]
    assert data[1].date() == date(2026, 11, 20)
    assert data[2] == "Nguyễn Văn Bình - 12 Lê Lợi, Phường Bến Thành"
    assert data[10] == "Công an phường (12/CV)"
    assert sheet.freeze_panes == "A6"
    assert sheet.page_setup.orientation == "landscape" and int(sheet.page_setup.paperSize) == 9
    assert sheet.sheet_properties.pageSetUpPr.fitToPage  # all 13 columns on the page's width
    assert sheet.cell(row=rows.index(data) + 1, column=2).number_format == "dd/mm/yyyy"


def legacy_file(rows):
    wb = Workbook()
    ws = wb.active
    ws.append(list(exports.HEADERS))
    for row in rows:
        ws.append(row)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


GOOD = [
    1,
    "05/03/2025",
    "Lê Văn Hai - 3 Pasteur",
    "079085001234",
    "Tranh chấp ranh đất",
    "Khiếu nại",
    1,
    "",
    "x",
    "",
    "",
    "",
    "",
]
BAD_DATE = [
    2,
    "31/02/2025",
    "Võ Thị Ba - 9 Lý Tự Trọng",
    "",
    "Tiếng ồn",
    "Phản ánh",
    1,
    "",
    "x",
    "",
    "",
    "",
    "",
]
BAD_CCCD = [
    3,
    "06/03/2025",
    "Phan Văn Tư - 1 Hàm Nghi",
    "07908500",
    "Nước ngập",
    "Phản ánh",
    1,
    "",
    "x",
    "",
    "",
    "",
    "",
]
GUIDED = [
    4,
    "07/03/2025",
    "Đỗ Văn Năm, 2 Lê Lai",
    "",
    "Hỏi thủ tục",
    "Kiến nghị",
    2,
    "",
    "",
    "TAND TP (05/HD)",
    "",
    "Đã hướng dẫn",
    "",
]


def test_it_imports_good_rows_reports_bad_ones_and_never_twice(ward_a):
    content = legacy_file([GOOD, BAD_DATE, BAD_CCCD, GUIDED])
    report = imports.import_book(ward_a, "so-cu.xlsx", content, today=TODAY)
    assert report.accepted == 2
    assert [row for row, _reason in report.rejected] == [3, 4]
    assert "31/02/2025" in report.rejected[0][1]
    guided = ReceptionEntry.objects.get(full_name="Đỗ Văn Năm")
    assert (guided.route, guided.route_body, guided.route_document) == ("guide", "TAND TP", "05/HD")
    again = imports.import_book(ward_a, "so-cu.xlsx", content, today=TODAY)
    assert (again.accepted, again.duplicates) == (0, 2)
    assert ReceptionEntry.objects.count() == 2


def test_it_imports_nothing_on_a_dry_run(ward_a):
    report = imports.import_book(ward_a, "so.xlsx", legacy_file([GOOD]), dry_run=True, today=TODAY)
    assert report.accepted == 1 and not ReceptionEntry.objects.exists()


def test_it_round_trips_the_csv_export_through_the_import(ward_a, ward_b):
    EntryFactory(unit=ward_a)
    body = exports.csv_bytes(ReceptionEntry.objects.all())
    assert list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))[1][1] == "20/11/2026"
    report = imports.import_book(ward_b, "book.csv", body, today=TODAY)
    assert report.accepted == 1 and not report.rejected


def test_the_commands_export_and_import_by_unit_code(ward_a, ward_b, tmp_path):
    EntryFactory(unit=ward_a)
    out = tmp_path / "so.xlsx"
    call_command(
        "export_reception_book", unit="26743", start=date(2026, 1, 1), end=TODAY, output=str(out)
    )
    call_command(
        "export_reception_book",
        "--unit",
        "26743",
        "--from",
        "2026-01-01",
        "--to",
        "2026-12-31",
        "-o",
        str(tmp_path / "so.csv"),
    )
    stdout = io.StringIO()
    call_command("import_reception_book", "--unit", "23231", str(out), "--dry-run", stdout=stdout)
    assert "1 rows would be imported" in stdout.getvalue()
    call_command(
        "import_reception_book", "--unit", "23231", str(tmp_path / "so.csv"), stdout=stdout
    )
    assert ReceptionEntry.objects.filter(unit=ward_b).count() == 1
