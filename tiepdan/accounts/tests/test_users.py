"""The unit administrator's pages: the accounts of their unit subtree and their roles."""

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import make_user
from tiepdan.accounts import roles
from tiepdan.accounts.models import User
from tiepdan.orgunits.models import Department
from tiepdan.orgunits.services import ensure_department, ensure_ward

LIST = reverse("accounts:user_list")
CREATE = reverse("accounts:user_create")


def new_account(ward, **overrides):
    data = {
        "username": "tiepdan.moi",
        "last_name": "Lý Thị",
        "first_name": "Mai",
        "position": "Cán bộ tiếp công dân",
        "unit": ward.pk,
        "department": "",
        "post": "",
        "email": "",
        "phone": "",
        "roles": [roles.RECEPTION_OFFICER],
        "password1": "Ben-Thanh-2026!",
        "password2": "Ben-Thanh-2026!",
    }
    data.update(overrides)
    return data


def test_an_officer_gets_403_on_the_user_pages(client, officer_a):
    client.force_login(officer_a)
    assert client.get(LIST).status_code == 403
    assert client.get(CREATE).status_code == 403
    assert client.get(reverse("accounts:user_edit", args=[officer_a.pk])).status_code == 403


def test_the_list_shows_the_unit_subtree_only(client, admin_a, officer_a, officer_b):
    client.force_login(admin_a)
    page = client.get(LIST).content.decode()
    assert "officer_a" in page
    assert "officer_b" not in page


def test_the_list_finds_an_account_by_name(client, admin_a, officer_a, leader_a):
    client.force_login(admin_a)
    page = client.get(LIST, {"q": "Trần Quang"}).content.decode()
    assert "leader_a" in page
    assert "officer_a" not in page


def test_an_account_of_another_ward_is_404(client, admin_a, officer_b):
    client.force_login(admin_a)
    assert client.get(reverse("accounts:user_edit", args=[officer_b.pk])).status_code == 404
    url = reverse("accounts:user_set_active", args=[officer_b.pk])
    assert client.post(url, {"active": "0"}).status_code == 404
    officer_b.refresh_from_db()
    assert officer_b.is_active


def test_it_creates_an_account_with_its_roles(client, admin_a, ward_a):
    client.force_login(admin_a)
    response = client.post(CREATE, new_account(ward_a))
    assert response.status_code == 302
    user = User.objects.get(username="tiepdan.moi")
    assert user.unit == ward_a
    assert user.role_names() == [roles.RECEPTION_OFFICER]
    assert user.check_password("Ben-Thanh-2026!")


def test_it_refuses_a_weak_password_in_vietnamese(client, admin_a, ward_a):
    client.force_login(admin_a)
    response = client.post(CREATE, new_account(ward_a, password1="12345678", password2="12345678"))
    assert response.status_code == 200
    assert "Mật khẩu này hoàn toàn là số" in response.content.decode()
    assert not User.objects.filter(username="tiepdan.moi").exists()


def test_it_refuses_a_taken_user_name_whatever_its_case(client, admin_a, ward_a, officer_a):
    client.force_login(admin_a)
    response = client.post(CREATE, new_account(ward_a, username="OFFICER_A"))
    assert "Tên đăng nhập này đã có người dùng" in response.content.decode()


def test_it_refuses_a_unit_outside_the_subtree(client, admin_a, ward_b):
    client.force_login(admin_a)
    response = client.post(CREATE, new_account(ward_b))
    assert response.status_code == 200
    assert not User.objects.filter(username="tiepdan.moi").exists()


def test_it_refuses_a_department_of_another_unit(client, ward_a):
    """A province-level administrator sees several wards' departments; they must match."""
    other_ward = ensure_ward(26740)  # Phường Sài Gòn, same province
    department = ensure_department(other_ward, "tcd", "Bộ phận TCD", Department.Kind.SECTION)
    province_admin = make_user("province_admin", ward_a.parent, roles.UNIT_ADMIN)
    client.force_login(province_admin)
    response = client.post(CREATE, new_account(ward_a, department=department.pk))
    assert response.status_code == 200
    assert "Ban/bộ phận này thuộc đơn vị khác" in response.content.decode()
    assert not User.objects.filter(username="tiepdan.moi").exists()


def test_it_requires_at_least_one_role(client, admin_a, ward_a):
    client.force_login(admin_a)
    response = client.post(CREATE, new_account(ward_a, roles=[]))
    assert response.status_code == 200
    assert not User.objects.filter(username="tiepdan.moi").exists()


def test_it_changes_the_roles_of_an_account(client, admin_a, officer_a, ward_a):
    client.force_login(admin_a)
    data = new_account(ward_a, roles=[roles.MEDIATOR])
    response = client.post(reverse("accounts:user_edit", args=[officer_a.pk]), data)
    assert response.status_code == 302
    officer_a.refresh_from_db()
    assert officer_a.role_names() == [roles.MEDIATOR]
    assert officer_a.username == "officer_a"


def test_an_admin_cannot_change_their_own_roles(client, admin_a, ward_a):
    client.force_login(admin_a)
    data = new_account(ward_a, roles=[roles.LEADER])
    response = client.post(reverse("accounts:user_edit", args=[admin_a.pk]), data)
    assert response.status_code == 200
    assert admin_a.role_names() == [roles.UNIT_ADMIN]


def test_it_disables_and_enables_an_account(client, admin_a, officer_a):
    client.force_login(admin_a)
    url = reverse("accounts:user_set_active", args=[officer_a.pk])
    client.post(url, {"active": "0"})
    officer_a.refresh_from_db()
    assert officer_a.is_active is False
    client.post(url, {"active": "1"})
    officer_a.refresh_from_db()
    assert officer_a.is_active is True


def test_an_admin_cannot_disable_themselves(client, admin_a):
    client.force_login(admin_a)
    response = client.post(
        reverse("accounts:user_set_active", args=[admin_a.pk]), {"active": "0"}, follow=True
    )
    assert "Không thể tự khóa tài khoản của chính mình" in response.content.decode()
    admin_a.refresh_from_db()
    assert admin_a.is_active


def test_it_sets_a_new_password_that_follows_the_rules(client, admin_a, officer_a):
    client.force_login(admin_a)
    url = reverse("accounts:user_password", args=[officer_a.pk])
    weak = client.post(url, {"password1": "officer_a", "password2": "officer_a"})
    assert weak.status_code == 200
    response = client.post(url, {"password1": "Phuong-BT-2026", "password2": "Phuong-BT-2026"})
    assert response.status_code == 302
    officer_a.refresh_from_db()
    assert officer_a.check_password("Phuong-BT-2026")


def test_it_resets_the_two_factor_device_of_an_account(client, admin_a, leader_a):
    TOTPDevice.objects.create(user=leader_a, name="tiepdan", confirmed=True)
    client.force_login(admin_a)
    client.post(reverse("accounts:user_reset_two_factor", args=[leader_a.pk]))
    assert not TOTPDevice.objects.filter(user=leader_a).exists()


@pytest.mark.parametrize("name", ["user_set_active", "user_reset_two_factor", "user_unlock"])
def test_the_actions_only_answer_post(client, admin_a, officer_a, name):
    client.force_login(admin_a)
    assert client.get(reverse(f"accounts:{name}", args=[officer_a.pk])).status_code == 405
