from datetime import date

import pytest
from django.urls import reverse

from tiepdan.lib.workdays import is_working_day
from tiepdan.workcalendar.models import Holiday

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("shipped")]

URL_2026 = reverse("workcalendar:year", kwargs={"year": 2026})


def post_day(client, **fields):
    data = {"date": "2027-03-08", "kind": "day_off", "name": "Nghỉ bù", "source": "5/TB-BNV"}
    data.update(fields)
    return client.post(reverse("workcalendar:year", kwargs={"year": 2027}), data)


def test_the_unit_admin_sees_a_year_with_its_holidays_and_sources(client, admin_a):
    client.force_login(admin_a)
    response = client.get(URL_2026)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Ngày Giỗ Tổ Hùng Vương (nghỉ bù)" in page
    assert "12729/VPCP-KGVX" in page and "9441/TB-BNV" in page
    assert len(response.context["months"]) == 12
    assert 'rel="prev"' in page and "/lich-lam-viec/2025/" in page


def test_the_year_count_follows_the_announced_days(client, admin_a):
    """2026: 249 statutory working days, minus Fri 2/1, plus Sat 10/1 = 249 (DOMAIN §10)."""
    client.force_login(admin_a)
    response = client.get(URL_2026)
    assert response.context["working_days"] == 249


def test_without_a_year_it_shows_this_year(client, admin_a):
    client.force_login(admin_a)
    response = client.get(reverse("workcalendar:year"))
    assert response.status_code == 200
    assert response.context["year"] == 2026


def test_a_year_outside_the_calendar_is_not_found(client, admin_a):
    client.force_login(admin_a)
    assert client.get(reverse("workcalendar:year", kwargs={"year": 1800})).status_code == 404


def test_an_officer_without_the_capability_is_refused(client, officer_a):
    client.force_login(officer_a)
    assert client.get(URL_2026).status_code == 403
    assert post_day(client).status_code == 403
    assert not Holiday.objects.filter(date=date(2027, 3, 8)).exists()


def test_an_anonymous_visitor_is_sent_to_the_login_page(client):
    response = client.get(URL_2026)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_the_staff_menu_links_the_calendar_for_admins_only(client, admin_a, officer_a):
    link = reverse("workcalendar:year")
    client.force_login(admin_a)
    assert f'href="{link}"' in client.get(reverse("accounts:home")).content.decode()
    client.force_login(officer_a)
    assert f'href="{link}"' not in client.get(reverse("accounts:home")).content.decode()


def test_the_admin_adds_a_day(client, admin_a, django_capture_on_commit_callbacks):
    client.force_login(admin_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = post_day(client)
    assert response.status_code == 302
    assert response["Location"] == reverse("workcalendar:year", kwargs={"year": 2027})
    assert Holiday.objects.get(date=date(2027, 3, 8)).created_by == admin_a
    assert not is_working_day(date(2027, 3, 8))


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"date": "2027-03-09", "kind": "makeup"}, "date", "thứ Bảy hoặc Chủ nhật"),
        ({"date": "2027-03-13"}, "date", "ngày làm việc trong tuần"),
        ({"date": "2026-01-02"}, "date", "đã có trong lịch"),
        ({"date": "ngày mai"}, "date", "10/01/2026"),
        ({"name": ""}, "name", "bắt buộc"),
        ({"source": ""}, "source", "bắt buộc"),
        ({"kind": "holiday"}, "kind", "Hãy chọn"),
    ],
)
def test_bad_input_is_explained_next_to_the_field(client, admin_a, fields, field, message):
    client.force_login(admin_a)
    count = Holiday.objects.count()
    response = post_day(client, **fields)
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors[field])
    assert message in errors, errors
    assert message in response.content.decode()
    assert Holiday.objects.count() == count


def test_a_date_can_be_typed_the_vietnamese_way(client, admin_a):
    client.force_login(admin_a)
    assert post_day(client, date="08/03/2027").status_code == 302
    assert Holiday.objects.filter(date=date(2027, 3, 8)).exists()


def test_the_admin_changes_a_day(client, admin_a):
    client.force_login(admin_a)
    holiday = Holiday.objects.get(date=date(2026, 1, 2))
    url = reverse("workcalendar:edit", kwargs={"pk": holiday.pk})
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "date": "2026-01-02",
            "kind": "day_off",
            "name": "Nghỉ Tết Dương lịch",
            "source": "12729/VPCP-KGVX",
        },
    )
    assert response.status_code == 302
    holiday.refresh_from_db()
    assert holiday.name == "Nghỉ Tết Dương lịch"


def test_the_admin_removes_a_day(client, admin_a):
    client.force_login(admin_a)
    holiday = Holiday.objects.get(date=date(2026, 1, 10))
    url = reverse("workcalendar:delete", kwargs={"pk": holiday.pk})
    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 302
    assert not Holiday.objects.filter(pk=holiday.pk).exists()


def test_an_officer_cannot_remove_a_day(client, officer_a):
    client.force_login(officer_a)
    holiday = Holiday.objects.get(date=date(2026, 1, 10))
    assert client.post(reverse("workcalendar:delete", kwargs={"pk": holiday.pk})).status_code == 403
    assert Holiday.objects.filter(pk=holiday.pk).exists()


def test_the_month_grids_mark_each_kind_of_day(client, admin_a):
    """Holidays, announced days off, make-up days and weekends are told apart (DOMAIN §10)."""
    client.force_login(admin_a)
    months = client.get(URL_2026).context["months"]
    cells = {day.on: day for month in months for week in month.weeks for day in week if day}
    assert len(cells) == 365
    assert cells[date(2026, 1, 1)].css == "wd-holiday"
    assert cells[date(2026, 1, 2)].css == "wd-off" and not cells[date(2026, 1, 2)].working
    assert cells[date(2026, 1, 10)].css == "wd-makeup" and cells[date(2026, 1, 10)].working
    assert cells[date(2026, 1, 3)].css == "wd-weekend"
    assert cells[date(2026, 4, 26)].css == "wd-holiday"  # Giỗ Tổ on a Sunday
    assert cells[date(2026, 4, 27)].notes == ["Ngày Giỗ Tổ Hùng Vương (nghỉ bù)"]
    assert cells[date(2026, 3, 3)].css == "" and cells[date(2026, 3, 3)].working
    assert [m.working_days for m in months][:2] == [21, 15]
    assert months[0].name == "Tháng 1"


def test_a_date_with_a_statutory_holiday_and_an_announced_day_is_one_line(client, admin_a):
    client.force_login(admin_a)
    entries = client.get(URL_2026).context["entries"]
    tet = [e for e in entries if e.on == date(2026, 2, 17)]
    assert len(tet) == 1
    assert tet[0].source == "9441/TB-BNV" and tet[0].statutory_name == "Tết Nguyên Đán"


def test_the_year_navigation_stops_at_the_ends_of_the_calendar(client, admin_a):
    client.force_login(admin_a)
    page = client.get(reverse("workcalendar:year", kwargs={"year": 2100})).content.decode()
    assert "/lich-lam-viec/2099/" in page and "/lich-lam-viec/2101/" not in page
