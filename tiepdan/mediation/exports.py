"""The mediation log book, "Sổ theo dõi hoạt động hòa giải ở cơ sở" (Law 35/2013 Art. 21), as
an Excel workbook: one sheet per team, one row per case of the year."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils import translation

from tiepdan.lib.xlsx import new_workbook, workbook_bytes, write_table
from tiepdan.orgunits.models import OrgUnit

from .models import MediationCase, MediationTeam

HEADERS = [
    "STT",
    "Ngày tiếp nhận",
    "Họ tên, năm sinh, địa chỉ của các bên",
    "Nội dung vụ, việc",
    "Lĩnh vực",
    "Căn cứ hòa giải",
    "Hòa giải viên",
    "Ngày hòa giải",
    "Kết quả hòa giải",
    "Ghi chú",
]
WIDTHS = [6, 12, 34, 44, 16, 20, 24, 12, 16, 34]


def _parties(case: MediationCase) -> str:
    lines = []
    for p in case.parties.all():
        born = f", {p.birth_year}" if p.birth_year else ""
        where = f", {p.address}" if p.address else ""
        lines.append(f"{p.full_name}{born}{where}")
    return "\n".join(lines)


def _notes(case: MediationCase) -> str:
    notes = []
    if case.status == MediationCase.Status.REFUSED:
        notes.append(
            f"Không hòa giải (Điều 3): {case.get_exclusion_display()}. {case.refusal_note}"
        )
    if case.status == MediationCase.Status.STOPPED:
        notes.append(case.get_stop_reason_display())
    if case.started_late:
        notes.append("Bắt đầu hòa giải chậm quá 03 ngày kể từ ngày phân công (Điều 20)")
    if case.referred_on:
        notes.append(f"Đã chuyển {case.referred_to} ngày {case.referred_on:%d/%m/%Y}")
    follow = case.follow_ups.last()
    if follow:
        notes.append(
            f"Theo dõi thực hiện ({follow.checked_on:%d/%m/%Y}): {follow.get_result_display()}"
        )
    return "\n".join(notes)


def _row(index: int, case: MediationCase) -> list[object]:
    return [
        index,
        case.received_on,
        _parties(case),
        case.summary,
        case.get_field_display(),
        case.get_origin_display(),
        ", ".join(m.full_name for m in case.mediators.all()),
        case.started_on,
        case.get_status_display(),
        _notes(case),
    ]


def book_rows(cases: Iterable[MediationCase]) -> Iterable[list[object]]:
    for index, case in enumerate(cases, start=1):
        yield _row(index, case)


@translation.override("vi")
def book_xlsx(unit: OrgUnit, year: int) -> bytes:
    """The log book of every team of a ward (or of one group's team) for a year."""
    teams = MediationTeam.objects.filter(group__path__startswith=unit.path).select_related("group")
    workbook = new_workbook()
    for team in teams:
        cases = (
            team.cases.filter(year=year)
            .order_by("number")
            .prefetch_related("parties", "mediators", "follow_ups")
        )
        write_table(
            workbook,
            sheet_title=team.group.name,
            title="SỔ THEO DÕI HOẠT ĐỘNG HÒA GIẢI Ở CƠ SỞ",
            subtitle=f"{team.name} - {unit.name} - Năm {year}",
            headers=HEADERS,
            rows=book_rows(cases),
            widths=WIDTHS,
            number_row=True,
        )
    if not workbook.worksheets:
        write_table(workbook, sheet_title=str(year), headers=HEADERS, rows=[], widths=WIDTHS)
    return workbook_bytes(workbook)
