"""The inbox's morning: Monday 23/11/2026, 9:00 in Hồ Chí Minh City, and the other roles."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from conftest import make_user
from tiepdan.accounts import roles
from tiepdan.cases.models import Response
from tiepdan.cases.services import answers
from tiepdan.orgunits.services import ensure_department

VN = ZoneInfo("Asia/Ho_Chi_Minh")
TODAY = date(2026, 11, 23)


@pytest.fixture(autouse=True)
def morning():
    with time_machine.travel(datetime(2026, 11, 23, 9, 0, tzinfo=VN), tick=False):
        yield


@pytest.fixture
def department_a(ward_a):
    return ensure_department(ward_a, "vhxh", "Phòng Văn hóa - Xã hội", "phong")


@pytest.fixture
def handler_a(ward_a, department_a):
    """A handling officer of a department (officer_a belongs to none)."""
    return make_user(
        "handler_a",
        ward_a,
        roles.HANDLING_OFFICER,
        department=department_a,
        first_name="Lan",
        last_name="Võ Thị",
    )


@pytest.fixture
def leader_b(ward_b):
    return make_user("leader_b", ward_b, roles.LEADER, first_name="Tâm", last_name="Đỗ")


def draft(case, officer, state):
    """A draft answer of `case` by `officer`, put in `state` of the approval loop (the stored
    value: the loop's services are another piece of work)."""
    response = answers.draft_answer(case, actor=officer, text="Phường đã kiểm tra và xử lý.")
    Response.objects.filter(pk=response.pk).update(state=state)
    return response
