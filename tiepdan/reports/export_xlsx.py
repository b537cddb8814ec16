"""Lay a report's tables out as an Excel annex: one sheet per table (tiepdan.lib.xlsx)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from tiepdan.lib import xlsx
from tiepdan.reports.content.report import Report


def to_xlsx(report: Report) -> bytes:
    book = xlsx.new_workbook()
    subtitle = _("%(unit)s — %(period)s (data %(start)s–%(end)s)") % {
        "unit": report.place,
        "period": report.window.period.label(),
        "start": report.window.start.strftime("%d/%m/%Y"),
        "end": report.window.end.strftime("%d/%m/%Y"),
    }
    tables = report.tables
    for index, table in enumerate(tables, start=1):
        widths = [max(6.0, w * 4) for w in table.widths_cm] if table.widths_cm else None
        xlsx.write_table(
            book,
            sheet_title=f"{index}. {table.title}"[:31],
            title=_("Annex %(n)s: %(title)s") % {"n": index, "title": table.title},
            subtitle=subtitle,
            headers=table.headers,
            rows=table.rows,
            widths=widths,
            number_row=True,
        )
    if not tables:
        xlsx.write_table(
            book, sheet_title=_("No data"), headers=[_("No data in this period")], rows=[]
        )
    return xlsx.workbook_bytes(book)
