"""The mediation log book, "Sổ theo dõi hoạt động hòa giải ở cơ sở" (Law 35/2013 Art. 21), as
an Excel workbook: one sheet per team, one row per case of the year. A team's year is a few
dozen rows, so the sheet is built in memory with a merged title and rows sized to their text."""

from __future__ import annotations

import io
from collections.abc import Iterable
from datetime import date

from django.utils import translation
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from tiepdan.lib.xlsx import A4_PAPER, DATE_FORMAT, FONT_NAME
from tiepdan.mediation.models import MediationCase, MediationTeam
from tiepdan.orgunits.models import OrgUnit

HEADERS = [
    "STT",
    "Ngày tiếp nhận",
    "Họ tên, năm sinh, địa chỉ của các bên",
    "Nội dung vụ, việc",
    "Lĩnh vực",
    "Căn cứ hòa giải",
    "Hòa giải viên",
    "Ngày hòa giải",
    "Kết quả hòa giải",
    "Ghi chú",
]
WIDTHS = [6, 12, 34, 40, 16, 20, 24, 12, 16, 34]
TITLE_FONT = Font(name=FONT_NAME, bold=True, size=14)
HEADER_FONT = Font(name=FONT_NAME, bold=True, size=11)
BODY_FONT = Font(name=FONT_NAME, size=11)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
WRAP = Alignment(vertical="top", wrap_text=True)
_thin = Side(style="thin", color="000000")
BORDER = Border(left=_thin, right=_thin, top=_thin, bottom=_thin)


def _parties(case: MediationCase) -> str:
    lines = []
    for p in case.parties.all():
        born = f", {p.birth_year}" if p.birth_year else ""
        where = f", {p.address}" if p.address else ""
        lines.append(f"{p.full_name}{born}{where}")
    return "\n".join(lines)


def _notes(case: MediationCase) -> str:
    notes = []
    if case.status == MediationCase.Status.REFUSED:
        notes.append(
            f"Không hòa giải (Điều 3): {case.get_exclusion_display()}. {case.refusal_note}"
        )
    if case.status == MediationCase.Status.STOPPED:
        notes.append(case.get_stop_reason_display())
    if case.started_late:
        notes.append("Bắt đầu hòa giải chậm quá 03 ngày kể từ ngày phân công (Điều 20)")
    if case.referred_on:
        notes.append(f"Đã chuyển {case.referred_to} ngày {case.referred_on:%d/%m/%Y}")
    follow = case.follow_ups.last()
    if follow:
        notes.append(
            f"Theo dõi thực hiện ({follow.checked_on:%d/%m/%Y}): {follow.get_result_display()}"
        )
    return "\n".join(notes)


def _row(index: int, case: MediationCase) -> list[object]:
    return [
        index,
        case.received_on,
        _parties(case),
        case.summary,
        case.get_field_display(),
        case.get_origin_display(),
        ", ".join(m.full_name for m in case.mediators.all()),
        case.started_on,
        case.get_status_display(),
        _notes(case),
    ]


def book_rows(cases: Iterable[MediationCase]) -> Iterable[list[object]]:
    for index, case in enumerate(cases, start=1):
        yield _row(index, case)


def _estimate_lines(value: object, width: float) -> int:
    text = str(value or "")
    chars = max(int(width * 1.3), 1)
    return sum(max(1, -(-len(line) // chars)) for line in text.split("\n"))


def _sheet(workbook: Workbook, team: MediationTeam, unit: OrgUnit, year: int) -> None:
    ws = workbook.create_sheet(title=team.group.name[:31])
    last = get_column_letter(len(HEADERS))
    for index, width in enumerate(WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.append(["SỔ THEO DÕI HOẠT ĐỘNG HÒA GIẢI Ở CƠ SỞ"])
    ws.append([f"{team.name} - {unit.name} - Năm {year}"])
    ws.append([])
    ws.append(HEADERS)
    ws.append([f"({i})" for i in range(1, len(HEADERS) + 1)])
    for row in (1, 2):
        ws.merge_cells(f"A{row}:{last}{row}")
        ws[f"A{row}"].alignment = CENTER
    ws["A1"].font = TITLE_FONT
    ws["A2"].font = Font(name=FONT_NAME, italic=True, size=12)
    cases = team.cases.filter(year=year).order_by("number")
    for values in book_rows(cases.prefetch_related("parties", "mediators", "follow_ups")):
        ws.append(values)
        lines = max(_estimate_lines(v, w) for v, w in zip(values, WIDTHS, strict=True))
        ws.row_dimensions[ws.max_row].height = 14 * lines + 4
    for row in ws.iter_rows(min_row=4, max_row=ws.max_row):
        for cell in row:
            cell.border = BORDER
            cell.font = HEADER_FONT if cell.row == 4 else BODY_FONT
            cell.alignment = CENTER if cell.row <= 5 else WRAP
            if isinstance(cell.value, date):
                cell.number_format = DATE_FORMAT
    ws.row_dimensions[4].height = 32
    ws.freeze_panes = "A6"
    ws.print_title_rows = "4:5"
    ws.page_setup.paperSize = A4_PAPER
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


@translation.override("vi")
def book_xlsx(unit: OrgUnit, year: int) -> bytes:
    """The log book of every team of a ward (or of one group's team) for a year."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    teams = MediationTeam.objects.filter(group__path__startswith=unit.path).select_related("group")
    for team in teams:
        _sheet(workbook, team, unit, year)
    if not workbook.worksheets:
        workbook.create_sheet(title=str(year)).append(HEADERS)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
