"""Excel sheets the way officials expect them: a title, a bold wrapped header row that stays
frozen and repeats on every printed page, dates as dd/mm/yyyy, A4 landscape fitted to width.

Written in openpyxl's write-only mode so that a 300,000-row book streams in bounded memory.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

A4_PAPER = 9  # the SpreadsheetML paper-size code for A4
DATE_FORMAT = "dd/mm/yyyy"
DATETIME_FORMAT = "dd/mm/yyyy hh:mm"
FONT_NAME = "Times New Roman"
_thin = Side(style="thin", color="000000")
_BORDER = Border(left=_thin, right=_thin, top=_thin, bottom=_thin)
_HEADER_FONT = Font(name=FONT_NAME, bold=True, size=11)
_TITLE_FONT = Font(name=FONT_NAME, bold=True, size=14)
_BODY_FONT = Font(name=FONT_NAME, size=11)
_WRAP = Alignment(wrap_text=True, vertical="top")
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


def new_workbook() -> Workbook:
    return Workbook(write_only=True)


def _cell(
    ws: WriteOnlyWorksheet, value: object, *, font: Font, border: bool = True
) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value=value)
    cell.font = font
    if border:
        cell.border = _BORDER
    if isinstance(value, datetime):
        cell.number_format = DATETIME_FORMAT
    elif isinstance(value, date):
        cell.number_format = DATE_FORMAT
    cell.alignment = _WRAP
    return cell


def _title_cell(ws: WriteOnlyWorksheet, text: str, font: Font) -> WriteOnlyCell:
    """A title that runs over the columns to its right instead of wrapping in column A."""
    cell = WriteOnlyCell(ws, value=text)
    cell.font = font
    cell.alignment = Alignment(wrap_text=False, vertical="center")
    return cell


def write_table(
    workbook: Workbook,
    *,
    sheet_title: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    title: str = "",
    subtitle: str = "",
    widths: Sequence[float] | None = None,
    number_row: bool = False,
    landscape: bool = True,
) -> WriteOnlyWorksheet:
    """Add a sheet with an optional title, a header row and the rows; return the sheet.

    `number_row` adds the row of column numbers (1), (2), … that official forms print under
    their headers.
    """
    ws = workbook.create_sheet(title=sheet_title[:31])
    for index, width in enumerate(widths or [], start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    # Write-only sheets write their properties and views before the first row: set the
    # print fitting and the frozen panes first.
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.paperSize = A4_PAPER
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    header_row = 1 + (3 if title and subtitle else 2 if title else 0)
    last_header = header_row + (1 if number_row else 0)
    ws.freeze_panes = f"A{last_header + 1}"
    ws.print_title_rows = f"{header_row}:{last_header}"
    if title:
        ws.append([_title_cell(ws, title, _TITLE_FONT)])
        if subtitle:
            ws.append([_title_cell(ws, subtitle, Font(name=FONT_NAME, italic=True))])
        ws.append([])
    header_cells = []
    for header in headers:
        cell = _cell(ws, header, font=_HEADER_FONT)
        cell.alignment = _CENTER
        header_cells.append(cell)
    ws.append(header_cells)
    if number_row:
        numbers = []
        for index in range(1, len(headers) + 1):
            cell = _cell(ws, f"({index})", font=Font(name=FONT_NAME, italic=True, size=10))
            cell.alignment = _CENTER
            numbers.append(cell)
        ws.append(numbers)
    for row in rows:
        ws.append([_cell(ws, value, font=_BODY_FONT) for value in row])
    return ws


def workbook_bytes(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
