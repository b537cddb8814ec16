"""The demo wards' 2022–2023 work programme with the figures the wards published for 2023.

Exact amounts are stored so that the published roundings come out: 4,796 of 3,8 billion đồng of
non-agricultural land tax is published as "4,8 … đạt 126,2 %".
"""

from __future__ import annotations

from decimal import Decimal

from tiepdan.accounts.models import User
from tiepdan.demo.registry import Demo
from tiepdan.orgunits.models import OrgUnit
from tiepdan.targets import services
from tiepdan.targets.models import Programme, Target, UnitRating
from tiepdan.targets.periods import Period

G = Target.Group
LOWER = Target.Direction.LOWER
HIGHER = Target.Direction.HIGHER

# code, name, group, measure, plan, direction, decimals (% / values / change), result, last year
TARGETS_2023 = [
    (
        "party-admissions",
        "Kết nạp đảng viên mới",
        G.PARTY,
        "đảng viên",
        "7",
        HIGHER,
        (1, 0, 0),
        "8",
        "7",
    ),
    (
        "land-tax",
        "Thu thuế sử dụng đất phi nông nghiệp",
        G.ECONOMY,
        "tỷ đồng",
        "3.8",
        HIGHER,
        (1, 1, 0),
        "4.796",
        "4.12",
    ),
    (
        "budget-revenue",
        "Thu ngân sách nhà nước trên địa bàn",
        G.ECONOMY,
        "tỷ đồng",
        "125",
        HIGHER,
        (1, 1, 0),
        "105.75",
        "97.92",
    ),
    (
        "military-service",
        "Giao quân nghĩa vụ quân sự",
        G.DEFENCE,
        "thanh niên",
        "15",
        HIGHER,
        (0, 0, 0),
        "15",
        "14",
    ),
    (
        "criminal-cases",
        "Điều tra, làm rõ các vụ phạm pháp hình sự",
        G.DEFENCE,
        "vụ",
        "26",
        HIGHER,
        (2, 0, 0),
        "18",
        None,
    ),
    (
        "fire-safety-groups",
        "Xây dựng tổ liên gia an toàn phòng cháy, chữa cháy",
        G.DEFENCE,
        "tổ",
        "6",
        HIGHER,
        (0, 0, 0),
        "6",
        None,
    ),
]

PROGRAMME_SOURCE = (
    "Nghị quyết số 05-NQ/ĐU ngày 10/01/2023 của Đảng ủy phường về nhiệm vụ năm 2023 "
    "(chương trình công tác nhiệm kỳ 2020–2025, giai đoạn 2022–2023)"
)
RATINGS = {
    2021: UnitRating.Rating.EXCELLENT,
    2022: UnitRating.Rating.EXCELLENT,
    2023: UnitRating.Rating.EXCELLENT,
    2020: UnitRating.Rating.GOOD,
}


def _programme(ward: OrgUnit, year: int) -> Programme:
    programme = Programme.objects.filter(unit=ward, year=year).first()
    if programme:
        return programme
    return services.create_programme(
        unit=ward,
        year=year,
        title=f"Chương trình công tác năm {year}",
        source=PROGRAMME_SOURCE.replace("2023", str(year), 1) if year != 2023 else PROGRAMME_SOURCE,
    )


def seed_ward(ward: OrgUnit, responsible: User | None = None) -> Programme:
    programme = _programme(ward, 2023)
    for order, row in enumerate(TARGETS_2023, start=1):
        code, name, group, measure, plan, direction, decimals, value, previous = row
        target = services.save_target(
            programme,
            code=code,
            name=name,
            group=group,
            measure=measure,
            plan=Decimal(plan),
            direction=direction,
            decimals=decimals[0],
            value_decimals=decimals[1],
            change_decimals=decimals[2],
            order=order,
            source="Nghị quyết Đảng ủy phường năm 2023",
            responsible=responsible,
        )
        services.record_result(
            target,
            period=Period(2023, "year"),
            value=Decimal(value),
            previous=Decimal(previous) if previous else None,
        )
    for year, rating in RATINGS.items():
        services.set_rating(
            unit=ward,
            year=year,
            rating=rating,
            decided_by="Ban Thường vụ Thành ủy",
        )
    return programme


def seed(demo: Demo) -> None:
    prefixes = {"26743": "benthanh", "23231": "phuochoi"}
    for code, ward in demo.wards.items():
        responsible = demo.users.get(f"{prefixes.get(code, code)}.chutich")
        seed_ward(ward, responsible)
        demo.say(f"targets: 2023 programme of {ward}")
