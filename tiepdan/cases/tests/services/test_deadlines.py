"""The deadline job: reminders and escalation, each sent once even with two workers."""

from datetime import date
from io import StringIO

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from tiepdan.cases import services
from tiepdan.cases.models import Case
from tiepdan.cases.services import deadlines
from tiepdan.cases.tests.factories import accepted, receive

pytestmark = pytest.mark.django_db


@pytest.fixture
def leader_mail(chairman_a):
    chairman_a.email = "chutich@example.vn"
    chairman_a.save()
    return chairman_a


def test_it_escalates_an_overdue_case_to_the_unit_leader_once(ward_a, officer_a, leader_mail):
    """Overdue cases are flagged (TCD Art. 28: notification within 10 WD; rule 10)."""
    officer_a.email = "an@example.vn"
    officer_a.save()
    case = receive(ward_a, officer_a, received_on=date(2026, 10, 1))
    services.assign(case, actor=officer_a, officer=officer_a)
    mail.outbox.clear()
    first = deadlines.check_deadlines(today=date(2026, 11, 23))
    second = deadlines.check_deadlines(today=date(2026, 11, 23))
    assert (first.escalated, second.escalated) == (1, 0)
    assert len(mail.outbox) == 1
    assert set(mail.outbox[0].to) == {"chutich@example.vn", "an@example.vn"}
    assert case.events.filter(kind="escalated").count() == 1


def test_two_workers_claim_a_case_once(ward_a, officer_a, leader_mail):
    """The conditional UPDATE lets only one of two workers send."""
    case = receive(ward_a, officer_a, received_on=date(2026, 10, 1))
    stale = Case.objects.get(pk=case.pk)  # both workers read the row before either claims it
    assert deadlines._claim(case, "escalated_for") is True
    assert deadlines._claim(stale, "escalated_for") is False


def test_it_reminds_the_officer_before_the_due_date(ward_a, officer_a):
    officer_a.email = "an@example.vn"
    officer_a.save()
    case = receive(ward_a, officer_a, received_on=date(2026, 11, 10))  # feedback: due 24/11 → 25/11
    services.assign(case, actor=officer_a, officer=officer_a)
    mail.outbox.clear()
    assert deadlines.check_deadlines(today=date(2026, 11, 23)).reminded == 1
    assert deadlines.check_deadlines(today=date(2026, 11, 23)).reminded == 0
    assert (
        mail.outbox[0].to == ["an@example.vn"]
        and case.registration_number in mail.outbox[0].subject
    )


def test_an_extension_earns_a_new_reminder(ward_a, officer_a, leader_a):
    case = accepted(ward_a, officer_a, kind="denunciation", received_on=date(2026, 11, 2))
    with time_machine.travel(date(2026, 12, 21), tick=False):
        assert deadlines.check_deadlines(today=date(2026, 12, 21)).reminded == 1
        services.extend(case, actor=leader_a, reason="Phức tạp", today=date(2026, 12, 21))
        assert deadlines.check_deadlines(today=date(2027, 1, 20)).reminded == 1


def test_the_command_runs_the_same_check(ward_a, officer_a, leader_mail):
    receive(ward_a, officer_a, received_on=date(2026, 10, 1))
    out = StringIO()
    with time_machine.travel(date(2026, 11, 23), tick=False):
        call_command("check_deadlines", stdout=out)
    assert "escalated=1" in out.getvalue()
    assert len(mail.outbox) == 1


def test_the_daily_digest_lists_each_officers_cases(ward_a, officer_a):
    officer_a.email = "an@example.vn"
    officer_a.save()
    case = receive(ward_a, officer_a, received_on=date(2026, 10, 1))
    services.assign(case, actor=officer_a, officer=officer_a)
    mail.outbox.clear()
    assert deadlines.send_digests(today=date(2026, 11, 23)) == 1
    assert case.registration_number in mail.outbox[0].body
