"""A work programme as an Excel workbook: one sheet of targets, one of results; and back."""

from __future__ import annotations

import io
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import load_workbook

from tiepdan.lib import xlsx
from tiepdan.lib.errors import DomainError
from tiepdan.targets import services
from tiepdan.targets.models import Programme, Target
from tiepdan.targets.periods import parse_period

TARGET_COLUMNS = [
    "code", "order", "name", "group", "measure", "plan", "direction",
    "decimals", "value_decimals", "change_decimals", "source", "builtin",
]  # fmt: skip
RESULT_COLUMNS = ["code", "period", "value", "previous", "note"]
TARGETS_SHEET, RESULTS_SHEET = "Chi tieu", "Ket qua"


def _target_headers() -> list[str]:
    return [
        _("Code"), _("Order"), _("Indicator"), _("Group"), _("Unit of measure"),
        pgettext("target", "Plan"),
        _("Direction"), _("Decimals (%)"), _("Decimals (values)"), _("Decimals (change)"),
        _("Source"), _("Computed indicator"),
    ]  # fmt: skip


def export_programme(programme: Programme) -> bytes:
    """The programme's targets and every result, in sheets that `import_programme` reads back."""
    book = xlsx.new_workbook()
    targets = list(programme.targets.prefetch_related("results"))
    title = f"{programme.title} — {programme.unit}"
    xlsx.write_table(
        book, sheet_title=TARGETS_SHEET, title=title, subtitle=programme.source,
        headers=_target_headers(),
        rows=[[t.code, t.order, t.name, t.group, t.measure, t.plan, t.direction, t.decimals,
               t.value_decimals, t.change_decimals, t.source, t.builtin] for t in targets],
        widths=[18, 6, 48, 12, 12, 12, 10, 8, 8, 8, 30, 18],
    )  # fmt: skip
    results = [
        [t.code, r.period.code, r.value, r.previous, r.note]
        for t in targets
        for r in t.results.all()
    ]
    xlsx.write_table(
        book, sheet_title=RESULTS_SHEET, title=title,
        headers=[_("Code"), _("Period"), _("Result"), _("Same period last year"), _("Note")],
        rows=results, widths=[18, 10, 14, 14, 40],
    )  # fmt: skip
    return xlsx.workbook_bytes(book)


def _rows(sheet: object, columns: list[str]) -> list[dict[str, object]]:
    """The data rows under the header row (found by its first cell being the 'Code' header)."""
    rows = list(sheet.iter_rows(values_only=True))  # type: ignore[attr-defined]
    names = {_("Code"), "Code", "Mã"}
    start = next((i for i, row in enumerate(rows) if row and row[0] in names), None)
    if start is None:
        raise DomainError(_("The sheet has no header row starting with “Code”."), field="file")
    out = []
    for row in rows[start + 1 :]:
        if row and row[0] not in (None, ""):
            out.append(dict(zip(columns, row, strict=False)))
    return out


def _decimal(value: object, line: int) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        return Decimal(str(value).replace(",", "."))
    except InvalidOperation as exc:
        raise DomainError(
            _("Line %(line)s: “%(value)s” is not a number.") % {"line": line, "value": value},
            field="file",
        ) from exc


def _target_fields(row: dict[str, object], line: int) -> dict[str, object]:
    group = str(row.get("group") or "other")
    if group not in Target.Group.values:
        raise DomainError(
            _("Line %(line)s: unknown group “%(group)s”.") % {"line": line, "group": group},
            field="file",
        )
    return {
        "order": int(row.get("order") or 0),  # type: ignore[call-overload]
        "name": str(row["name"]),
        "group": group,
        "measure": str(row.get("measure") or ""),
        "plan": _decimal(row.get("plan"), line),
        "direction": str(row.get("direction") or Target.Direction.HIGHER),
        "decimals": int(row.get("decimals") or 0),  # type: ignore[call-overload]
        "value_decimals": int(row.get("value_decimals") or 0),  # type: ignore[call-overload]
        "change_decimals": int(row.get("change_decimals") or 0),  # type: ignore[call-overload]
        "source": str(row.get("source") or ""),
        "builtin": str(row.get("builtin") or ""),
    }


def import_programme(programme: Programme, data: bytes) -> int:
    """Create or update the programme's targets and results from a workbook; all or nothing."""
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise DomainError(_("This file is not an Excel workbook (.xlsx)."), field="file") from exc
    if TARGETS_SHEET not in book.sheetnames:
        raise DomainError(
            _("The workbook has no sheet named “%(name)s”.") % {"name": TARGETS_SHEET}, field="file"
        )
    count = 0
    with transaction.atomic():
        for line, row in enumerate(_rows(book[TARGETS_SHEET], TARGET_COLUMNS), start=1):
            fields = _target_fields(row, line)
            try:
                services.save_target(programme, code=str(row["code"]), **fields)
            except DomainError as error:
                raise DomainError(f"{line}: {error.message}", field="file") from error
            count += 1
        if RESULTS_SHEET in book.sheetnames:
            _import_results(programme, _rows(book[RESULTS_SHEET], RESULT_COLUMNS))
    return count


def _import_results(programme: Programme, rows: list[dict[str, object]]) -> None:
    targets = {t.code: t for t in programme.targets.all()}
    for line, row in enumerate(rows, start=1):
        target = targets.get(str(row["code"]))
        if target is None:
            raise DomainError(
                _("Results line %(line)s: no target with code “%(code)s”.")
                % {"line": line, "code": row["code"]},
                field="file",
            )
        value = _decimal(row.get("value"), line)
        if value is None:
            continue
        services.record_result(
            target,
            period=parse_period(str(row.get("period"))),
            value=value,
            previous=_decimal(row.get("previous"), line),
            note=str(row.get("note") or ""),
        )
