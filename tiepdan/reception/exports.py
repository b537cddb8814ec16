"""The reception book in the Form 03/TCD column layout, as XLSX or CSV (Decree 154; TCD 25(2))."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from copy import copy
from datetime import date
from typing import IO

from django.db.models import QuerySet
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.properties import PageSetupProperties

from tiepdan.cases.identity import identity_parts, redact_text
from tiepdan.lib import xlsx
from tiepdan.orgunits.models import OrgUnit
from tiepdan.reception.models import ReceptionEntry

# The thirteen columns of Form 03/TCD, as printed on the form.
HEADERS = (
    "STT",
    "Ngày tiếp",
    "Họ tên - Địa chỉ",
    "Số CCCD/Hộ chiếu",
    "Nội dung vụ việc",
    "Phân loại đơn/vụ việc",
    "Số người cùng nội dung",
    "Cơ quan, đơn vị đã giải quyết",
    "Thuộc thẩm quyền",
    "Hướng dẫn (cơ quan, số văn bản)",
    "Chuyển đơn (cơ quan, số văn bản)",
    "Theo dõi kết quả giải quyết",
    "Ghi chú",
)
WIDTHS = (6, 11, 28, 15, 40, 12, 9, 20, 9, 24, 24, 24, 20)
KIND_LABELS = {
    "complaint": "Khiếu nại",
    "denunciation": "Tố cáo",
    "petition": "Kiến nghị",
    "feedback": "Phản ánh",
}
PROTECTED_VISITOR = "Người tố cáo (giữ bí mật danh tính)"
REFUSAL_LABELS = {value: str(label) for value, label in ReceptionEntry.RefusalGround.choices}
FIELDS = (
    "number",
    "received_on",
    "full_name",
    "address",
    "id_number",
    "summary",
    "kind",
    "people_count",
    "prior_handling",
    "route",
    "route_body",
    "route_document",
    "result",
    "notes",
    "refusal_ground",
)


def _routed(route: str, wanted: str, body: str, document: str) -> str:
    if route != wanted:
        return ""
    return f"{body} ({document})" if document else body


def book_rows(entries: QuerySet[ReceptionEntry]) -> Iterator[tuple[object, ...]]:
    """One tuple of the 13 columns per entry, in the book's order (date, then number)."""
    values = entries.order_by("received_on", "number").values_list(*FIELDS)
    for (
        number,
        on,
        name,
        address,
        id_number,
        summary,
        kind,
        people,
        prior,
        route,
        body,
        document,
        result,
        notes,
        ground,
    ) in values.iterator(chunk_size=2000):
        if route == "refused":
            refusal = "Từ chối tiếp: " + REFUSAL_LABELS.get(ground, ground)
            notes = f"{refusal}. {notes}" if notes else refusal
        elif route == "explain":
            notes = f"Đã giải thích, trả lời. {notes}".strip()
        if kind == ReceptionEntry.Kind.DENUNCIATION:
            # A file leaves the system: a denouncer is never named in it (rule 19).
            parts = identity_parts(names=[name], addresses=[address], numbers=[id_number])
            summary, prior, result, notes = (
                redact_text(text, parts) for text in (summary, prior, result, notes)
            )
            name, address, id_number = PROTECTED_VISITOR, "", ""
        yield (
            number,
            on,
            f"{name} - {address}",
            id_number,
            summary,
            KIND_LABELS.get(kind, kind),
            people,
            prior,
            "x" if route == "accept" else "",
            _routed(route, "guide", body, document),
            _routed(route, "transfer", body, document),
            result,
            notes,
        )


def _title(unit: OrgUnit, start: date, end: date) -> tuple[str, str]:
    return (
        f"SỔ TIẾP CÔNG DÂN - {unit.name.upper()}",
        f"Từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y} (Mẫu số 03/TCD)",
    )


