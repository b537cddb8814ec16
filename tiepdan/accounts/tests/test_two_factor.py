"""TOTP two-factor sign-in: enrolment, verification, and who is required to use it."""

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tiepdan.accounts.models import User

HOME = "/tai-khoan/"
TWO_FACTOR = "/tai-khoan/xac-thuc-hai-buoc/"


def current_code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


@pytest.fixture
def required(settings):
    settings.TIEPDAN_REQUIRE_2FA = True


def test_a_leader_is_sent_to_two_factor_when_it_is_required(client, leader_a, required):
    client.force_login(leader_a)
    response = client.get(HOME)
    assert response.status_code == 302
    assert response["Location"].startswith(TWO_FACTOR + "?next=")


def test_a_unit_admin_is_sent_to_two_factor_too(client, admin_a, required):
    client.force_login(admin_a)
    assert client.get(reverse("accounts:user_list"))["Location"].startswith(TWO_FACTOR)


def test_an_officer_is_not_asked_for_a_second_factor(client, officer_a, required):
    client.force_login(officer_a)
    assert client.get(HOME).status_code == 200


def test_nobody_is_asked_when_two_factor_is_off(client, leader_a, settings):
    settings.TIEPDAN_REQUIRE_2FA = False
    client.force_login(leader_a)
    assert client.get(HOME).status_code == 200


def test_the_public_pages_stay_open_to_an_unverified_leader(client, leader_a, required):
    client.force_login(leader_a)
    assert client.get(reverse("public:home")).status_code == 200


def test_enrolment_shows_a_qr_code_and_the_key(client, leader_a, required):
    client.force_login(leader_a)
    page = client.get(TWO_FACTOR).content.decode()
    assert "<svg" in page
    assert "Quét mã này" in page
    device = TOTPDevice.objects.get(user=leader_a)
    assert device.confirmed is False


def test_opening_the_page_twice_keeps_one_pending_device(client, leader_a, required):
    client.force_login(leader_a)
    client.get(TWO_FACTOR)
    client.get(TWO_FACTOR)
    assert TOTPDevice.objects.filter(user=leader_a).count() == 1


def test_a_valid_code_enrols_the_device_and_opens_the_staff_pages(client, leader_a, required):
    client.force_login(leader_a)
    client.get(TWO_FACTOR)
    device = TOTPDevice.objects.get(user=leader_a)
    response = client.post(TWO_FACTOR + "?next=/tai-khoan/", {"token": current_code(device)})
    assert response.status_code == 302
    assert response["Location"] == HOME
    device.refresh_from_db()
    assert device.confirmed is True
    assert client.get(HOME).status_code == 200


def test_a_wrong_code_is_refused_in_vietnamese(client, leader_a, required):
    client.force_login(leader_a)
    client.get(TWO_FACTOR)
    device = TOTPDevice.objects.get(user=leader_a)
    wrong = f"{(int(current_code(device)) + 1) % 1_000_000:06d}"
    response = client.post(TWO_FACTOR, {"token": wrong})
    assert response.status_code == 200
    assert "Mã không đúng hoặc đã hết hạn" in response.content.decode()
    assert client.get(HOME).status_code == 302


def test_a_code_that_is_not_six_digits_says_so(client, leader_a, required):
    client.force_login(leader_a)
    response = client.post(TWO_FACTOR, {"token": "12ab"})
    assert "Mã gồm 6 chữ số" in response.content.decode()


def test_an_enrolled_leader_is_asked_for_a_code_without_a_new_qr(client, leader_a, required):
    device = TOTPDevice.objects.create(user=leader_a, name="tiepdan", confirmed=True)
    client.force_login(leader_a)
    page = client.get(TWO_FACTOR).content.decode()
    assert "<svg" not in page
    response = client.post(TWO_FACTOR, {"token": current_code(device)})
    assert response.status_code == 302
    assert client.get(HOME).status_code == 200


def test_it_ignores_a_next_address_on_another_site(client, leader_a, required):
    device = TOTPDevice.objects.create(user=leader_a, name="tiepdan", confirmed=True)
    client.force_login(leader_a)
    response = client.post(
        TWO_FACTOR + "?next=https://evil.example/", {"token": current_code(device)}
    )
    assert response["Location"] == HOME


def test_the_full_login_flow_ends_on_the_page_asked_for(client, leader_a, required):
    device = TOTPDevice.objects.create(user=leader_a, name="tiepdan", confirmed=True)
    response = client.post(
        "/tai-khoan/dang-nhap/?next=/tai-khoan/doi-mat-khau/",
        {"username": "leader_a", "password": "pw-for-tests-1", "next": "/tai-khoan/doi-mat-khau/"},
        follow=True,
    )
    assert response.redirect_chain[-1][0].startswith(TWO_FACTOR)
    response = client.post(response.redirect_chain[-1][0], {"token": current_code(device)})
    assert response["Location"] == "/tai-khoan/doi-mat-khau/"


def test_an_unverified_leader_can_still_log_out(client, leader_a, required):
    client.force_login(leader_a)
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_a_superuser_is_asked_for_a_second_factor_too(client, db, required):
    root = User.objects.create_superuser("root", password="x-long-password-1")
    client.force_login(root)
    assert client.get("/quan-tri/")["Location"].startswith(TWO_FACTOR)
