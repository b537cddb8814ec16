"""Login, logout, password change and the lockout after repeated failures, in Vietnamese."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

LOGIN = "/tai-khoan/dang-nhap/"


def _login(client, username, password):
    return client.post(LOGIN, {"username": username, "password": password})


def test_the_login_page_speaks_vietnamese(client, db):
    response = client.get(LOGIN)
    assert response.status_code == 200
    assert "Đăng nhập" in response.content.decode()


def test_it_logs_an_officer_in_and_sends_them_to_the_staff_home(client, officer_a):
    response = _login(client, "officer_a", "pw-for-tests-1")
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:home")


def test_a_wrong_password_says_so_in_vietnamese_next_to_the_form(client, officer_a):
    response = _login(client, "officer_a", "wrong")
    assert response.status_code == 200
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_disabled_account_cannot_log_in(client, officer_a):
    officer_a.is_active = False
    officer_a.save(update_fields=["is_active"])
    response = _login(client, "officer_a", "pw-for-tests-1")
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_an_expired_session_sends_the_officer_back_to_the_login_with_a_note(client, db):
    response = client.get(reverse("accounts:home"), follow=True)
    assert response.redirect_chain[-1][0].startswith(LOGIN + "?next=")
    assert "phiên làm việc có thể đã hết hạn" in response.content.decode()


def test_it_locks_the_account_after_the_failure_limit(client, officer_a):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "officer_a", "wrong")
    response = _login(client, "officer_a", "pw-for-tests-1")
    assert response.status_code == 429
    page = response.content.decode()
    assert "Đăng nhập sai quá nhiều lần" in page
    assert "_auth_user_id" not in client.session


def test_one_failure_short_of_the_limit_still_lets_the_right_password_in(client, officer_a):
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        _login(client, "officer_a", "wrong")
    response = _login(client, "officer_a", "pw-for-tests-1")
    assert response.status_code == 302


def test_logging_out_ends_the_session(client, officer_a):
    client.force_login(officer_a)
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    ("new", "message"),
    [
        ("12345678", "Mật khẩu này hoàn toàn là số"),
        ("abc", "Mật khẩu quá ngắn"),
    ],
)
def test_password_change_enforces_the_rules_in_vietnamese(client, officer_a, new, message):
    client.force_login(officer_a)
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": "pw-for-tests-1", "new_password1": new, "new_password2": new},
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    officer_a.refresh_from_db()
    assert officer_a.check_password("pw-for-tests-1")


def test_password_change_accepts_a_good_password(client, officer_a):
    client.force_login(officer_a)
    response = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": "pw-for-tests-1",
            "new_password1": "Ben-Thanh-2026!",
            "new_password2": "Ben-Thanh-2026!",
        },
    )
    assert response.status_code == 302
    officer_a.refresh_from_db()
    assert officer_a.check_password("Ben-Thanh-2026!")


def test_the_staff_home_shows_unit_and_roles(client, officer_a):
    client.force_login(officer_a)
    page = client.get(reverse("accounts:home")).content.decode()
    assert "Phường Bến Thành" in page
    assert "Cán bộ tiếp công dân" in page
    assert "Cán bộ xử lý đơn" in page
    assert reverse("accounts:user_list") not in page


def test_the_staff_home_links_a_unit_admin_to_the_users(client, admin_a):
    client.force_login(admin_a)
    assert reverse("accounts:user_list") in client.get(reverse("accounts:home")).content.decode()


def test_a_user_without_a_unit_is_told_they_see_nothing(client, db):
    from conftest import make_user

    client.force_login(make_user("loner", None))
    assert "chưa được gắn với đơn vị" in client.get(reverse("accounts:home")).content.decode()


def test_a_colleague_at_the_same_office_address_can_still_log_in(client, officer_a, leader_a):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "officer_a", "wrong")
    assert _login(client, "leader_a", "pw-for-tests-1").status_code == 302


def test_the_unit_admin_unlocks_a_locked_account(client, officer_a, admin_a):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "officer_a", "wrong")
    assert _login(client, "officer_a", "pw-for-tests-1").status_code == 429
    admin = Client()
    admin.force_login(admin_a)
    admin.post(reverse("accounts:user_unlock", args=[officer_a.pk]))
    assert _login(client, "officer_a", "pw-for-tests-1").status_code == 302