_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_BODY = Font(name=xlsx.FONT_NAME, size=11)
_HEAD = Font(name=xlsx.FONT_NAME, size=11, bold=True)
_WRAP = Alignment(wrap_text=True, vertical="top")
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LINE_HEIGHT = 15  # points per line of 11-pt text
HEADER_ROW = 4  # title, subtitle, blank, then the header and the (1)…(13) row


def _styled(ws: WriteOnlyWorksheet, value: object, font: Font, align: Alignment) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value=value)
    cell.font, cell.alignment, cell.border = font, align, _BORDER
    if isinstance(value, date):
        cell.number_format = xlsx.DATE_FORMAT
    return cell


class _BodyCells:
    """Body cells that share two styles (text, date): each new cell copies a template's style
    array, as looking a style up for every cell takes most of the time on a large book."""

    def __init__(self, ws: WriteOnlyWorksheet) -> None:
        self.ws = ws
        self.text = _styled(ws, "", _BODY, _WRAP)._style
        self.date = _styled(ws, date(2000, 1, 1), _BODY, _WRAP)._style

    def row(self, values: tuple[object, ...]) -> list[WriteOnlyCell]:
        cells = []
        for value in values:
            cell = WriteOnlyCell(self.ws, value=value)
            cell._style = copy(self.date if isinstance(value, date) else self.text)
            cells.append(cell)
        return cells


def _lines(row: tuple[object, ...]) -> int:
    """Lines the tallest wrapped cell of a row needs at the book's column widths."""
    return max(
        1, *(len(str(v)) // max(1, int(w * 1.1)) + 1 for v, w in zip(row, WIDTHS, strict=True) if v)
    )


def _setup(ws: WriteOnlyWorksheet) -> None:
    """Layout that write-only sheets must receive before the first row is written."""
    for index, width in enumerate(WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.freeze_panes = f"A{HEADER_ROW + 2}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW + 1}"
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.paperSize = xlsx.A4_PAPER
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.5, bottom=0.5)


def write_xlsx(entries: QuerySet[ReceptionEntry], unit: OrgUnit, start: date, end: date) -> bytes:
    """The book as an A4-landscape sheet with a frozen, repeated Vietnamese header row."""
    workbook = xlsx.new_workbook()
    ws = workbook.create_sheet(title="Sổ tiếp công dân")
    _setup(ws)
    title, subtitle = _title(unit, start, end)
    ws.append([_plain(ws, title, Font(name=xlsx.FONT_NAME, size=14, bold=True))])
    ws.append([_plain(ws, subtitle, Font(name=xlsx.FONT_NAME, size=11, italic=True))])
    ws.append([])
    ws.row_dimensions[HEADER_ROW].height = 3 * LINE_HEIGHT
    ws.append([_styled(ws, h, _HEAD, _CENTER) for h in HEADERS])
    ws.append([_styled(ws, f"({n})", _BODY, _CENTER) for n in range(1, len(HEADERS) + 1)])
    body = _BodyCells(ws)
    for index, row in enumerate(book_rows(entries), start=HEADER_ROW + 2):
        ws.row_dimensions[index].height = LINE_HEIGHT * _lines(row)
        ws.append(body.row(row))
        del ws.row_dimensions[index]  # written; keep memory flat on large books
    return xlsx.workbook_bytes(workbook)


def _plain(ws: WriteOnlyWorksheet, value: str, font: Font) -> WriteOnlyCell:
    """A title line: no wrap and no border, so it runs across the empty cells to its right."""
    cell = WriteOnlyCell(ws, value=value)
    cell.font = font
    return cell


def write_csv(entries: QuerySet[ReceptionEntry], out: IO[str]) -> None:
    """The book as UTF-8 CSV (with BOM for Excel), dates as dd/mm/yyyy."""
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(HEADERS)
    for row in book_rows(entries):
        writer.writerow([v.strftime("%d/%m/%Y") if isinstance(v, date) else v for v in row])


def csv_bytes(entries: QuerySet[ReceptionEntry]) -> bytes:
    buffer = io.StringIO()
    write_csv(entries, buffer)
    return buffer.getvalue().encode("utf-8")
