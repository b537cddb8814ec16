"""Import of a legacy reception book (XLSX or CSV in the Form 03/TCD column order).

Every row is validated with the same rules as a recorded visit; rejected rows are reported
with their reason; accepted rows are written in one transaction. Each row carries a key made
from its content, so importing the same file again creates nothing twice.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from tiepdan.citizens.models import Citizen
from tiepdan.lib.errors import DomainError
from tiepdan.lib.text import fold
from tiepdan.orgunits.models import OrgUnit
from tiepdan.reception.models import ReceptionEntry
from tiepdan.reception.services.book import EntryData, _next_number, build_entry, validate_entry

KINDS = {
    "khieu nai": "complaint",
    "kn": "complaint",
    "to cao": "denunciation",
    "tc": "denunciation",
    "kien nghi": "petition",
    "kng": "petition",
    "phan anh": "feedback",
    "pa": "feedback",
}
_ROUTED = re.compile(r"^(.*?)\s*\(([^()]*)\)\s*$")
_PASSPORT = re.compile(r"^[A-Z]\d{7,8}$")


@dataclass
class ImportReport:
    accepted: int = 0
    duplicates: int = 0
    rejected: list[tuple[int, str]] = field(default_factory=list)
    dry_run: bool = False

    @property
    def total(self) -> int:
        return self.accepted + self.duplicates + len(self.rejected)


def read_rows(name: str, content: bytes) -> Iterator[tuple[int, list[object]]]:
    """(row number, cells) for each data row after the header row (the one starting 'STT')."""
    if name.lower().endswith(".xlsx"):
        sheet = load_workbook(io.BytesIO(content), read_only=True, data_only=True).worksheets[0]
        raw: Iterator[Sequence[object]] = sheet.iter_rows(values_only=True)
    else:
        text = content.decode("utf-8-sig")
        raw = csv.reader(io.StringIO(text))
    started = False
    for number, cells in enumerate(raw, start=1):
        values = list(cells)
        first = fold(str(values[0] or "")) if values else ""
        if not started:
            started = first == "stt"
            continue
        if not any(str(v or "").strip() for v in values) or first.startswith("("):
            continue  # blank lines and the (1) (2) … column-number row
        yield number, (values + [None] * 13)[:13]


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def _date(value: object) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _text(value)
    for pattern in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y"):
        try:
            return datetime.strptime(text, pattern).date()  # noqa: DTZ007 - a date, not a time
        except ValueError:
            continue
    raise DomainError(_("the date '%(value)s' is not a date (write dd/mm/yyyy)") % {"value": text})


def _split_name(value: object) -> tuple[str, str]:
    text = _text(value)
    for separator in (" - ", ", ", ","):
        if separator in text:
            name, address = text.split(separator, 1)
            return name.strip(), address.strip()
    raise DomainError(_("column 3 must give the name and the address ('Name - Address')"))


def _identity(value: object) -> tuple[str, str]:
    text = _text(value).replace(" ", "")
    if not text:
        return Citizen.IdKind.OTHER, ""
    if text.isdigit():
        return Citizen.IdKind.CCCD, text
    if _PASSPORT.match(text.upper()):
        return Citizen.IdKind.PASSPORT, text.upper()
    return Citizen.IdKind.OTHER, text


def _route(cells: list[object]) -> tuple[str, str, str]:
    for column, route in ((10, ReceptionEntry.Route.TRANSFER), (9, ReceptionEntry.Route.GUIDE)):
        text = _text(cells[column])
        if text:
            match = _ROUTED.match(text)
            return (route, match.group(1), match.group(2)) if match else (route, text, "")
    if fold(_text(cells[8])) in ("x", "co", "1"):
        return ReceptionEntry.Route.ACCEPT, "", ""
    return ReceptionEntry.Route.EXPLAIN, "", ""


def parse_row(cells: list[object]) -> EntryData:
    """Turn the 13 cells of a legacy row into the data of a book entry; raise DomainError."""
    name, address = _split_name(cells[2])
    id_kind, id_number = _identity(cells[3])
    kind = KINDS.get(fold(_text(cells[5])))
    if kind is None:
        raise DomainError(
            _("the type '%(value)s' is not one of: complaint, denunciation, petition, feedback")
            % {"value": _text(cells[5])}
        )
    people = _text(cells[6]) or "1"
    if not people.split(".")[0].isdigit():
        raise DomainError(_("the number of people '%(value)s' is not a number") % {"value": people})
    route, body, document = _route(cells)
    return EntryData(
        received_on=_date(cells[1]),
        full_name=name,
        address=address,
        id_kind=id_kind,
        id_number=id_number,
        summary=_text(cells[4]),
        kind=kind,
        people_count=int(people.split(".")[0]),
        prior_handling=_text(cells[7]),
        route=route,
        route_body=body,
        route_document=document,
        result=_text(cells[11]),
        notes=_text(cells[12]),
    )


def row_key(unit: OrgUnit, cells: list[object]) -> str:
    parts = [unit.code] + [
        fold(_text(c.date() if isinstance(c, datetime) else c)) for c in cells[1:]
    ]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def import_book(
    unit: OrgUnit, name: str, content: bytes, *, dry_run: bool = False, today: date | None = None
) -> ImportReport:
    """Validate every row; import the good ones in one transaction unless `dry_run`."""
    today = today or timezone.localdate()
    report = ImportReport(dry_run=dry_run)
    existing = set(
        ReceptionEntry.objects.filter(unit=unit)
        .exclude(import_key="")
        .values_list("import_key", flat=True)
    )
    accepted: list[tuple[str, EntryData]] = []
    for number, cells in read_rows(name, content):
        key = row_key(unit, cells)
        if key in existing:
            report.duplicates += 1
            continue
        try:
            data = parse_row(cells)
            validate_entry(data, today)
        except DomainError as error:
            report.rejected.append((number, error.message))
            continue
        existing.add(key)
        accepted.append((key, data))
    report.accepted = len(accepted)
    if not dry_run and accepted:
        _save(unit, accepted)
    return report


def _save(unit: OrgUnit, accepted: list[tuple[str, EntryData]]) -> None:
    with transaction.atomic():
        numbers: dict[int, int] = {}
        entries = []
        for key, data in sorted(accepted, key=lambda item: item[1].received_on):
            year = data.received_on.year
            numbers[year] = numbers.get(year) or _next_number(unit, year)
            entry = build_entry(unit, data, actor=None, number=numbers[year])
            numbers[year] += 1
            entry.import_key, entry.source, entry.notify_by = (
                key,
                ReceptionEntry.Source.IMPORTED,
                None,
            )
            entries.append(entry)
        ReceptionEntry.objects.bulk_create(entries, batch_size=1000)
