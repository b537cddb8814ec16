"""Writes on cases: intake, classification, decisions, routing, clocks."""

from datetime import date

import pytest
from django.core import mail
from django.utils import translation

from tiepdan.cases import services
from tiepdan.cases.models import Case, CaseEvent, Field, Status
from tiepdan.cases.tests.factories import TODAY, accepted, classified, receive
from tiepdan.lib.errors import Conflict, DomainError

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """Messages are matched in English (the msgids); the Vietnamese catalogue is tested apart."""
    with translation.override("en"):
        yield


def test_it_numbers_cases_per_unit_and_year(ward_a, ward_b, officer_a):
    """Every letter is numbered and registered (Circular 05/2021; rule 12)."""
    first = receive(ward_a, officer_a)
    second = receive(ward_a, officer_a)
    other_unit = receive(ward_b)
    last_year = receive(ward_a, officer_a, received_on=date(2025, 12, 30))
    assert (first.number, second.number, other_unit.number, last_year.number) == (1, 2, 1, 1)
    assert second.registration_number == "0002/2026"
    assert first.tracking_code != second.tracking_code and len(first.tracking_code) == 12


def test_it_computes_the_first_deadlines_from_the_received_date(ward_a, officer_a):
    """Notification 10 WD (TCD Art. 28); denunciation initial handling 7 WD (TC Art. 24)."""
    case = receive(ward_a, officer_a, kind=Case.Kind.DENUNCIATION, received_on=date(2026, 11, 2))
    assert case.notify_due_on == date(2026, 11, 16)
    assert case.due_on == date(2026, 11, 11)
    assert case.due_period == "denunciation_handling"


def test_it_refuses_a_received_date_in_the_future(ward_a, officer_a):
    """The received date is the basis of every deadline, so it cannot be after today."""
    with pytest.raises(DomainError):
        receive(ward_a, officer_a, received_on=date(2026, 11, 24))
    assert not Case.objects.exists()


def test_it_does_not_create_two_cases_for_a_retried_submission(ward_a):
    """A retried POST with the same idempotency token returns the first case."""
    intake = services.Intake(
        channel=Case.Channel.ONLINE,
        kind=Case.Kind.FEEDBACK,
        subject="Đèn đường hỏng",
        content="Đèn đường hẻm 42 hỏng một tuần.",
        received_on=TODAY,
    )
    one = services.receive_case(intake, unit=ward_a, actor=None, today=TODAY, idempotency_key="k1")
    two = services.receive_case(intake, unit=ward_a, actor=None, today=TODAY, idempotency_key="k1")
    assert one.pk == two.pk
    assert Case.objects.count() == 1


def test_it_records_one_event_per_change(ward_a, officer_a):
    """Every change writes one CaseEvent with who, from and to (DESIGN §2)."""
    case = accepted(ward_a, officer_a)
    kinds = list(case.events.values_list("kind", "from_status", "to_status"))
    assert kinds == [
        ("received", "", "received"),
        ("classified", "received", "classified"),
        ("decided", "classified", "accepted"),
    ]
    assert all(e.actor == officer_a for e in case.events.all())


def test_it_moves_updated_at_to_each_events_time(ward_a, officer_a):
    """Pollers read `updated_at`: every event sets it, even after save(update_fields=…)."""
    case = receive(ward_a, officer_a)
    Case.objects.filter(pk=case.pk).update(updated_at="2026-01-01T00:00:00Z")
    services.extend(case, actor=officer_a, reason="Cần xác minh thêm", today=TODAY)
    extended = case.events.order_by("-at", "-id").first()
    assert Case.objects.get(pk=case.pk).updated_at == extended.at == case.updated_at
    services.add_note(case, actor=officer_a, text="Đã gọi điện cho người gửi")
    assert Case.objects.get(pk=case.pk).updated_at == case.events.order_by("-at").first().at


def test_it_refuses_an_invalid_transition_with_a_message(ward_a, officer_a):
    """An invalid transition is refused (DESIGN §2), and nothing changes."""
    case = receive(ward_a, officer_a)
    with pytest.raises(Conflict, match="cannot become"):
        services.decide(case, actor=officer_a, decision="accept", today=TODAY)
    case.refresh_from_db()
    assert case.status == Status.RECEIVED
    assert case.events.count() == 1


