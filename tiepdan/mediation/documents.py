"""Mediation papers: the successful-mediation record (Law 35/2013 Art. 24(2)) and the team's
yearly report to the commune People's Committee and the Fatherland Front (Art. 15)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.utils import translation

from tiepdan.lib.docx import OfficialDocument, short_date
from tiepdan.mediation import rules
from tiepdan.mediation.models import MediationCase, MediationTeam


def _team_header(team: MediationTeam) -> tuple[str, str]:
    ward = team.group.parent
    return (f"UBND {ward.name}" if ward else ""), team.name


@translation.override("vi")
def agreement_name(case: MediationCase) -> str:
    """The file name of the agreement record, for the page and the API."""
    return f"van-ban-hoa-giai-thanh-{case.year}-{case.number:02d}.docx"


def agreement_docx(case: MediationCase) -> bytes:
    """'Văn bản hòa giải thành' with every Art. 24(2) item, to be signed by all."""
    a = case.agreement
    superior, issuer = _team_header(case.team)
    doc = OfficialDocument(
        issuer=issuer,
        superior=superior,
        number=f"{case.number:02d}/{case.year}",
        place=case.team.group.name,
        on=a.made_on,
        kind="VĂN BẢN HÒA GIẢI THÀNH",
        summary=f"Vụ việc: {case.get_field_display()}",
    )
    doc.paragraph(
        f"Hôm nay, ngày {a.made_on:%d/%m/%Y}, tại {a.place}, "
        "Tổ hòa giải lập văn bản hòa giải thành như sau:"
    )
    items = [
        ("1. Căn cứ tiến hành hòa giải", a.grounds),
        ("2. Thông tin cơ bản về các bên", a.parties),
        ("3. Nội dung chủ yếu của vụ, việc", a.summary),
        ("4. Diễn biến của quá trình hòa giải", a.course),
        ("5. Thỏa thuận đạt được và giải pháp thực hiện", a.agreement),
        ("6. Quyền và nghĩa vụ của các bên", a.rights_and_duties),
        ("7. Phương thức, thời hạn thực hiện thỏa thuận", a.method_and_deadline),
    ]
    for heading, text in items:
        doc.heading(heading)
        doc.paragraph(text)
    if a.carry_out_by:
        doc.paragraph(
            f"Thời hạn hoàn thành việc thực hiện thỏa thuận: {short_date(a.carry_out_by)}."
        )
    doc.paragraph(
        "Văn bản được lập thành các bản có giá trị như nhau, mỗi bên giữ 01 bản, Tổ hòa giải giữ "
        "01 bản. Các bên đã đọc lại, đồng ý và cùng ký tên hoặc điểm chỉ dưới đây."
    )
    doc.heading(
        "8. Chữ ký hoặc điểm chỉ của các bên và hòa giải viên"
    ).paragraph_format.keep_with_next = True
    names = [p.full_name for p in case.parties.all()[:2]]
    mediators = "\n".join(m.full_name for m in case.mediators.all())
    names += [""] * (2 - len(names))
    doc.signature_grid(
        ["BÊN THỨ NHẤT", "BÊN THỨ HAI", "HÒA GIẢI VIÊN"],
        [*names, mediators],
        "(Ký, điểm chỉ, ghi rõ họ tên)",
    )
    return doc.to_bytes()


@dataclass(frozen=True)
class YearFigures:
    received: int
    refused: int
    successful: int
    unsuccessful: int
    stopped: int
    open: int
    late_starts: int
    by_field: list[tuple[str, int]]

    @property
    def ended(self) -> int:
        return self.successful + self.unsuccessful + self.stopped

    @property
    def success_rate(self) -> float | None:
        return rules.success_rate(self.successful, self.ended)


def year_figures(cases: list[MediationCase]) -> YearFigures:
    status = Counter(c.status for c in cases)
    S = MediationCase.Status
    fields = Counter(c.get_field_display() for c in cases if c.status != S.REFUSED)
    late = sum(1 for c in cases if c.started_late)
    return YearFigures(
        received=len(cases),
        refused=status[S.REFUSED],
        successful=status[S.SUCCESSFUL],
        unsuccessful=status[S.UNSUCCESSFUL],
        stopped=status[S.STOPPED],
        open=status[S.OPEN],
        late_starts=late,
        by_field=sorted(fields.items(), key=lambda kv: -kv[1]),
    )


@translation.override("vi")
def team_report_docx(team: MediationTeam, year: int, *, on: date) -> bytes:
    """The leader's yearly report on the team's work (Law 35/2013 Art. 15)."""
    cases = list(team.cases.filter(year=year))
    f = year_figures(cases)
    superior, issuer = _team_header(team)
    doc = OfficialDocument(
        issuer=issuer,
        superior=superior,
        place=team.group.name,
        on=on,
        kind="BÁO CÁO",
        summary=f"Kết quả hoạt động hòa giải ở cơ sở năm {year}",
    )
    members = list(team.mediators.filter(is_active=True))
    women = sum(1 for m in members if m.is_woman)
    leader = team.leader.full_name if team.leader else "chưa có"
    doc.heading("I. Tình hình tổ chức")
    decision = ""
    if team.leader_decision_number:
        decision = (
            f" (Quyết định công nhận số {team.leader_decision_number}"
            f" ngày {short_date(team.leader_decision_on)})"
        )
    doc.paragraph(
        f"Tổ hòa giải có {len(members):02d} hòa giải viên, trong đó {women:02d} hòa giải viên nữ; "
        f"tổ trưởng: {leader}{decision}."
    )
    doc.heading("II. Kết quả hòa giải")
    rate = f"{f.success_rate:.1f}".replace(".", ",") + "%" if f.success_rate is not None else "—"
    doc.table(
        ["Chỉ tiêu", "Số vụ việc"],
        [
            ("Tổng số vụ việc tiếp nhận", f.received),
            ("Không thuộc phạm vi hòa giải (Điều 3), đã từ chối", f.refused),
            ("Hòa giải thành", f.successful),
            ("Hòa giải không thành", f.unsuccessful),
            ("Dừng hòa giải (Điều 23)", f.stopped),
            ("Đang hòa giải", f.open),
            ("Bắt đầu hòa giải chậm quá 03 ngày (Điều 20)", f.late_starts),
            ("Tỷ lệ hòa giải thành", rate),
        ],
        widths_cm=[11.5, 4.5],
    )
    if f.by_field:
        doc.paragraph("Phân theo lĩnh vực:")
        doc.table(["Lĩnh vực", "Số vụ việc"], f.by_field, widths_cm=[11.5, 4.5])
    doc.heading("III. Đề xuất, kiến nghị")
    doc.paragraph(
        "Đề nghị Ủy ban nhân dân phường tiếp tục bồi dưỡng kỹ năng, "
        "hỗ trợ kinh phí cho hòa giải viên."
    )
    doc.signature(
        title="TỔ TRƯỞNG TỔ HÒA GIẢI",
        name=team.leader.full_name if team.leader else "",
        recipients=[
            "UBND phường (Công chức Tư pháp - Hộ tịch)",
            "Ban Thường trực Ủy ban MTTQ phường",
            "Lưu: Tổ hòa giải",
        ],
    )
    return doc.to_bytes()
