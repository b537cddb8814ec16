import re
from datetime import date

import pytest
import time_machine
from django.urls import reverse

from tiepdan.cases.models import Case, Status
from tiepdan.cases.search import worklist
from tiepdan.reports.tests.factories import CaseFactory
from tiepdan.targets import demo

pytestmark = pytest.mark.django_db
NOW = time_machine.travel(date(2026, 11, 23), tick=False)


def figure(html: str, name: str) -> int:
    return int(re.search(rf'data-figure="{name}">(?:<a href="[^"]*">)?(\d+)<', html).group(1))


def test_the_demo_wards_dashboard_shows_the_published_percentages(client, leader_a, ward_a):
    """The wards' 2023 programme as published: 114,3 %, 126,2 %, 84,6 % and +8 %, 100 %, 69,23 %."""
    demo.seed_ward(ward_a)
    client.force_login(leader_a)
    html = client.get(reverse("reports:dashboard")).content.decode()
    rows = dict(re.findall(r'data-target="([a-z-]+)".*?class="[^"]*percent">([^<]*)<', html, re.S))
    assert rows == {
        "party-admissions": "114,3 %",
        "land-tax": "126,2 %",
        "budget-revenue": "84,6 %",
        "military-service": "100 %",
        "criminal-cases": "69,23 %",
        "fire-safety-groups": "100 %",
    }
    assert re.search(r'data-target="budget-revenue".*?class="[^"]*change">\+8 %<', html, re.S)
    assert figure(html, "targets_behind") == 2


@NOW
def test_the_ward_dashboard_agrees_with_the_case_lists(client, leader_a, ward_a, ward_b):
    """Each figure is the count of the list it summarises, for the user's scope."""
    CaseFactory(unit=ward_a, answered_on=date(2026, 11, 10), status=Status.ANSWERED)
    CaseFactory(unit=ward_a, answered_on=date(2026, 11, 20), status=Status.ANSWERED)
    CaseFactory(unit=ward_a, received_on=date(2026, 11, 3))
    CaseFactory(unit=ward_a, received_on=date(2026, 10, 1))
    CaseFactory(unit=ward_b, received_on=date(2026, 11, 3))
    client.force_login(leader_a)
    html = client.get(reverse("reports:dashboard"), {"month": "2026-11"}).content.decode()
    today = date(2026, 11, 23)
    november = {"received_from": date(2026, 11, 1), "received_to": date(2026, 11, 30)}
    received_list = worklist.filtered(worklist.base("all", leader_a, today), november)
    assert figure(html, "received") == received_list.count() == 3
    assert figure(html, "overdue") == worklist.base("overdue", leader_a, today).count() == 2
    links = re.findall(r'data-figure="(?:received|overdue)"><a href="([^"]*)"', html)
    assert links[0].endswith("received_from=2026-11-01&amp;received_to=2026-11-30")
    assert links[1].endswith("view=overdue")
    visible = Case.objects.visible_to(leader_a)
    answered = visible.filter(answered_on__month=11, answered_on__year=2026)
    assert figure(html, "answered") == answered.count()


@NOW
def test_the_province_dashboard_ranks_its_wards(client, province_reader, ward_a, ward_b):
    CaseFactory(unit=ward_a, answered_on=date(2026, 11, 10), status=Status.ANSWERED)
    client.force_login(province_reader)
    response = client.get(reverse("reports:dashboard"))
    html = response.content.decode()
    assert 'id="ranking"' in html and ward_a.name in html
    assert figure(html, "received") == 1  # ward B is in another province


def test_a_unit_out_of_scope_is_not_found(client, officer_b, ward_a):
    client.force_login(officer_b)
    assert client.get(reverse("reports:dashboard"), {"unit": ward_a.pk}).status_code == 404


def test_a_mediator_may_not_see_the_dashboard(client, mediator_a):
    client.force_login(mediator_a)
    assert client.get(reverse("reports:dashboard")).status_code == 403


@NOW
def test_the_public_statistics_page_needs_no_login(client, ward_a):
    CaseFactory(unit=ward_a, answered_on=date(2026, 11, 10), status=Status.ANSWERED)
    response = client.get(reverse("reports:public", args=[ward_a.code]))
    assert response.status_code == 200
    assert ward_a.name in response.content.decode()


def test_requesting_a_report_generates_it_and_keeps_the_file(
    client, leader_a, ward_a, django_capture_on_commit_callbacks
):
    """The page's button queues the job; the job keeps the file for download."""
    client.force_login(leader_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("reports:list"),
            {"kind": "state", "period": "2026-H1", "fmt": "xlsx", "unit": ward_a.pk},
        )
    assert response.status_code == 302
    detail = client.get(response["Location"])
    assert "done" in client.get(response["Location"] + "trang-thai/").content.decode()
    download = client.get(reverse("reports:download", args=[detail.context["report"].pk]))
    assert download["Content-Disposition"].endswith('.xlsx"')