def test_the_timeline_cannot_be_edited(ward_a, officer_a):
    """CaseEvent is append-only."""
    event = receive(ward_a, officer_a).events.get()
    event.text = "sửa"
    with pytest.raises(Conflict):
        event.save()
    with pytest.raises(Conflict):
        event.delete()


def test_it_never_accepts_an_anonymous_denunciation(ward_a, officer_a):
    """Law on Denunciations Art. 25 (rule 14)."""
    case = classified(
        ward_a,
        officer_a,
        kind=Case.Kind.DENUNCIATION,
        citizen=False,
        data={"is_anonymous": True},
    )
    with pytest.raises(DomainError, match="anonymous"):
        services.decide(case, actor=officer_a, decision="accept", today=TODAY)
    services.decide(case, actor=officer_a, decision="archive", today=TODAY, note="Đơn nặc danh")
    assert case.status == Status.ARCHIVED


def test_it_transfers_a_denunciation_only_once(ward_a, officer_a):
    """Circular 05/2021 Art. 14 (rule 15): a second transfer is refused."""
    case = classified(ward_a, officer_a, kind=Case.Kind.DENUNCIATION, data={"competent": False})
    assert case.due_on == date(2026, 11, 9)  # transfer within 5 WD (TC Art. 24)
    services.decide(case, actor=officer_a, decision="transfer", today=TODAY, target="UBND tỉnh")
    assert case.transfer_count == 1 and case.decision_number == "1/PC-UBND"
    case.status = Status.CLASSIFIED  # as if the same letter came back
    with pytest.raises(DomainError, match="already been transferred"):
        services.decide(case, actor=officer_a, decision="transfer", today=TODAY, target="Sở X")


def test_it_routes_a_party_member_denunciation_to_the_party_inspection_body(ward_a, officer_a):
    """Circular 05/2021 Art. 15 (rule 20)."""
    case = classified(
        ward_a,
        officer_a,
        kind=Case.Kind.DENUNCIATION,
        data={"accused_is_party_member": True, "party_rule_breach": True},
    )
    with pytest.raises(DomainError, match="Party"):
        services.decide(case, actor=officer_a, decision="accept", today=TODAY)
    services.decide(case, actor=officer_a, decision="transfer", today=TODAY)
    assert case.decision_target == "Ủy ban Kiểm tra Đảng ủy"


def test_accepting_a_denunciation_starts_the_thirty_day_resolution(ward_a, officer_a):
    """Law on Denunciations Art. 30: 30 days from acceptance; 23/12/2026 is a Wednesday."""
    case = accepted(ward_a, officer_a, kind=Case.Kind.DENUNCIATION)
    assert case.due_on == date(2026, 12, 23)
    assert case.stage == "resolution"


def test_a_complex_complaint_gets_forty_five_days(ward_a, officer_a):
    """Law on Complaints Art. 28; the reason is from Decree 155 Art. 3a."""
    with pytest.raises(DomainError):
        classified(ward_a, officer_a, kind=Case.Kind.COMPLAINT, data={"is_complex": True})
    case = accepted(
        ward_a,
        officer_a,
        kind=Case.Kind.COMPLAINT,
        data={"is_complex": True, "complex_reason": "several_agencies"},
    )
    assert case.due_on == date(2027, 1, 7)


def test_it_assigns_by_the_fields_default_and_starts_work(ward_a, officer_a, leader_a):
    """Routing defaults per field; an accepted case becomes in progress."""
    dept = ward_a.departments.create(name="Phòng Kinh tế", code="kt")
    officer_a.department = dept
    officer_a.save()
    field = Field.objects.create(
        unit=ward_a, code="dat", name="Đất đai", default_assignee=officer_a
    )
    case = accepted(ward_a, officer_a, field=field)
    services.assign(case, actor=leader_a)
    assert (case.assignee, case.assignee_department, case.status) == (
        officer_a,
        dept,
        "in_progress",
    )


