"""Work lists and polling: the keyset order by last change, and the index that serves it."""

import re
from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tiepdan.cases import services
from tiepdan.cases.models import Case
from tiepdan.cases.search import worklist
from tiepdan.cases.tests.factories import receive
from tiepdan.integrations.tests.factories import bearer, make_key

pytestmark = pytest.mark.django_db

POLL = "/api/v1/cases?updated_since=2026-01-01T00:00:00Z&limit=2"


def _age(case: Case, moment: str) -> None:
    Case.objects.filter(pk=case.pk).update(updated_at=datetime.fromisoformat(moment))


def test_it_pages_by_last_change_and_the_cursor_resumes_after_the_last_seen(ward_a, officer_a):
    cases = [receive(ward_a, officer_a) for _ in range(3)]
    moments = ["2026-11-03T00:00Z", "2026-11-01T00:00Z", "2026-11-02T00:00Z"]
    for case, moment in zip(cases, moments, strict=True):
        _age(case, moment)
    first = worklist.page(Case.objects.all(), sort="updated", size=2)
    assert [c.pk for c in first.cases] == [cases[1].pk, cases[2].pk]
    assert first.next_cursor == f"2026-11-02T00:00:00.000000Z_{cases[2].pk}"
    rest = worklist.page(Case.objects.all(), sort="updated", cursor=first.next_cursor, size=2)
    assert [c.pk for c in rest.cases] == [cases[0].pk] and rest.next_cursor is None


def test_a_case_changed_while_paging_comes_again_at_the_end(ward_a, officer_a):
    first_case, second_case = receive(ward_a, officer_a), receive(ward_a, officer_a)
    _age(first_case, "2026-11-01T00:00Z")
    _age(second_case, "2026-11-02T00:00Z")
    page = worklist.page(Case.objects.all(), sort="updated", size=1)
    services.add_note(first_case, actor=officer_a, text="Đã liên hệ người gửi")
    rest = worklist.page(Case.objects.all(), sort="updated", cursor=page.next_cursor or "", size=5)
    assert [c.pk for c in rest.cases] == [second_case.pk, first_case.pk]


def test_a_cursor_without_a_zone_is_read_as_utc(ward_a, officer_a):
    case = receive(ward_a, officer_a)
    _age(case, "2026-11-02T00:00Z")
    after = worklist.page(Case.objects.all(), sort="updated", cursor=f"2026-11-01T23:00:00_{1}")
    assert [c.pk for c in after.cases] == [case.pk]
    assert case.updated_at.tzinfo is not None
    assert datetime(2026, 11, 2, tzinfo=UTC) == Case.objects.get(pk=case.pk).updated_at


def _plan(sql: str) -> str:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # A test table has a few rows, where a sequential scan always wins; forbid it to
            # see whether the planner can serve the range and the order from an index at all.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(f"EXPLAIN {sql}")
        else:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
        return "\n".join(" ".join(str(part) for part in row) for row in cursor.fetchall())


@pytest.mark.parametrize("cursor", [False, True], ids=["first page", "next page"])
def test_the_polling_query_reads_an_updated_at_index(client, ward_a, officer_a, cursor):
    for _ in range(3):
        receive(ward_a, officer_a)
    _key, plain = make_key(ward_a, "cases.view_case")
    url = POLL
    if cursor:
        url += "&cursor=" + client.get(url, **bearer(plain)).json()["next_cursor"]
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, **bearer(plain)).status_code == 200
    polls = [q["sql"] for q in queries if "ORDER BY" in q["sql"] and "updated_at" in q["sql"]]
    assert len(polls) == 1
    plan = _plan(polls[0])
    # One unit's poll reads (unit, updated_at, id); a province's, (updated_at, id).
    assert re.search(r"\bcase_(unit_)?updated\b", plan), plan
    if connection.vendor == "sqlite":
        assert "TEMP B-TREE" not in plan, plan  # the index gives the order: no sort step
