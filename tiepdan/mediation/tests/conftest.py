from datetime import date

import pytest

from tiepdan.mediation import services
from tiepdan.mediation.services import MediatorInput, PartyInput

F, M = "F", "M"


def members(*sexes: str) -> list[MediatorInput]:
    names = ["Nguyễn Thị Hoa", "Trần Văn Long", "Lê Văn Sơn", "Phạm Thị Thu", "Võ Văn Tâm"]
    return [
        MediatorInput(full_name=names[i], sex=s, birth_year=1960 + i) for i, s in enumerate(sexes)
    ]


@pytest.fixture
def team(group_a):
    return services.establish_team(
        group=group_a,
        name="Tổ hòa giải Khu phố 1",
        mediators=members(F, M, M),
        leader_index=1,
        leader_decision_number="125/QĐ-UBND",
        leader_decision_on=date(2026, 1, 15),
    )


def register(team, mediator_a=None, **kw):
    defaults = dict(
        team=team,
        received_on=date(2026, 11, 2),
        origin="request",
        field="neighbours",
        summary="Tranh chấp lối đi chung giữa hai hộ liền kề",
        parties=[
            PartyInput(side="a", full_name="Đỗ Văn Hải", birth_year=1971, address="12/3 Lê Lai"),
            PartyInput(side="b", full_name="Bùi Thị Lan", birth_year=1975, address="12/5 Lê Lai"),
        ],
        actor=mediator_a,
    )
    defaults.update(kw)
    return services.register_case(**defaults)


AGREEMENT = dict(
    made_on=date(2026, 11, 6),
    place="Nhà văn hóa Khu phố 1",
    grounds="Theo yêu cầu của ông Đỗ Văn Hải",
    parties="Ông Đỗ Văn Hải (1971) và bà Bùi Thị Lan (1975), cùng ngụ đường Lê Lai",
    summary="Tranh chấp lối đi chung rộng 1,2 m",
    course="Hai buổi hòa giải ngày 04 và 06/11/2026",
    agreement="Giữ nguyên lối đi chung 1,2 m, bà Lan dỡ mái che lấn lối đi",
    rights_and_duties="Hai bên cùng giữ gìn lối đi; không để vật dụng trên lối đi",
    method_and_deadline="Bà Lan tự dỡ mái che trước ngày 20/11/2026",
    carry_out_by=date(2026, 11, 20),
    signed=True,
)
