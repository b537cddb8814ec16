"""Demo mediation: teams in the residential groups of both demo wards (each with women among
the mediators and a leader recognised by the Chairman) and a year of cases at every stage."""
# ruff: noqa: E501  — demo content: long Vietnamese sentences

from __future__ import annotations

import random
from datetime import date, timedelta

from django.utils import timezone

from tiepdan.accounts.models import User
from tiepdan.demo.registry import Demo
from tiepdan.mediation import services
from tiepdan.mediation.models import MediationCase, MediationTeam, Mediator
from tiepdan.mediation.referral import refer_to_authorities
from tiepdan.mediation.services import MediatorInput, PartyInput
from tiepdan.orgunits.models import OrgUnit

PREFIX = {"26743": "benthanh", "23231": "phuochoi"}
FAMILY = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
]
MEN = [
    "Hùng",
    "Dũng",
    "Tuấn",
    "Long",
    "Sơn",
    "Hải",
    "Phúc",
    "Tài",
    "Lộc",
    "Khang",
    "Bảo",
    "Nam",
    "Thành",
    "Quang",
]
WOMEN = ["Hoa", "Lan", "Mai", "Hương", "Thảo", "Ngọc", "Yến", "Trang", "Hạnh", "Linh", "Thu", "Nga"]
JOBS = [
    "Trưởng khu phố",
    "Chi hội trưởng Phụ nữ",
    "Bí thư chi bộ",
    "Hưu trí",
    "Chi hội trưởng Cựu chiến binh",
    "Tổ trưởng tổ dân phố",
]

DISPUTES = {
    "neighbours": [
        "Mâu thuẫn do tiếng ồn hát karaoke đến khuya giữa hai hộ liền kề",
        "Tranh chấp lối đi chung trong hẻm giữa hai hộ",
        "Nước thải sinh hoạt từ nhà bên cạnh chảy sang sân nhà",
        "Cây xanh của hộ bên cạnh che khuất, cành lá rơi vào mái nhà",
    ],
    "land": [
        "Tranh chấp ranh giới đất khi xây tường rào",
        "Xây dựng lấn sang phần đất của hộ liền kề khoảng 0,3 m",
    ],
    "family": [
        "Mâu thuẫn vợ chồng, người vợ đề nghị hòa giải",
        "Mâu thuẫn giữa anh em về việc chăm sóc cha mẹ già",
    ],
    "civil": [
        "Tranh chấp khoản tiền vay 20 triệu đồng chưa trả",
        "Tranh chấp tiền thuê phòng trọ và tiền đặt cọc",
        "Hư hỏng xe máy do va quẹt trong hẻm, hai bên không thống nhất bồi thường",
    ],
}
EXCLUDED = [
    (
        "offence",
        "Xô xát, đánh nhau gây thương tích giữa hai thanh niên",
        "Hành vi có dấu hiệu vi phạm hành chính, đã hướng dẫn trình báo Công an phường.",
    ),
    (
        "state",
        "Hộ kinh doanh lấn chiếm vỉa hè, lòng đường để buôn bán",
        "Xâm phạm lợi ích công cộng, chuyển UBND phường xử lý theo thẩm quyền.",
    ),
]


def _name(rng: random.Random, woman: bool) -> str:
    middle = "Thị" if woman else rng.choice(["Văn", "Minh", "Hữu", "Quốc", "Thanh"])
    return f"{rng.choice(FAMILY)} {middle} {rng.choice(WOMEN if woman else MEN)}"


def seed(demo: Demo) -> None:
    today = timezone.localdate()
    for code, ward in demo.wards.items():
        if MediationTeam.objects.filter(group__parent=ward).exists():
            continue
        rng = random.Random(int(code))
        mediator_user = demo.users.get(f"{PREFIX.get(code)}.hoagiai")
        officer = demo.users.get(f"{PREFIX.get(code)}.tiepdan")
        groups = list(
            OrgUnit.objects.filter(parent=ward, level=OrgUnit.Level.GROUP).order_by("pk")[:4]
        )
        for index, group in enumerate(groups):
            team = _team(rng, group, index, mediator_user if index == 0 else None)
            _cases(rng, team, today, officer, refer=index == 1)
        demo.say(f"mediation: {ward.name}")


def _team(rng: random.Random, group: OrgUnit, index: int, user: User | None) -> MediationTeam:
    sexes = ["M", "F", "M", "F", "M"][: rng.choice([4, 5])]
    members = [
        MediatorInput(
            full_name=_name(rng, sex == "F"),
            sex=sex,
            birth_year=rng.randint(1955, 1990),
            phone=f"09{rng.randint(10000000, 99999999)}",
            occupation=rng.choice(JOBS),
            address=f"{group.name}",
            recognition_decision=f"{40 + index}/QĐ-UBND",
            recognised_on=date(2025, 7, 20),
        )
        for sex in sexes
    ]
    if user is not None:
        members[0] = MediatorInput(
            full_name=user.get_full_name(),
            sex="M",
            birth_year=1968,
            occupation="Trưởng khu phố",
            recognition_decision=members[0].recognition_decision,
            recognised_on=date(2025, 7, 20),
        )
    team = services.establish_team(
        group=group,
        name=f"Tổ hòa giải {group.name}",
        mediators=members,
        leader_index=0,
        leader_decision_number=f"{60 + index}/QĐ-UBND",
        leader_decision_on=date(2025, 8, 1),
        established_on=date(2025, 7, 15),
    )
    if user is not None:
        Mediator.objects.filter(team=team, full_name=user.get_full_name()).update(user=user)
    return team


