"""Lay a report out as a Word document in the Decree 30/2020 layout (tiepdan.lib.docx)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from tiepdan.lib.docx import OfficialDocument
from tiepdan.reports.content.report import Report


def to_docx(report: Report) -> bytes:
    doc = OfficialDocument(
        issuer=report.issuer,
        superior=report.superior,
        number=report.number,
        place=report.place,
        on=report.on,
        kind=report.title,
        summary=report.summary,
        party=report.kind == "party",
    )
    for section in report.sections:
        if section.heading:
            doc.heading(section.heading)
        for text in section.paragraphs:
            doc.paragraph(text)
        for table in section.tables:
            doc.paragraph(table.title, italic=True, align="center", indent=False, size=13)
            doc.table(table.headers, table.rows, widths_cm=table.widths_cm)
        for chart in section.charts:
            doc.image(chart.png, width_cm=chart.width_cm)
            doc.paragraph(
                _("Chart: %(title)s") % {"title": chart.title},
                italic=True, align="center", indent=False, size=12,
            )  # fmt: skip
    doc.signature(
        on_behalf=report.signer_on_behalf,
        title=report.signer_title,
        name=report.signer_name,
        recipients=report.recipients,
    )
    return doc.to_bytes()
