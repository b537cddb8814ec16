"""The bell: the reader's unread count in one query, "9+" above nine, none off staff pages."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.urls import resolve

from tiepdan.accounts.models import User
from tiepdan.notifications import services
from tiepdan.notifications.context_processors import bell
from tiepdan.notifications.tests.factories import tell

pytestmark = pytest.mark.django_db


def request_for(user, path="/thong-bao/"):
    request = RequestFactory().get(path)
    request.user = user
    request.resolver_match = resolve(path)
    return request


def fresh(user):
    """The user as the session middleware loads it: nothing cached."""
    return User.objects.get(pk=user.pk)


def test_it_counts_the_unread_in_one_query(ward_a, officer_a, django_assert_num_queries):
    for n in range(3):
        tell(officer_a, ward_a, key=f"k{n}")
    services.mark_read(officer_a, [officer_a.notifications.first().pk])
    context = bell(request_for(fresh(officer_a)))
    with django_assert_num_queries(1):
        assert context["bell"].count == 2
    assert context["bell"].badge == "2"
    assert context["bell"].label == "Thông báo: 2 chưa đọc"


def test_more_than_nine_shows_nine_plus(ward_a, officer_a, django_assert_num_queries):
    for n in range(14):
        tell(officer_a, ward_a, key=f"k{n}")
    context = bell(request_for(fresh(officer_a)))
    with django_assert_num_queries(1) as captured:
        assert context["bell"].badge == "9+"
    sql = captured.captured_queries[0]["sql"]
    assert "LIMIT 10" in sql and "COUNT(" not in sql.upper()
    assert context["bell"].label == "Thông báo: hơn 9 chưa đọc"


def test_it_does_not_count_what_the_reader_can_no_longer_see(ward_a, ward_b, officer_a):
    tell(officer_a, ward_b)
    assert bell(request_for(fresh(officer_a)))["bell"].count == 0


def test_nothing_for_anonymous_visitors_or_on_public_pages(officer_a, django_assert_num_queries):
    from django.contrib.auth.models import AnonymousUser

    with django_assert_num_queries(0):
        assert bell(request_for(AnonymousUser()))["bell"] is None
        assert bell(request_for(officer_a, "/"))["bell"] is None


def test_a_page_that_does_not_draw_the_bell_costs_no_query(officer_a, django_assert_num_queries):
    with django_assert_num_queries(0):
        bell(request_for(officer_a))


def test_nothing_before_the_second_factor(ward_a, leader_a, settings):
    settings.TIEPDAN_REQUIRE_2FA = True
    tell(leader_a, ward_a)
    leader = fresh(leader_a)
    leader.is_verified = lambda: False  # as django_otp's middleware marks a session before TOTP
    assert bell(request_for(leader))["bell"] is None
    leader.is_verified = lambda: True
    assert bell(request_for(leader))["bell"].count == 1


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's plan is read here")
def test_the_count_reads_the_inbox_index(ward_a, officer_a, django_assert_num_queries):
    context = bell(request_for(fresh(officer_a)))
    with django_assert_num_queries(1) as captured:
        assert context["bell"].count == 0
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {captured.captured_queries[0]['sql']}")
        plan = " ".join(str(row) for row in cursor.fetchall())
    assert "USING INDEX notification_inbox" in plan