def _parties(rng: random.Random, group: OrgUnit) -> list[PartyInput]:
    return [
        PartyInput(
            side=side,
            full_name=_name(rng, rng.random() < 0.45),
            birth_year=rng.randint(1950, 2000),
            address=f"{rng.randint(1, 120)}/{rng.randint(1, 30)} hẻm {rng.randint(1, 50)}, {group.name}",
        )
        for side in ("a", "b")
    ]


def _cases(
    rng: random.Random, team: MediationTeam, today: date, officer: User | None, refer: bool
) -> None:
    mediators = list(team.mediators.all())
    count = rng.randint(7, 10)
    for n in range(count):
        received = today - timedelta(
            days=int(320 * (count - 3 - n) / (count - 3)) + 40 + rng.randint(0, 6)
        )
        if n >= count - 2:
            received = today - timedelta(days=3 if n == count - 1 else 9 + rng.randint(0, 4))
        if n == 2:
            kind, summary, reason = EXCLUDED[rng.randint(0, 1)]
            services.register_case(
                team=team,
                received_on=received,
                origin="request",
                field="civil",
                summary=summary,
                parties=_parties(rng, team.group),
                actor=officer,
                exclusion=kind,
                refusal_note=reason,
            )
            continue
        field = rng.choice(list(DISPUTES))
        origin = rng.choice(["request", "request", "own", "assigned"])
        chosen = rng.sample(mediators, 2)
        case = services.register_case(
            team=team,
            received_on=received,
            origin=origin,
            field=field,
            summary=rng.choice(DISPUTES[field]),
            parties=_parties(rng, team.group),
            actor=officer,
            requested_by="Trưởng khu phố" if origin == "assigned" else "",
            mediators=chosen,
            assigned_on=received,
        )
        recent = (today - received).days < 20
        late = n == 4
        start = received + timedelta(days=5 if late else rng.randint(1, 3))
        if recent and n == count - 1:
            continue  # assigned, not started yet
        services.record_session(
            case,
            held_on=min(start, today),
            place=f"Nhà văn hóa {team.group.name}",
            mediators=chosen,
            notes="Nghe các bên trình bày, phân tích quy định pháp luật, phong tục tập quán.",
        )
        if recent:
            continue
        _outcome(rng, case, start, officer, refer and n in (3, 5))


def _outcome(
    rng: random.Random, case: MediationCase, start: date, officer: User | None, refer: bool
) -> None:
    ended = start + timedelta(days=rng.randint(0, 7))
    roll = rng.random()
    if refer or roll < 0.08:
        services.record_outcome(
            case,
            status="unsuccessful",
            ended_on=ended,
            note="Các bên không thống nhất được phương án.",
        )
        if refer and officer is not None:
            refer_to_authorities(
                case,
                referred_to="UBND phường",
                referred_on=ended + timedelta(days=3),
                actor=officer,
                open_case=case.number % 2 == 1,
            )
        return
    if roll < 0.15:
        services.record_outcome(
            case,
            status="stopped",
            ended_on=ended,
            stop_reason="party",
            note="Một bên rút yêu cầu hòa giải.",
        )
        return
    services.record_outcome(case, status="successful", ended_on=ended)
    parties = "; ".join(
        f"{p.full_name}, sinh năm {p.birth_year}, {p.address}" for p in case.parties.all()
    )
    services.record_agreement(
        case,
        made_on=ended,
        place=f"Nhà văn hóa {case.team.group.name}",
        grounds=case.get_origin_display(),
        parties=parties,
        summary=case.summary,
        course="Tổ hòa giải gặp riêng từng bên, sau đó tổ chức hòa giải chung.",
        agreement="Các bên thống nhất phương án giải quyết, cam kết không để phát sinh mâu thuẫn.",
        rights_and_duties="Mỗi bên thực hiện đúng phần việc đã thỏa thuận, tôn trọng quyền lợi của bên kia.",
        method_and_deadline="Các bên tự nguyện thực hiện trong thời hạn 15 ngày.",
        carry_out_by=ended + timedelta(days=15),
        signed=True,
    )
    if ended + timedelta(days=20) < timezone.localdate():
        services.record_follow_up(
            case,
            checked_on=ended + timedelta(days=20),
            result=rng.choice(["fulfilled", "fulfilled", "partly"]),
        )
