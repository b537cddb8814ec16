"""The public shell: home page, health check, error pages and the language switch."""

import pytest
from django.db import OperationalError
from django.test import Client, RequestFactory
from django.urls import reverse

from tiepdan.orgunits.models import OrgUnit
from tiepdan.orgunits.services import import_province
from tiepdan.public import views


def test_the_home_page_lists_the_current_wards_in_vietnamese(client, ward_a, ward_b):
    OrgUnit.objects.create(
        name="Quận 1",
        kind=OrgUnit.Kind.DISTRICT,
        level=OrgUnit.Level.DISTRICT,
        code="760",
        parent=ward_a.parent,
        is_historical=True,
    )
    response = client.get("/")
    page = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="vi">' in page
    assert "Phường Bến Thành" in page
    assert "Phường Phước Hội" in page
    assert "Quận 1" not in page
    assert "Cán bộ đăng nhập" in page


def test_the_home_page_fits_a_phone(client, ward_a):
    page = client.get("/").content.decode()
    assert 'name="viewport" content="width=device-width, initial-scale=1"' in page
    assert "row-cols-1" in page  # one card per row on a narrow screen


def test_the_home_page_says_when_no_ward_is_set_up(client, db):
    assert "Chưa có xã, phường nào được thiết lập" in client.get("/").content.decode()


def test_the_site_stays_vietnamese_for_an_english_browser(client, db):
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="vi">' in page


def test_the_language_switch_changes_the_page_language_and_back(client, db):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    page = client.get("/").content.decode()
    assert '<html lang="en">' in page
    assert "Staff login" in page
    client.post(reverse("set_language"), {"language": "vi", "next": "/"})
    page = client.get("/").content.decode()
    assert '<html lang="vi">' in page
    assert "Cán bộ đăng nhập" in page


def test_the_language_switch_is_on_staff_pages_too(client, officer_a):
    client.force_login(officer_a)
    page = client.get(reverse("accounts:home")).content.decode()
    assert reverse("set_language") in page
    assert 'name="language"' in page


def test_an_unknown_language_falls_back_to_vietnamese(client, db):
    client.cookies["django_language"] = "fr"
    assert '<html lang="vi">' in client.get("/").content.decode()


def test_healthz_answers_200_when_the_database_answers(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


class BrokenConnection:
    def cursor(self):
        raise OperationalError("connection refused")


def test_healthz_answers_503_when_the_database_is_down(client, db, monkeypatch):
    monkeypatch.setattr(views, "connection", BrokenConnection())
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "error"


def test_a_missing_page_is_a_vietnamese_404(client, db):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_a_missing_page_is_a_404_in_english_when_chosen(client, db):
    client.cookies["django_language"] = "en"
    assert "Page not found" in client.get("/khong-co-trang-nay/").content.decode()


def test_a_forbidden_page_is_a_vietnamese_403(client, officer_a):
    client.force_login(officer_a)
    response = client.get(reverse("accounts:user_list"))
    assert response.status_code == 403
    assert "Bạn không có quyền thực hiện thao tác này" in response.content.decode()


def test_a_server_error_is_a_vietnamese_500_without_the_database(db):
    request = RequestFactory().get("/")
    response = views.server_error(request)
    assert response.status_code == 500
    assert "Hệ thống gặp sự cố" in response.content.decode()


@pytest.mark.parametrize("url", ["/", "/healthz", "/tai-khoan/dang-nhap/"])
def test_public_pages_need_no_login(client, db, url):
    assert client.get(url).status_code == 200


def test_a_form_sent_without_its_token_explains_in_vietnamese(db, officer_a):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/tai-khoan/dang-nhap/", {"username": "officer_a", "password": "x"})
    assert response.status_code == 403
    page = response.content.decode()
    assert "Biểu mẫu đã hết hạn" in page
    assert "_auth_user_id" not in client.session


def test_a_province_install_lets_citizens_find_their_ward_without_accents(client, db):
    import_province(12)  # Lai Châu, 38 communes
    page = client.get("/").content.decode()
    assert 'name="q"' in page
    page = client.get("/", {"q": "muong kim"}).content.decode()
    assert "Xã Mường Kim" in page
    assert "Xã Khoen On" not in page
    page = client.get("/", {"q": "khong co"}).content.decode()
    assert "Không có xã, phường nào khớp với “khong co”" in page


def test_two_wards_need_no_search_box(client, ward_a, ward_b):
    assert 'name="q"' not in client.get("/").content.decode()
