"""The reception book in the Form 03/TCD column layout, as XLSX or CSV (Decree 154; TCD 25(2))."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date
from typing import IO

from django.db.models import QuerySet

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


def write_xlsx(entries: QuerySet[ReceptionEntry], unit: OrgUnit, start: date, end: date) -> bytes:
    """The book as an A4-landscape sheet with a frozen, repeated Vietnamese header row."""
    workbook = xlsx.new_workbook()
    title, subtitle = _title(unit, start, end)
    xlsx.write_table(
        workbook,
        sheet_title="Sổ tiếp công dân",
        headers=HEADERS,
        rows=book_rows(entries),
        title=title,
        subtitle=subtitle,
        widths=WIDTHS,
        number_row=True,
        landscape=True,
    )
    return xlsx.workbook_bytes(workbook)


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