def test_it_refuses_to_assign_to_another_units_officer(ward_a, officer_a, officer_b):
    """Scope: a case is worked inside its own unit."""
    case = accepted(ward_a, officer_a)
    with pytest.raises(DomainError):
        services.assign(case, actor=officer_a, officer=officer_b)


def test_bulk_assign_gives_each_case_its_own_event(ward_a, officer_a, leader_a):
    cases = [receive(ward_a, officer_a) for _ in range(3)]
    assert services.bulk_assign(cases, actor=leader_a, department=None, officer=officer_a) == 3
    assert CaseEvent.objects.filter(kind="assigned").count() == 3


def test_an_extension_needs_a_reason_and_moves_the_due_date(ward_a, officer_a, leader_a):
    """Law on Denunciations Art. 30: each extension is a written decision."""
    case = accepted(ward_a, officer_a, kind=Case.Kind.DENUNCIATION)
    with pytest.raises(DomainError):
        services.extend(case, actor=leader_a, reason="", today=TODAY)
    services.extend(case, actor=leader_a, reason="Vụ việc phức tạp", today=TODAY)
    assert case.due_on == date(2027, 1, 22) and case.extensions == 1
    assert case.events.filter(kind="extended", is_public=True).exists()


def test_suspension_stops_the_clock_and_resumption_restarts_it(ward_a, officer_a, leader_a):
    """Decree 155 (rule 18): the clock resumes with the days that were left."""
    case = accepted(ward_a, officer_a, kind=Case.Kind.DENUNCIATION)  # due 23/12/2026
    services.suspend(case, actor=leader_a, reason="Chờ kết quả giám định", today=date(2026, 12, 1))
    assert case.remaining_days == 22 and case.status == "suspended"
    services.resume(case, actor=leader_a, today=date(2027, 1, 4))
    assert case.due_on == date(2027, 1, 26) and case.status == "in_progress"


def test_deciding_tells_the_citizen_after_commit(
    ward_a, officer_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        case = accepted(ward_a, officer_a)
    assert len(mail.outbox) == 1
    assert case.code_display in mail.outbox[0].body


def test_marking_an_accepted_complaint_complex_gives_it_forty_five_days(
    ward_a, officer_a, leader_a
):
    """Law on Complaints Art. 28: 45 days for a complex case, with a Decree 155 Art. 3a reason."""
    case = accepted(ward_a, officer_a, kind=Case.Kind.COMPLAINT)
    assert case.due_on == date(2026, 12, 23)
    services.mark_complex(case, actor=leader_a, reason="contradictory_evidence")
    assert case.due_on == date(2027, 1, 7) and case.is_complex
    with pytest.raises(DomainError):
        services.mark_complex(case, actor=leader_a, reason="contradictory_evidence")


def test_the_citizen_is_told_of_an_extension(
    ward_a, officer_a, leader_a, django_capture_on_commit_callbacks
):
    """Law on Citizen Reception Art. 28: notices of acceptance, extension, transfer."""
    case = accepted(ward_a, officer_a, kind=Case.Kind.DENUNCIATION)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.extend(case, actor=leader_a, reason="Phức tạp", today=TODAY)
    assert len(mail.outbox) == 1 and "22/01/2027" in mail.outbox[0].subject


def test_the_decision_is_due_by_the_notification_deadline(ward_a, officer_a):
    """TCD Art. 28 (rule 10): the citizen is told within 10 WD, even if the unit gives itself
    longer to answer feedback; after acceptance the unit's answer period applies."""
    from tiepdan.cases.models.settings import CasePolicy

    CasePolicy.objects.create(unit=ward_a, periods={"feedback_answer": 15})
    case = receive(ward_a, officer_a, received_on=date(2026, 11, 2))
    assert (case.due_on, case.due_period) == (date(2026, 11, 16), "notify")
    services.classify(case, services.ClassifyInput(kind=case.kind, field=None), actor=officer_a)
    services.decide(case, actor=officer_a, decision="accept", today=TODAY)
    assert (case.due_on, case.due_period) == (date(2026, 11, 23), "feedback_answer")
