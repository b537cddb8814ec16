"""The admin at /quan-tri/ speaks Vietnamese and lists units, departments, users, citizens."""

import pytest
from django.urls import reverse

from tiepdan.accounts.models import User
from tiepdan.citizens.models import Citizen


@pytest.fixture
def root(ward_a):
    return User.objects.create_superuser("root", password="x-long-password-1")


def test_the_admin_lives_at_quan_tri_in_vietnamese(client, root):
    client.force_login(root)
    response = client.get("/quan-tri/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "tiepdan · quản trị hệ thống" in page
    assert "Đơn vị hành chính" in page
    assert "Công dân" in page


def test_an_anonymous_visitor_gets_the_admin_login_in_vietnamese(client, db):
    response = client.get("/quan-tri/", follow=True)
    assert response.redirect_chain[-1][0].startswith("/quan-tri/login/")
    assert "Đăng nhập" in response.content.decode()


@pytest.mark.parametrize(
    "model", ["orgunits_orgunit", "orgunits_department", "accounts_user", "citizens_citizen"]
)
def test_each_list_and_add_page_opens(client, root, officer_a, model):
    client.force_login(root)
    assert client.get(reverse(f"admin:{model}_changelist")).status_code == 200
    assert client.get(reverse(f"admin:{model}_add")).status_code == 200


def test_a_user_page_shows_the_unit_and_post(client, root, officer_a):
    client.force_login(root)
    page = client.get(reverse("admin:accounts_user_change", args=[officer_a.pk])).content.decode()
    assert "Đơn vị và chức vụ" in page
    assert "Phường Bến Thành" in page


def test_citizens_are_found_without_accents(client, root):
    Citizen.objects.create(full_name="Nguyễn Văn An", id_number="079090001234")
    Citizen.objects.create(full_name="Trần Thị Bình")
    client.force_login(root)
    page = client.get(reverse("admin:citizens_citizen_changelist"), {"q": "nguyen van an"})
    assert "Nguyễn Văn An" in page.content.decode()
    assert "Trần Thị Bình" not in page.content.decode()


def test_a_staff_member_without_admin_rights_is_kept_out(client, officer_a):
    client.force_login(officer_a)
    response = client.get("/quan-tri/")
    assert response.status_code == 302
    assert response["Location"].startswith("/quan-tri/login/")
