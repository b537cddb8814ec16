"""The unit administrator's page of the denouncer-identity access log (rule 19)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import make_user
from tiepdan.accounts import roles
from tiepdan.cases.models import IdentityAccess
from tiepdan.cases.rules import Kind
from tiepdan.cases.search import identity_log
from tiepdan.cases.tests.factories import receive

pytestmark = pytest.mark.django_db

URL = reverse("cases:identity_log")


@pytest.fixture
def rows(ward_a, ward_b, officer_a, chairman_a, officer_b):
    """Five views in ward A a day apart (newest: the chairman's), one in ward B."""
    case_a = receive(ward_a, kind=Kind.DENUNCIATION)
    case_b = receive(ward_b, kind=Kind.DENUNCIATION)
    now = timezone.now()
    made = []
    for n in range(5):
        user = chairman_a if n == 4 else officer_a
        made.append(
            IdentityAccess.objects.create(
                case=case_a, user=user, via="page", path="/a/", at=now - timedelta(days=4 - n)
            )
        )
    IdentityAccess.objects.create(case=case_b, user=officer_b, via="api", path="/b/", at=now)
    return case_a, made


def test_only_the_unit_admin_role_reads_the_log(client, rows, officer_a, leader_a, admin_a):
    for user in (officer_a, leader_a):
        client.force_login(user)
        assert client.get(URL).status_code == 403
    client.force_login(admin_a)
    assert client.get(URL).status_code == 200


def test_it_lists_the_unit_subtree_newest_first(admin_a, rows, officer_b):
    _case, made = rows
    found = list(identity_log.rows_for(admin_a, {}))
    assert found == made[::-1]  # ward B's row is out of scope


def test_it_filters_by_case_user_and_date(admin_a, rows, chairman_a):
    case, made = rows
    by_number = identity_log.rows_for(admin_a, {"case": f"{case.number}/{case.year}"})
    assert by_number.count() == 5
    assert identity_log.rows_for(admin_a, {"case": "9999/2026"}).count() == 0
    assert identity_log.rows_for(admin_a, {"case": case.code_display}).count() == 5
    assert list(identity_log.rows_for(admin_a, {"user": chairman_a})) == [made[4]]
    day = timezone.localtime(made[2].at).date()
    assert list(identity_log.rows_for(admin_a, {"date_from": day, "date_to": day})) == [made[2]]


def test_it_pages_by_keyset_and_a_bad_cursor_starts_over(admin_a, rows):
    _case, made = rows
    first = identity_log.page(identity_log.rows_for(admin_a, {}), size=2)
    assert first.rows == [made[4], made[3]] and first.next_cursor
    second = identity_log.page(identity_log.rows_for(admin_a, {}), first.next_cursor, size=2)
    assert second.rows == [made[2], made[1]]
    again = identity_log.page(identity_log.rows_for(admin_a, {}), "not-a-cursor", size=2)
    assert again.rows == first.rows


def test_the_page_filters_and_never_errs_on_bad_input(client, admin_a, rows, ward_a):
    client.force_login(admin_a)
    other = make_user("other_admin", ward_a, roles.UNIT_ADMIN)
    for query in (
        "?case=%27%3B--",
        "?user=abc&date_from=31/31/2026",
        "?after=x_y",
        f"?user={other.pk}",
    ):
        assert client.get(URL + query).status_code == 200
    page = client.get(URL, {"user": rows[1][4].user_id}).content.decode()
    assert page.count("<tr>") == 2  # the header and the chairman's one view
