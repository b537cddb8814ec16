from datetime import date

import pytest
import time_machine
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from tiepdan.directives import services
from tiepdan.directives.models import Directive, DirectiveUpdate
from tiepdan.lib.errors import Conflict, DomainError
from tiepdan.orgunits.services import ensure_department

pytestmark = pytest.mark.django_db


@pytest.fixture
def dept_a(ward_a):
    return ensure_department(ward_a, "vhxh", "Phòng Văn hóa - Xã hội", "bo_phan")


def _issue(leader, unit, **kw):
    defaults = dict(
        unit=unit,
        title="Công khai lịch tiếp công dân của Bí thư",
        content="Đăng lịch trên trang thông tin điện tử phường.",
        issued_by=leader,
        source_kind=Directive.SourceKind.WORK_MEETING,
        issued_on=date(2026, 12, 4),
    )
    defaults.update(kw)
    return services.create_directive(**defaults)


def _evidence():
    return SimpleUploadedFile("bao-cao.pdf", b"%PDF-1.4 report", content_type="application/pdf")


def test_it_issues_a_directive_with_a_working_day_deadline(
    leader_a, ward_a, dept_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        directive = _issue(leader_a, ward_a, owner_department=dept_a, due_in_working_days=3)
    assert directive.due_on == date(2026, 12, 9)
    assert directive.status == Directive.Status.OPEN
    assert list(directive.updates.values_list("kind", flat=True)) == ["created"]


def test_it_refuses_a_directive_without_an_owner_and_saves_nothing(leader_a, ward_a):
    """Each task of a conclusions notice has an owner (Decree 154/2026 Art. 25)."""
    with pytest.raises(DomainError) as err:
        _issue(leader_a, ward_a)
    assert err.value.field == "owner_department"
    assert not Directive.objects.exists()


def test_it_refuses_a_department_of_another_unit(leader_a, ward_a, ward_b):
    other = ensure_department(ward_b, "vp", "Văn phòng", "bo_phan")
    with pytest.raises(DomainError):
        _issue(leader_a, ward_a, owner_department=other)


def test_it_refuses_an_officer_of_another_unit(leader_a, ward_a, officer_b):
    with pytest.raises(DomainError):
        _issue(leader_a, ward_a, owner_user=officer_b)


def test_it_links_the_directive_to_its_source(leader_a, ward_a, officer_a, dept_a):
    directive = _issue(leader_a, ward_a, owner_user=officer_a, source=dept_a)
    assert directive.source == dept_a
    assert directive.source_label == str(dept_a)
    assert list(Directive.objects.from_source(dept_a)) == [directive]


def test_it_records_progress_and_moves_to_in_progress(leader_a, ward_a, officer_a):
    directive = _issue(leader_a, ward_a, owner_user=officer_a)
    services.record_progress(directive, percent=40, note="Đã dự thảo quy chế.", actor=officer_a)
    directive.refresh_from_db()
    assert (directive.status, directive.percent_done) == ("in_progress", 40)
    assert directive.updates.last().note == "Đã dự thảo quy chế."


def test_it_refuses_progress_without_a_note(leader_a, ward_a, officer_a):
    directive = _issue(leader_a, ward_a, owner_user=officer_a)
    with pytest.raises(DomainError):
        services.record_progress(directive, percent=10, note=" ", actor=officer_a)
    directive.refresh_from_db()
    assert directive.percent_done == 0


def test_it_refuses_completion_without_evidence(leader_a, ward_a, officer_a):
    directive = _issue(leader_a, ward_a, owner_user=officer_a)
    with pytest.raises(DomainError) as err:
        services.complete_directive(directive, note="Xong", evidence=None, actor=officer_a)
    assert err.value.field == "evidence"
    directive.refresh_from_db()
    assert directive.status == Directive.Status.OPEN


def test_it_completes_with_evidence_and_tells_the_leader(
    leader_a, ward_a, officer_a, django_capture_on_commit_callbacks
):
    leader_a.email = "bithu@example.vn"
    leader_a.save()
    directive = _issue(leader_a, ward_a, owner_user=officer_a)
    with django_capture_on_commit_callbacks(execute=True):
        services.complete_directive(
            directive, note="Đã ban hành", evidence=_evidence(), actor=officer_a
        )
    directive.refresh_from_db()
    assert (directive.status, directive.percent_done) == ("done", 100)
    assert directive.updates.get(kind="completed").evidence.name.endswith(".pdf")
    assert mail.outbox[-1].to == ["bithu@example.vn"]


def test_a_closed_directive_cannot_change(leader_a, ward_a, officer_a):
    directive = _issue(leader_a, ward_a, owner_user=officer_a)
    services.cancel_directive(directive, reason="Không còn cần thiết", actor=leader_a)
    with pytest.raises(Conflict):
        services.record_progress(directive, percent=50, note="x", actor=officer_a)


def test_it_refuses_cancelling_without_a_reason(leader_a, ward_a, officer_a):
    directive = _issue(leader_a, ward_a, owner_user=officer_a)
    with pytest.raises(DomainError):
        services.cancel_directive(directive, reason="", actor=leader_a)


def test_reminders_go_out_once_a_day(
    leader_a, ward_a, officer_a, django_capture_on_commit_callbacks
):
    officer_a.email = "an@example.vn"
    officer_a.save()
    _issue(leader_a, ward_a, owner_user=officer_a, due_on=date(2026, 12, 8))
    _issue(leader_a, ward_a, owner_user=officer_a, due_on=date(2026, 12, 31), title="Xa hạn")
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_reminders(today=date(2026, 12, 7)) == 1
        assert services.send_reminders(today=date(2026, 12, 7)) == 0
    assert [m.to for m in mail.outbox if "sắp" in m.subject or "due soon" in m.subject] == [
        ["an@example.vn"]
    ]


def test_overdue_directives_are_escalated_once_to_owner_and_leader(
    leader_a, ward_a, officer_a, django_capture_on_commit_callbacks
):
    leader_a.email, officer_a.email = "bithu@example.vn", "an@example.vn"
    leader_a.save()
    officer_a.save()
    directive = _issue(leader_a, ward_a, owner_user=officer_a, due_on=date(2026, 12, 8))
    mail.outbox.clear()
    with (
        time_machine.travel("2026-12-10 08:00 +07:00"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert services.escalate_overdue(today=date(2026, 12, 10)) == 1
        assert services.escalate_overdue(today=date(2026, 12, 10)) == 0
    assert sorted(mail.outbox[0].to) == ["an@example.vn", "bithu@example.vn"]
    assert directive.updates.filter(kind=DirectiveUpdate.Kind.ESCALATED).count() == 1


def test_the_deadline_command_runs_both_steps(leader_a, ward_a, officer_a):
    from io import StringIO

    from django.core.management import call_command

    _issue(leader_a, ward_a, owner_user=officer_a, due_on=date(2026, 12, 8))
    out = StringIO()
    with time_machine.travel("2026-12-09 08:00 +07:00"):
        call_command("check_directive_deadlines", stdout=out)
    assert "escalated=1" in out.getvalue()


def test_the_periodic_task_escalates_through_the_service(leader_a, ward_a, officer_a):
    from tiepdan.directives.tasks import directive_deadlines

    directive = _issue(leader_a, ward_a, owner_user=officer_a, due_on=date(2026, 12, 8))
    with time_machine.travel("2026-12-09 08:00 +07:00"):
        directive_deadlines.call_local()
    directive.refresh_from_db()
    assert directive.overdue_flagged_at is not None


def test_progress_evidence_photo_is_stored_without_its_gps_tags(leader_a, ward_a, officer_a):
    from tiepdan.lib.tests.photos import exif_of, gps_photo

    directive = _issue(leader_a, ward_a, owner_user=officer_a)
    photo = SimpleUploadedFile("anh.jpg", gps_photo(), content_type="image/jpeg")
    services.record_progress(
        directive, percent=30, note="Đã khảo sát", actor=officer_a, evidence=photo
    )
    update = directive.updates.get(kind="progress")
    assert update.evidence.name.endswith(".jpg")
    with update.evidence.open("rb") as stored:
        assert exif_of(stored) == {}


def test_evidence_named_jpg_that_is_a_web_page_is_refused(leader_a, ward_a, officer_a):
    directive = _issue(leader_a, ward_a, owner_user=officer_a)
    page = SimpleUploadedFile("anh.jpg", b"<html><script>x()</script></html>", "image/jpeg")
    with pytest.raises(DomainError) as err:
        services.complete_directive(directive, note="Xong", evidence=page, actor=officer_a)
    assert err.value.field == "evidence"
    directive.refresh_from_db()
    assert directive.status == Directive.Status.OPEN
