from decimal import Decimal

import pytest
from django.urls import reverse

from tiepdan.targets import demo, exchange
from tiepdan.targets.models import Programme, Target, TargetResult
from tiepdan.targets.tests.factories import ProgrammeFactory, TargetFactory

pytestmark = pytest.mark.django_db


def test_the_programme_page_shows_the_percentages_and_the_rating_streak(client, officer_a, ward_a):
    """114,3 % for 8 of 7; 'Hoàn thành xuất sắc nhiệm vụ (năm thứ ba liên tiếp)' for 2021–2023."""
    programme = demo.seed_ward(ward_a)
    client.force_login(officer_a)
    html = client.get(reverse("targets:programme", args=[programme.pk])).content.decode()
    assert "114,3 %" in html and "126,2 %" in html and "69,23 %" in html
    assert "Hoàn thành xuất sắc nhiệm vụ (năm thứ ba liên tiếp)" in html


def test_the_responsible_officer_enters_a_result(client, officer_a, ward_a):
    target = TargetFactory(programme=ProgrammeFactory(unit=ward_a), responsible=officer_a)
    client.force_login(officer_a)
    url = reverse("targets:enter_result", args=[target.pk])
    response = client.post(url, {"period": "2026-H1", "value": "5", "previous": "4"})
    assert response.status_code == 302
    result = TargetResult.objects.get()
    assert (result.period.code, result.value, result.entered_by) == ("2026-H1", 5, officer_a)


def test_a_result_outside_the_programmes_year_is_shown_next_to_the_period(
    client, officer_a, ward_a
):
    """A result for a period outside the programme's year is refused with a clear message."""
    target = TargetFactory(
        programme=ProgrammeFactory(unit=ward_a, year=2023), responsible=officer_a
    )
    client.force_login(officer_a)
    response = client.post(
        reverse("targets:enter_result", args=[target.pk]), {"period": "2024-Q1", "value": "3"}
    )
    assert response.status_code == 200
    assert "nằm ngoài năm 2023" in response.context["form"].errors["period"][0]
    assert not TargetResult.objects.exists()


def test_a_zero_plan_is_refused_on_the_target_form(client, leader_a, ward_a):
    programme = ProgrammeFactory(unit=ward_a)
    client.force_login(leader_a)
    data = {
        "code": "x",
        "order": 1,
        "name": "X",
        "group": "party",
        "plan": "0",
        "direction": "higher",
        "decimals": 1,
        "value_decimals": 0,
        "change_decimals": 0,
    }
    response = client.post(reverse("targets:target_new", args=[programme.pk]), data)
    assert response.status_code == 200 and response.context["form"].errors["plan"]
    assert not Target.objects.exists()


def test_another_wards_officer_cannot_see_or_enter(client, officer_b, ward_a):
    target = TargetFactory(programme=ProgrammeFactory(unit=ward_a))
    client.force_login(officer_b)
    assert client.get(reverse("targets:programme", args=[target.programme_id])).status_code == 404
    assert client.get(reverse("targets:enter_result", args=[target.pk])).status_code == 404


def test_a_reception_officer_without_the_target_may_not_enter_results(client, ward_a):
    from conftest import make_user
    from tiepdan.accounts import roles

    clerk = make_user("clerk", ward_a, roles.RECEPTION_OFFICER)
    target = TargetFactory(programme=ProgrammeFactory(unit=ward_a))
    client.force_login(clerk)
    assert client.get(reverse("targets:enter_result", args=[target.pk])).status_code == 403


def test_a_programme_survives_export_and_import(client, leader_a, ward_a, ward_b):
    """Export to Excel and import into another unit's programme gives the same lines."""
    source = demo.seed_ward(ward_a)
    data = exchange.export_programme(source)
    copy = ProgrammeFactory(unit=ward_b, year=2023)
    assert exchange.import_programme(copy, data) == 6
    pairs = lambda p: sorted(  # noqa: E731
        (t.code, t.plan, [(r.period.code, r.value, r.previous) for r in t.results.all()])
        for t in p.targets.all()
    )
    assert pairs(copy) == pairs(source)
    assert copy.targets.get(code="land-tax").results.get().value == Decimal("4.796")


def test_a_leader_imports_through_the_page_and_bad_files_say_why(client, leader_a, ward_a):
    from django.core.files.uploadedfile import SimpleUploadedFile

    programme = ProgrammeFactory(unit=ward_a)
    client.force_login(leader_a)
    bad = SimpleUploadedFile("x.xlsx", b"not a workbook")
    response = client.post(
        reverse("targets:import", args=[programme.pk]), {"file": bad}, follow=True
    )
    assert "không phải là tệp Excel" in response.content.decode()
    assert not Programme.objects.get().targets.exists()


def test_a_leader_records_the_yearly_rating(client, leader_a, ward_a):
    from tiepdan.targets.models import UnitRating

    programme = ProgrammeFactory(unit=ward_a, year=2026)
    client.force_login(leader_a)
    url = reverse("targets:rating", args=[programme.pk])
    client.post(url, {"year": 2026, "rating": "good", "decided_by": "Ban Thường vụ Thành ủy"})
    assert UnitRating.objects.get(unit=ward_a, year=2026).rating == "good"


def test_an_officer_may_not_record_a_rating(client, officer_a, ward_a):
    programme = ProgrammeFactory(unit=ward_a, year=2026)
    client.force_login(officer_a)
    response = client.post(
        reverse("targets:rating", args=[programme.pk]), {"year": 2026, "rating": "good"}
    )
    assert response.status_code == 403


def test_a_leader_opens_a_programme_and_adds_a_target(client, leader_a, ward_a):
    client.force_login(leader_a)
    response = client.post(
        reverse("targets:list"),
        {"year": 2026, "title": "Chương trình công tác năm 2026", "source": "Nghị quyết 01-NQ/ĐU"},
    )
    programme = Programme.objects.get(unit=ward_a, year=2026)
    assert response["Location"] == reverse("targets:programme", args=[programme.pk])
    data = {"code": "party-admissions", "order": 1, "name": "Kết nạp đảng viên mới",
            "group": "party", "measure": "đảng viên", "plan": "7", "direction": "higher",
            "decimals": 1, "value_decimals": 0, "change_decimals": 0}  # fmt: skip
    client.post(reverse("targets:target_new", args=[programme.pk]), data)
    assert programme.targets.get().plan == 7
    again = client.post(reverse("targets:list"), {"year": 2026, "title": "Trùng năm"})
    assert again.status_code == 200 and again.context["form"].errors["year"]
