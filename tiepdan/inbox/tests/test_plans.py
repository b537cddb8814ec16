"""Each block reads its rows through an index, on SQLite and on PostgreSQL alike.

The plan is read from the query the block really runs, as in
`cases/tests/search/test_worklist.py`: on SQLite `EXPLAIN QUERY PLAN` must name the index meant
for it; on PostgreSQL `EXPLAIN` runs with sequential scans off (a test table is too small for
the planner to choose an index by itself), so a "Seq Scan" left in the plan is a table that no
index can serve. On a few test rows PostgreSQL may pick another of the table's indexes.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tiepdan.inbox import blocks
from tiepdan.inbox.tests.conftest import TODAY

pytestmark = pytest.mark.django_db


def _plan(sql: str) -> str:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(f"EXPLAIN {sql}")
        else:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
        return "\n".join(" ".join(str(part) for part in row) for row in cursor.fetchall())


def _assert_indexed(plan: str, index: str) -> None:
    if connection.vendor == "postgresql":
        assert "Seq Scan" not in plan, plan
    else:
        assert re.search(index, plan), plan


def _rows_query(block, user, table: str) -> str:
    """The SQL with which `block` fetches its rows from `table` (the one with a LIMIT)."""
    user.get_all_permissions()
    with CaptureQueriesContext(connection) as queries:
        block(user, TODAY)
    found = [
        q["sql"]
        for q in queries.captured_queries
        if re.search(rf'FROM "{table}"', q["sql"]) and "LIMIT" in q["sql"]
    ]
    assert found, f"no query on {table}"
    return found[0]


@pytest.fixture
def team(group_a):
    from tiepdan.mediation import services
    from tiepdan.mediation.tests.conftest import F, M, members

    return services.establish_team(group=group_a, name="Tổ 1", mediators=members(F, M, M))


def test_mediation_not_started_reads_the_new_start_index(team, mediator_a):
    sql = _rows_query(blocks.mediation_not_started, mediator_a, "mediation_mediationcase")
    plan = _plan(sql)
    _assert_indexed(plan, "mediation_case_start")
    if connection.vendor == "sqlite":
        assert "TEMP B-TREE" not in plan, plan  # the index gives the order


def test_the_weeks_mediation_sessions_read_the_new_date_index(team, mediator_a):
    sql = _rows_query(blocks.mediation_sessions, mediator_a, "mediation_mediationsession")
    _assert_indexed(_plan(sql), "mediation_session_held")


def test_refusal_notices_to_issue_read_the_new_partial_index(officer_a):
    sql = _rows_query(blocks.refusal_notices, officer_a, "reception_refusalnotice")
    plan = _plan(sql)
    _assert_indexed(plan, "refusal_to_issue")
    if connection.vendor == "sqlite":
        assert "TEMP B-TREE" not in plan, plan


@pytest.mark.parametrize(
    ("block", "table", "index"),
    [
        (blocks.cases_to_classify, "cases_case", r"case_unit_status_due"),
        (blocks.my_cases, "cases_case", r"case_assignee_due"),
        (blocks.department_cases, "cases_case", r"case_department_due"),
        (blocks.notices_due, "reception_receptionentry", r"entry_awaiting_notice"),
        # The drafter's key, or the (state, …) index the approval loop adds.
        (blocks.returned_answers, "cases_response", r"cases_response_drafted_by_id|response_state"),
        (blocks.bookings, "reception_receptionday", r"reception_r_unit_id_"),
        (blocks.second_factor_missing, "accounts_user", r"accounts_user_unit_id_"),
        (blocks.failed_jobs, "reports_generatedreport", r"report_unit_recent"),
    ],
    ids=lambda v: getattr(v, "__name__", None),
)
def test_the_blocks_on_existing_indexes_keep_to_them(handler_a, block, table, index):
    """handler_a holds a department, so every block here has its query."""
    _assert_indexed(_plan(_rows_query(block, handler_a, table)), index)


def test_the_leaders_reception_days_and_directives_read_the_leaders_indexes(leader_a):
    days = _plan(_rows_query(blocks.my_reception_days, leader_a, "reception_receptionday"))
    _assert_indexed(days, r"reception_r_leader_")
    directives = _plan(_rows_query(blocks.overdue_directives, leader_a, "directives_directive"))
    _assert_indexed(directives, r"directives_directive_issued_by_id")
