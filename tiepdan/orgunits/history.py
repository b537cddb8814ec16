"""Reading old three-tier unit lists (province → district → commune) kept as history.

Before 1 July 2025 units had three tiers; old records may name a district. The lists come as a
CSV, with English column names or the headings of the General Statistics Office's export
("Tỉnh Thành Phố, Mã TP, Quận Huyện, Mã QH, Phường Xã, Mã PX, Cấp"). This module only reads and
checks rows (no database); `services.import_history` writes them.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tiepdan.lib.text import fold

# column -> (label for messages, accepted headings, folded)
COLUMNS = {
    "province_code": (gettext_lazy("province code"), ("province_code", "ma tp", "ma tinh")),
    "province_name": (gettext_lazy("province name"), ("province_name", "tinh thanh pho", "tinh")),
    "district_code": (gettext_lazy("district code"), ("district_code", "ma qh", "ma huyen")),
    "district_name": (gettext_lazy("district name"), ("district_name", "quan huyen", "huyen")),
    "commune_code": (gettext_lazy("commune code"), ("commune_code", "ma px", "ma xa")),
    "commune_name": (gettext_lazy("commune name"), ("commune_name", "phuong xa", "xa")),
}
OPTIONAL = {"commune_kind": ("commune_kind", "cap")}
CODE_DIGITS = {"province_code": 2, "district_code": 3, "commune_code": 5}


@dataclass(frozen=True)
class HistoryRow:
    line: int
    province_code: str
    province_name: str
    district_code: str
    district_name: str
    commune_code: str
    commune_name: str
    commune_kind: str  # "phuong", "xa" or "thi_tran"


def _column_map(header: list[str]) -> tuple[dict[str, int], list[str]]:
    folded = [" ".join(fold(name).replace("/", " ").split()) for name in header]
    found: dict[str, int] = {}
    errors = []
    for key, (label, names) in COLUMNS.items():
        index = next((i for i, name in enumerate(folded) if name in names), None)
        if index is None:
            errors.append(_("The file has no “%(column)s” column.") % {"column": label})
        else:
            found[key] = index
    for key, accepted in OPTIONAL.items():
        index = next((i for i, name in enumerate(folded) if name in accepted), None)
        if index is not None:
            found[key] = index
    return found, errors


def commune_kind(name: str, declared: str = "") -> str:
    """Tell a ward, a township or a commune from the declared tier or the name's first word."""
    text = fold(declared or name)
    if text.startswith("phuong"):
        return "phuong"
    if text.startswith("thi tran"):
        return "thi_tran"
    return "xa"


def _code(value: str, key: str, line: int, errors: list[str]) -> str:
    label = COLUMNS[key][0]
    if not value:
        errors.append(
            _("Line %(line)s: the %(column)s is missing.") % {"line": line, "column": label}
        )
        return ""
    if not value.isdigit() or len(value) > CODE_DIGITS[key]:
        errors.append(
            _("Line %(line)s: the %(column)s “%(value)s” is not a code of up to %(digits)s digits.")
            % {"line": line, "column": label, "value": value, "digits": CODE_DIGITS[key]}
        )
        return ""
    return value.zfill(CODE_DIGITS[key])


def _row(cells: list[str], columns: dict[str, int], line: int, errors: list[str]) -> HistoryRow:
    def cell(key: str) -> str:
        index = columns.get(key)
        return cells[index].strip() if index is not None and index < len(cells) else ""

    for key in ("province_name", "district_name", "commune_name"):
        if not cell(key):
            errors.append(
                _("Line %(line)s: the %(column)s is missing.")
                % {"line": line, "column": COLUMNS[key][0]}
            )
    return HistoryRow(
        line=line,
        province_code=_code(cell("province_code"), "province_code", line, errors),
        province_name=cell("province_name"),
        district_code=_code(cell("district_code"), "district_code", line, errors),
        district_name=cell("district_name"),
        commune_code=_code(cell("commune_code"), "commune_code", line, errors),
        commune_name=cell("commune_name"),
        commune_kind=commune_kind(cell("commune_name"), cell("commune_kind")),
    )


def _check_consistency(rows: list[HistoryRow]) -> list[str]:
    """A district belongs to one province; a commune code appears once."""
    errors = []
    district_of: dict[str, HistoryRow] = {}
    commune_at: dict[str, int] = {}
    for row in rows:
        first = district_of.setdefault(row.district_code, row)
        if row.district_code and first.province_code != row.province_code:
            errors.append(
                _(
                    "Line %(line)s: district %(code)s is listed under province %(other)s "
                    "on line %(first)s."
                )
                % {
                    "line": row.line,
                    "code": row.district_code,
                    "other": first.province_code,
                    "first": first.line,
                }
            )
        if row.commune_code and row.commune_code in commune_at:
            errors.append(
                _("Line %(line)s: commune %(code)s already appears on line %(first)s.")
                % {
                    "line": row.line,
                    "code": row.commune_code,
                    "first": commune_at[row.commune_code],
                }
            )
        commune_at.setdefault(row.commune_code, row.line)
    return errors


def read_history(lines: Iterable[str]) -> tuple[list[HistoryRow], list[str]]:
    """Read the rows of an old unit list; return them and one message per problem found."""
    reader = csv.reader(lines)
    header = next(reader, None)
    if not header:
        return [], [_("The file is empty.")]
    columns, errors = _column_map([name.lstrip("\ufeff") for name in header])
    if errors:
        return [], errors
    rows = []
    for cells in reader:
        if not any(cell.strip() for cell in cells):
            continue
        rows.append(_row(cells, columns, reader.line_num, errors))
    if not rows and not errors:
        errors.append(_("The file has no rows."))
    return rows, errors + _check_consistency([r for r in rows if r.commune_code])
