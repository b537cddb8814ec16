"""Word documents in the layout of Decree 30/2020/NĐ-CP, Appendix I (DOMAIN §7, rule 24).

A4 portrait, margins 20/20/30/15 mm (top/bottom/left/right), Times New Roman; the title block
with the issuing body on the left and the national title and motto on the right; "Số: …" and
the place-and-date line with leading zeros; the type and summary (trích yếu); the body; the
signature block with "Nơi nhận"; page numbers centred at the top from page 2 on.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from datetime import date

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

FONT = "Times New Roman"
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
# Party committees' documents (Hướng dẫn 36-HD/VPTW) carry the Party's name instead of the
# national title, a "*" under the issuer and "Số 01-BC/ĐU" without a colon.
PARTY_TITLE = "ĐẢNG CỘNG SẢN VIỆT NAM"

_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}


def vn_date(d: date) -> str:
    """'ngày 05 tháng 02 năm 2026' — leading zeros as Decree 30 requires."""
    return f"ngày {d.day:02d} tháng {d.month:02d} năm {d.year}"


def place_date_line(place: str, d: date) -> str:
    return f"{place}, {vn_date(d)}"


def short_date(d: date | None) -> str:
    """dd/mm/yyyy, the form used in tables."""
    return d.strftime("%d/%m/%Y") if d else ""


def _set_font(run_or_style: object, size: float | None = None) -> None:
    font = run_or_style.font  # type: ignore[attr-defined]
    font.name = FONT
    if size:
        font.size = Pt(size)
    element = run_or_style.element  # type: ignore[attr-defined]
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)


def _no_borders(table: Table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)


def _set_widths(table: Table, widths_cm: Sequence[float]) -> None:
    """Fix column widths (Word and LibreOffice read the grid, not only the cells)."""
    table.autofit = False
    grid = table._tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths_cm, strict=False):
        col.set(qn("w:w"), str(int(Cm(width).twips)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm, strict=False):
            cell.width = Cm(width)


def _repeat_header_row(table: Table) -> None:
    """Repeat the first row at the top of every page a long table runs over."""
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    table.rows[0]._tr.get_or_add_trPr().append(header)


def _rule_below(paragraph: Paragraph, indent_cm: float) -> None:
    """A short horizontal rule: a tiny empty paragraph after `paragraph` with a bottom border."""
    rule = OxmlElement("w:p")
    paragraph._p.addnext(rule)
    rule_paragraph = Paragraph(rule, paragraph._parent)
    rule_paragraph.paragraph_format.space_after = Pt(0)
    rule_paragraph.paragraph_format.space_before = Pt(0)
    rule_paragraph.paragraph_format.line_spacing = Pt(2)
    ppr = rule_paragraph._p.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    border.append(bottom)
    ppr.append(border)
    rule_paragraph.paragraph_format.left_indent = Cm(indent_cm)
    rule_paragraph.paragraph_format.right_indent = Cm(indent_cm)


def _page_number_field(paragraph: Paragraph) -> None:
    run = paragraph.add_run()
    _set_font(run, 13)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


class OfficialDocument:
    """One administrative document (notice, report, minutes…) in the Decree 30 layout.

    `party=True` lays out the heading of a Party committee's document instead.
    """

    def __init__(
        self,
        *,
        issuer: str,
        number: str = "",
        place: str,
        on: date,
        kind: str,
        summary: str = "",
        superior: str = "",
        landscape: bool = False,
        party: bool = False,
    ) -> None:
        self.document = Document()
        self.party = party
        self._setup_page(landscape)
        self._title_block(superior=superior, issuer=issuer, number=number, place=place, on=on)
        self._kind_and_summary(kind, summary)

    # --- layout -------------------------------------------------------------------------------
    def _setup_page(self, landscape: bool) -> None:
        section = self.document.sections[0]
        width, height = Mm(210), Mm(297)
        if landscape:
            section.orientation = WD_ORIENT.LANDSCAPE
            width, height = height, width
        section.page_width, section.page_height = width, height
        text_width = (width - Mm(45)) / 360000  # EMU per cm
        self._block_widths = (text_width * 0.4, text_width * 0.6)
        section.top_margin = section.bottom_margin = Mm(20)
        section.left_margin, section.right_margin = Mm(30), Mm(15)
        section.different_first_page_header_footer = True
        header = section.header.paragraphs[0]
        header.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _page_number_field(header)
        normal = self.document.styles["Normal"]
        _set_font(normal, 14)
        normal.paragraph_format.space_after = Pt(6)  # type: ignore[attr-defined]
        normal.paragraph_format.line_spacing = 1.15  # type: ignore[attr-defined]

    def _cell_line(
        self,
        cell: object,
        text: str,
        *,
        size: float,
        bold: bool = False,
        italic: bool = False,
        underline: bool = False,
        first: bool = False,
    ) -> Paragraph:
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()  # type: ignore[attr-defined]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_after = Pt(0)
        run = paragraph.add_run(text)
        run.bold, run.italic, run.underline = bold, italic, underline
        _set_font(run, size)
        return paragraph

    def _title_block(
        self, *, superior: str, issuer: str, number: str, place: str, on: date
    ) -> None:
        table = self.document.add_table(rows=1, cols=2)
        _no_borders(table)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        _set_widths(table, self._block_widths)
        left, right = table.rows[0].cells
        first = True
        if superior:
            self._cell_line(left, superior.upper(), size=13, first=True)
            first = False
        issuer_line = self._cell_line(left, issuer.upper(), size=13, bold=True, first=first)
        if self.party:
            self._cell_line(left, "*", size=13)
        else:
            _rule_below(issuer_line, 2.0)
        if number:
            label = "Số" if self.party else "Số:"
            number_line = self._cell_line(left, f"{label} {number}", size=13)
            number_line.paragraph_format.space_before = Pt(6)
        if self.party:
            self._cell_line(right, PARTY_TITLE, size=15, bold=True, underline=True, first=True)
        else:
            self._cell_line(right, NATIONAL_TITLE, size=12, bold=True, first=True)
            motto = self._cell_line(right, MOTTO, size=13, bold=True)
            _rule_below(motto, 2.2)
        date_line = self._cell_line(right, place_date_line(place, on), size=13, italic=True)
        date_line.paragraph_format.space_before = Pt(6)

    def _kind_and_summary(self, kind: str, summary: str) -> None:
        title = self.document.add_paragraph()
        title.alignment = WD_ALIGN_PARAGRAPH.CENTER
        title.paragraph_format.space_before = Pt(18)
        title.paragraph_format.space_after = Pt(0)
        run = title.add_run(kind.upper())
        run.bold = True
        _set_font(run, 14)
        if summary:
            line = self.document.add_paragraph()
            line.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = line.add_run(summary)
            run.bold = True
            _set_font(run, 14)
            _rule_below(line, 6.5)
        else:
            _rule_below(title, 6.5)
        self.document.add_paragraph().paragraph_format.space_after = Pt(0)

    # --- content ------------------------------------------------------------------------------
    def paragraph(
        self,
        text: str = "",
        *,
        bold: bool = False,
        italic: bool = False,
        align: str = "justify",
        indent: bool = True,
        size: float = 14,
    ) -> Paragraph:
        paragraph = self.document.add_paragraph()
        paragraph.alignment = _ALIGN[align]
        if indent and align == "justify":
            paragraph.paragraph_format.first_line_indent = Cm(1)
        run = paragraph.add_run(text)
        run.bold, run.italic = bold, italic
        _set_font(run, size)
        return paragraph

    def labelled(self, label: str, text: str) -> Paragraph:
        """A line with a bold label and plain text: 'Họ và tên: Nguyễn Văn A'."""
        paragraph = self.paragraph(indent=True)
        run = paragraph.add_run(f"{label}: ")
        run.bold = True
        _set_font(run, 14)
        run = paragraph.add_run(text)
        _set_font(run, 14)
        return paragraph

    def heading(self, text: str) -> Paragraph:
        return self.paragraph(text, bold=True, align="justify", indent=True)

    def basis(self, lines: Sequence[str]) -> None:
        """Legal-basis lines: italic, each ending ';' and the last '.'."""
        for index, line in enumerate(lines):
            end = "." if index == len(lines) - 1 else ";"
            self.paragraph(line.rstrip(" ;.") + end, italic=True)

    def table(
        self,
        headers: Sequence[str],
        rows: Iterable[Sequence[object]],
        *,
        widths_cm: Sequence[float] | None = None,
        size: float = 12,
    ) -> Table:
        table = self.document.add_table(rows=1, cols=len(headers))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for cell, header in zip(table.rows[0].cells, headers, strict=True):
            self._table_text(cell, header, size=size, bold=True, align="center")
        _repeat_header_row(table)
        for row in rows:
            cells = table.add_row().cells
            for cell, value in zip(cells, row, strict=True):
                numeric = isinstance(value, int | float)
                self._table_text(
                    cell, _text(value), size=size, align="right" if numeric else "left"
                )
        if widths_cm:
            _set_widths(table, widths_cm)
        self.document.add_paragraph().paragraph_format.space_after = Pt(0)
        return table

    def _table_text(
        self, cell: object, text: str, *, size: float, bold: bool = False, align: str
    ) -> None:
        paragraph = cell.paragraphs[0]  # type: ignore[attr-defined]
        paragraph.alignment = _ALIGN[align]
        paragraph.paragraph_format.space_after = Pt(0)
        run = paragraph.add_run(text)
        run.bold = bold
        _set_font(run, size)

    def image(self, data: bytes, *, width_cm: float = 15) -> None:
        paragraph = self.document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run().add_picture(io.BytesIO(data), width=Cm(width_cm))

    def page_break(self) -> None:
        self.document.add_page_break()

    def signature(
        self,
        *,
        title: str,
        name: str,
        on_behalf: str = "",
        recipients: Sequence[str] = (),
        note: str = "",
    ) -> None:
        """'Nơi nhận' on the left; on the right the authority, post, room to sign, and name."""
        table = self.document.add_table(rows=1, cols=2)
        _no_borders(table)
        _set_widths(table, self._block_widths)
        left, right = table.rows[0].cells
        if recipients:
            label = left.paragraphs[0]
            run = label.add_run("Nơi nhận:")
            run.bold, run.italic = True, True
            _set_font(run, 12)
            label.paragraph_format.space_after = Pt(0)
            for recipient in recipients:
                line = left.add_paragraph()
                line.paragraph_format.space_after = Pt(0)
                _set_font(line.add_run(f"- {recipient}"), 11)
        first = True
        if on_behalf:
            self._cell_line(right, on_behalf.upper(), size=14, bold=True, first=True)
            first = False
        self._cell_line(right, title.upper(), size=14, bold=True, first=first)
        if note:
            self._cell_line(right, note, size=13, italic=True)
        for _ in range(3):
            self._cell_line(right, "", size=14)
        self._cell_line(right, name, size=14, bold=True)

    def signature_grid(self, headers: Sequence[str], names: Sequence[str], hint: str) -> None:
        """Signatures side by side (minutes, agreements): title, hint, room to sign, name."""
        blank = [""] * len(headers)
        table = self.table(headers, [[hint] * len(headers), blank, blank, list(names)])
        table.style = self.document.styles["Normal Table"]
        for index, row in enumerate(table.rows):
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                    paragraph.paragraph_format.keep_with_next = index < 4
                    for run in paragraph.runs:
                        run.italic = index == 1
                        run.bold = index in (0, 4)

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return short_date(value)
    if isinstance(value, float):
        return f"{value:,.2f}".replace(",", " ").replace(".", ",")
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}".replace(",", ".")
    return str(value)
