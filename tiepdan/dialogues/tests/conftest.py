from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tiepdan.dialogues import services
from tiepdan.dialogues.models import Dialogue, Participant
from tiepdan.orgunits.services import ensure_department

VN = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture(autouse=True)
def frozen_today():
    with time_machine.travel(datetime(2026, 11, 23, 9, 0, tzinfo=VN), tick=False):
        yield


@pytest.fixture
def dept_a(ward_a):
    return ensure_department(ward_a, "ktht", "Phòng Kinh tế, Hạ tầng và Đô thị", "bo_phan")


def plan(leader, unit, kind=Dialogue.Kind.GENERAL, day=4, **kw):
    return services.plan_dialogue(
        unit=unit,
        kind=kind,
        topic=kw.pop("topic", "Chỉnh trang vỉa hè đường Lê Thánh Tôn"),
        held_at=datetime(2026, 12, day, 8, 0, tzinfo=VN),
        place="Hội trường UBND phường",
        chaired_by=leader,
        actor=leader,
        **kw,
    )


def held(leader, unit, kind=Dialogue.Kind.GENERAL, copies=3):
    dialogue = plan(leader, unit, kind)
    citizen = services.invite(
        dialogue, name="Trần Thị Mai", affiliation="KP1", role=Participant.Role.CITIZEN
    )
    services.record_invitations_sent(dialogue, sent_on=datetime(2026, 11, 25).date())
    chair = dialogue.participants.get(role=Participant.Role.CHAIR)
    return services.record_held(
        dialogue,
        attended=[chair.pk, citizen.pk],
        result="Thống nhất lộ trình.",
        minutes_copies=copies,
    )