def test_a_monthly_state_report_is_refused_with_a_message(client, leader_a, ward_a):
    """State reports are Q1, 6-month, 9-month and yearly only (DOMAIN §12 rule 28)."""
    client.force_login(leader_a)
    response = client.post(
        reverse("reports:list"), {"kind": "state", "period": "2026-01", "fmt": "docx"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["period"]


def test_another_wards_report_is_not_found(client, leader_a, officer_b, ward_a):
    client.force_login(leader_a)
    client.post(reverse("reports:list"), {"kind": "party", "period": "2026-01", "fmt": "xlsx"})
    from tiepdan.reports.models import GeneratedReport

    report = GeneratedReport.objects.get()
    client.force_login(officer_b)
    assert client.get(reverse("reports:detail", args=[report.pk])).status_code == 404


def test_a_report_being_generated_shows_a_progress_bar(client, leader_a, ward_a):
    """The page polls the job and shows its progress (hidden for the first second)."""
    from tiepdan.reports.models import GeneratedReport

    report = GeneratedReport.objects.create(
        unit=ward_a, kind="state", period="2026-H1", progress=40
    )
    client.force_login(leader_a)
    html = client.get(reverse("reports:detail", args=[report.pk])).content.decode()
    assert f'data-report-status="{reverse("reports:status", args=[report.pk])}"' in html
    assert "reports/progress.js" in html and 'aria-valuenow="40"' in html
    status = client.get(reverse("reports:status", args=[report.pk])).json()
    assert status == {"status": "pending", "progress": 40, "error": False}


@NOW
def test_the_province_ranking_adds_up_to_the_province_figures(client, province_reader, ward_a):
    from tiepdan.orgunits.services import ensure_ward

    other = ensure_ward(26506)
    CaseFactory(unit=ward_a, answered_on=date(2026, 11, 10), status=Status.ANSWERED)
    CaseFactory(unit=other, received_on=date(2026, 11, 4))
    client.force_login(province_reader)
    response = client.get(reverse("reports:dashboard"))
    data = response.context["data"]
    assert sum(line.received for line in data.ranking) == data.cases.received == 2
    assert sum(line.overdue for line in data.ranking) == data.cases.overdue


def test_a_unit_administrator_sets_the_cut_off_days(client, admin_a, ward_a):
    """Cut-off dates are configurable (DOMAIN §12 rule 28); the next report uses them."""
    from tiepdan.reports.models import GeneratedReport
    from tiepdan.reports.periods import cutoff_day_for

    client.force_login(admin_a)
    response = client.post(reverse("reports:settings"), {"state_cutoff_day": "20"})
    assert response.status_code == 302
    assert cutoff_day_for(ward_a, GeneratedReport.Kind.STATE) == 20
    assert cutoff_day_for(ward_a, GeneratedReport.Kind.PARTY) is None


def test_an_officer_may_not_change_the_cut_off_days(client, officer_a):
    client.force_login(officer_a)
    assert client.get(reverse("reports:settings")).status_code == 403


def test_the_province_shows_each_wards_targets_behind_plan_as_its_dashboard_does(
    client, province_reader, leader_a, ward_a
):
    demo.seed_ward(ward_a)
    client.force_login(province_reader)
    ranking = client.get(reverse("reports:dashboard")).context["data"].ranking
    line = next(line for line in ranking if line.unit_id == ward_a.pk)
    client.force_login(leader_a)
    ward_html = client.get(reverse("reports:dashboard")).content.decode()
    assert line.targets_behind == figure(ward_html, "targets_behind") == 2


@time_machine.travel(date(2026, 11, 27), tick=False)
def test_the_secretarys_dashboard_warns_when_the_month_runs_short(client, leader_a, ward_a):
    """Regulation 11 (as amended by KL 215): a ward Secretary receives citizens ≥ 2 days a month;
    the dashboard warns before the month runs short."""
    client.force_login(leader_a)
    html = client.get(reverse("reports:dashboard")).content.decode()
    assert "Quy định 11: tháng này đồng chí đã tiếp 0 trên 2 ngày tối thiểu" in html


@time_machine.travel(date(2026, 11, 27), tick=False)
def test_an_officer_without_a_post_gets_no_reception_warning(client, officer_a, ward_a):
    officer_a.user_permissions.add(*leader_permissions())
    client.force_login(officer_a)
    html = client.get(reverse("reports:dashboard")).content.decode()
    assert "Quy định 11" not in html


def leader_permissions():
    from django.contrib.auth.models import Group

    return Group.objects.get(name="leader").permissions.all()
