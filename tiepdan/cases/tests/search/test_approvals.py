"""The approval lists: the drafts awaiting a leader's approval across their units, oldest
submitted first, read along an index; the drafts returned to their drafter."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from conftest import make_user
from tiepdan.accounts import roles
from tiepdan.cases.models import Response
from tiepdan.cases.search import approvals
from tiepdan.cases.services import answers
from tiepdan.cases.tests.factories import accepted

pytestmark = pytest.mark.django_db


def submitted(unit, officer, text="Dự thảo trả lời", **kwargs):
    case = accepted(unit, officer, **kwargs)
    return answers.submit_answer(
        answers.draft_answer(case, actor=officer, text=text), actor=officer
    )


def test_the_queue_holds_the_submitted_drafts_of_the_leaders_units_oldest_first(
    ward_a, ward_b, officer_a, leader_a, officer_b
):
    later, earlier = submitted(ward_a, officer_a), submitted(ward_a, officer_a)
    Response.objects.filter(pk=earlier.pk).update(submitted_at=timezone.now() - timedelta(hours=3))
    answers.draft_answer(accepted(ward_a, officer_a), actor=officer_a, text="Chưa trình")
    approved = submitted(ward_a, officer_a)
    answers.approve_answer(approved, actor=leader_a)
    elsewhere = submitted(ward_b, officer_b)
    assert list(approvals.awaiting(leader_a)) == [earlier, later]
    leader_b = make_user("leader_b", ward_b, roles.LEADER)
    assert list(approvals.awaiting(leader_b)) == [elsewhere]


def test_a_province_leader_sees_the_queue_of_the_wards_below(ward_a, ward_b, officer_a, officer_b):
    """Ward B lies in another province."""
    mine = submitted(ward_a, officer_a)
    submitted(ward_b, officer_b)
    province = make_user("province_leader", ward_a.parent, roles.LEADER)
    assert list(approvals.awaiting(province)) == [mine]


def test_who_may_not_approve_has_no_queue(ward_a, officer_a):
    submitted(ward_a, officer_a)
    assert not approvals.awaiting(officer_a).exists()


def test_a_denunciations_subject_is_redacted_for_a_leader_who_may_not_see_the_denouncer(
    ward_a, officer_a, leader_a
):
    from tiepdan.cases.tests.factories import CitizenFactory

    citizen = CitizenFactory(full_name="Hoàng Thị Tố Giang")
    draft = submitted(
        ward_a,
        officer_a,
        kind="denunciation",
        subject="Bà Hoàng Thị Tố Giang tố cáo cán bộ",
        citizen=False,
    )
    draft.case.case_citizens.create(citizen=citizen)
    [shown] = approvals.shown(leader_a, approvals.awaiting(leader_a))
    assert shown.case.subject == "Bà […] tố cáo cán bộ"


def test_the_drafts_returned_to_an_officer_are_theirs_alone(ward_a, officer_a, leader_a):
    other = make_user("officer_c", ward_a, roles.HANDLING_OFFICER)
    mine, theirs = submitted(ward_a, officer_a), submitted(ward_a, other)
    for draft in (mine, theirs):
        answers.return_answer(draft, actor=leader_a, comment="Bổ sung số liệu.")
    assert list(approvals.returned_to(officer_a)) == [mine]


def _plan(sql: str) -> str:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # On a few rows any plan costs the same, and which one wins depends on the
            # statistics earlier tests left: forbid scanning and sorting, to see whether the
            # planner can serve the filter and the order from an index at all.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_sort = off")
            cursor.execute(f"EXPLAIN {sql}")
        else:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
        return "\n".join(" ".join(str(part) for part in row) for row in cursor.fetchall())


def test_the_queue_reads_the_state_and_submitted_time_index(ward_a, officer_a, leader_a):
    for _ in range(3):
        submitted(ward_a, officer_a)
    with CaptureQueriesContext(connection) as queries:
        assert len(approvals.awaiting(leader_a)) == 3
    [sql] = [q["sql"] for q in queries if 'FROM "cases_response"' in q["sql"]]
    plan = _plan(sql)
    assert "response_state_submitted" in plan, plan
    if connection.vendor == "sqlite":
        assert "TEMP B-TREE" not in plan, plan  # the index gives the order: no sort step
