"""Lay a report out as a Word document in the Decree 30/2020 layout (tiepdan.lib.docx)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.table import Table

from tiepdan.lib.docx import MOTTO, NATIONAL_TITLE, OfficialDocument
from tiepdan.reports.content import Report

PARTY_TITLE = "ĐẢNG CỘNG SẢN VIỆT NAM"


def to_docx(report: Report) -> bytes:
    doc = OfficialDocument(
        issuer=report.issuer,
        superior=report.superior,
        number=report.number,
        place=report.place,
        on=report.on,
        kind=report.title,
        summary=report.summary,
    )
    if report.kind == "party":
        party_title_block(doc)
    for section in report.sections:
        if section.heading:
            doc.heading(section.heading)
        for text in section.paragraphs:
            doc.paragraph(text)
        for table in section.tables:
            doc.paragraph(table.title, italic=True, align="center", indent=False, size=13)
            repeat_header(doc.table(table.headers, table.rows, widths_cm=table.widths_cm))
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


def party_title_block(doc: OfficialDocument) -> None:
    """A Party committee's heading: 'ĐẢNG CỘNG SẢN VIỆT NAM' on the right, 'Số 01-BC/ĐU', '*'."""
    left, right = doc.document.tables[0].rows[0].cells
    for paragraph in right.paragraphs:
        if paragraph.text == NATIONAL_TITLE:
            paragraph.runs[0].text = PARTY_TITLE
            paragraph.runs[0].font.size = Pt(15)
        elif paragraph.text == MOTTO:
            paragraph._p.getparent().remove(paragraph._p)
    for paragraph in left.paragraphs:
        if paragraph.text.startswith("Số: "):
            paragraph.runs[0].text = paragraph.text.replace("Số: ", "Số ", 1)
            paragraph.insert_paragraph_before("*").alignment = paragraph.alignment


def repeat_header(table: Table) -> None:
    """Repeat the header row on every page a long table runs over (Word's 'tblHeader')."""
    row_properties = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row_properties.append(header)
