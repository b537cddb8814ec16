"""Shared personas (STYLE §H): ward A with its officer and leader, ward B with its officer.

`officer_b` must never see ward A's records.
"""

import pytest
from django.contrib.auth.models import Group
from hypothesis import HealthCheck, settings

from tiepdan.accounts import roles
from tiepdan.accounts.models import User
from tiepdan.orgunits.models import OrgUnit
from tiepdan.orgunits.services import ensure_group, ensure_ward

# Timing is a benchmark's business, not a test's: no per-example deadline, so a loaded CI
# machine cannot turn a correct property into a failure.
settings.register_profile("tiepdan", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("tiepdan")

# Browser fixtures (browser_page, phone_page, login_as, screenshot) for every app's tests.
pytest_plugins = ["tests.browser.fixtures"]


@pytest.fixture
def ward_a(db) -> OrgUnit:
    return ensure_ward(26743)  # Phường Bến Thành, TP. Hồ Chí Minh


@pytest.fixture
def ward_b(db) -> OrgUnit:
    return ensure_ward(23231)  # Phường Phước Hội, Lâm Đồng


@pytest.fixture
def group_a(ward_a) -> OrgUnit:
    return ensure_group(ward_a, "Khu phố 1")


def make_user(username: str, unit: OrgUnit | None, *role_names: str, **fields) -> User:
    user = User.objects.create_user(
        username=username, password="pw-for-tests-1", unit=unit, **fields
    )
    for role in role_names:
        user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def officer_a(ward_a) -> User:
    return make_user(
        "officer_a",
        ward_a,
        roles.RECEPTION_OFFICER,
        roles.HANDLING_OFFICER,
        first_name="An",
        last_name="Nguyễn Văn",
    )


@pytest.fixture
def leader_a(ward_a) -> User:
    return make_user(
        "leader_a",
        ward_a,
        roles.LEADER,
        post=User.Post.SECRETARY,
        first_name="Minh",
        last_name="Trần Quang",
    )


@pytest.fixture
def chairman_a(ward_a) -> User:
    return make_user(
        "chairman_a",
        ward_a,
        roles.LEADER,
        post=User.Post.CHAIRMAN,
        first_name="Hùng",
        last_name="Lê Văn",
    )


@pytest.fixture
def admin_a(ward_a) -> User:
    return make_user("admin_a", ward_a, roles.UNIT_ADMIN, first_name="Quân", last_name="Hoàng")


@pytest.fixture
def mediator_a(ward_a) -> User:
    return make_user("mediator_a", ward_a, roles.MEDIATOR, first_name="Bình", last_name="Đặng")


@pytest.fixture
def officer_b(ward_b) -> User:
    return make_user(
        "officer_b",
        ward_b,
        roles.RECEPTION_OFFICER,
        roles.HANDLING_OFFICER,
        first_name="Bảo",
        last_name="Phạm",
    )


@pytest.fixture
def province_reader(ward_a) -> User:
    return make_user("province_reader", ward_a.parent, roles.HIGHER_LEVEL)
