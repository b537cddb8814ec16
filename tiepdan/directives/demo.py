"""Demo directives: conclusions of the Party Committee's work sessions on citizen reception,
like those the wards' news pages report, at every stage (open, in progress, overdue, done)."""

from __future__ import annotations

from datetime import date, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from tiepdan.accounts.models import User
from tiepdan.demo.registry import Demo
from tiepdan.directives import services
from tiepdan.directives.models import Directive
from tiepdan.orgunits.models import OrgUnit

PREFIX = {"26743": "benthanh", "23231": "phuochoi"}

# (days before today issued, title, content, department code, working days, percent, done)
MEETING = [
    (
        40,
        "Tăng cường công tác tiếp công dân, đối thoại trực tiếp với Nhân dân",
        "Bí thư yêu cầu Đảng ủy, UBND phường tăng cường tiếp công dân, chủ động đối thoại "
        "trực tiếp với Nhân dân; giải quyết dứt điểm các vụ việc phức tạp, kéo dài.",
        "vp",
        40,
        60,
        False,
    ),
    (
        40,
        "Rà soát, sửa đổi Quy chế tiếp công dân của phường",
        "Rà soát quy chế tiếp công dân cho phù hợp Luật số 136/2025/QH15 và Nghị định số "
        "154/2026/NĐ-CP; trình Thường trực Đảng ủy trước khi ban hành.",
        "tcd",
        20,
        80,
        False,
    ),
    (
        40,
        "Công khai lịch tiếp công dân của Bí thư Đảng ủy phường",
        "Đăng lịch tiếp công dân định kỳ của Bí thư trên Trang thông tin điện tử phường và "
        "niêm yết tại trụ sở, nơi tiếp công dân chậm nhất 05 ngày làm việc trước ngày tiếp.",
        "vp",
        5,
        100,
        True,
    ),
    (
        12,
        "Rà soát các vụ việc tồn đọng về đất đai, báo cáo Thường trực Đảng ủy",
        "Lập danh sách vụ việc tồn đọng, đề xuất hướng giải quyết từng vụ việc.",
        "ktht",
        10,
        30,
        False,
    ),
    (
        5,
        "Tổ chức tập huấn kỹ năng tiếp công dân cho cán bộ khu phố",
        "Phối hợp Ủy ban MTTQ phường tổ chức tập huấn cho Trưởng khu phố, tổ trưởng tổ dân phố.",
        "mttq",
        25,
        0,
        False,
    ),
]

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _meeting_label(issued: date) -> str:
    return (
        f"Buổi làm việc của Ban Thường vụ Đảng ủy phường về công tác tiếp công dân, "
        f"giải quyết khiếu nại, tố cáo ngày {issued:%d/%m/%Y}"
    )


def seed(demo: Demo) -> None:
    today = timezone.localdate()
    for code, ward in demo.wards.items():
        if Directive.objects.filter(
            unit=ward, source_kind=Directive.SourceKind.WORK_MEETING
        ).exists():
            continue
        prefix = PREFIX.get(code)
        leader = demo.users.get(f"{prefix}.bithu")
        officer = demo.users.get(f"{prefix}.xuly")
        if leader is None or officer is None:
            continue
        _seed_ward(ward, leader, officer, today)
        demo.say(f"directives: {ward.name}")


def _seed_ward(ward: OrgUnit, leader: User, officer: User, today: date) -> None:
    departments = {d.code: d for d in ward.departments.all()}
    for days_ago, title, content, dept, wd, percent, done in MEETING:
        issued = today - timedelta(days=days_ago)
        directive = services.create_directive(
            unit=ward,
            title=title,
            content=content,
            issued_by=leader,
            issued_on=issued,
            source_kind=Directive.SourceKind.WORK_MEETING,
            source_label=_meeting_label(today - timedelta(days=40)),
            owner_department=departments.get(dept),
            owner_user=officer if dept == "ktht" else None,
            due_in_working_days=wd,
        )
        if done:
            evidence = ContentFile(PDF, name="ket-qua-thuc-hien.pdf")
            services.complete_directive(
                directive,
                note="Đã đăng lịch trên Trang thông tin điện tử và niêm yết tại trụ sở.",
                evidence=evidence,  # type: ignore[arg-type]
                actor=officer,
                completed_on=issued + timedelta(days=4),
            )
        elif percent:
            services.record_progress(
                directive,
                percent=percent,
                note="Đã triển khai, đang hoàn thiện dự thảo và tổng hợp ý kiến.",
                actor=officer,
            )
