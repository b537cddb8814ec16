from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tiepdan.directives.models import Directive
from tiepdan.directives.tests.factories import DirectiveFactory
from tiepdan.orgunits.services import ensure_department

pytestmark = pytest.mark.django_db


@pytest.fixture
def directive(ward_a, leader_a, officer_a):
    return DirectiveFactory(unit=ward_a, issued_by=leader_a, owner_user=officer_a)


def test_the_board_lists_overdue_directives_first(client, ward_a, leader_a, officer_a):
    DirectiveFactory(
        unit=ward_a, issued_by=leader_a, owner_user=officer_a, title="Sau", due_on=date(2027, 1, 5)
    )
    DirectiveFactory(
        unit=ward_a, issued_by=leader_a, owner_user=officer_a, title="Trễ", due_on=date(2026, 11, 2)
    )
    client.force_login(leader_a)
    html = client.get(reverse("directives:board")).content.decode()
    assert html.index("Trễ") < html.index("Sau")
    assert "table-danger" in html


def test_a_leader_issues_a_directive_from_a_work_meeting(client, ward_a, leader_a):
    dept = ensure_department(ward_a, "vp", "Văn phòng HĐND và UBND", "bo_phan")
    client.force_login(leader_a)
    response = client.post(
        reverse("directives:create"),
        {
            "title": "Rà soát quy chế tiếp công dân",
            "source_kind": "work_meeting",
            "source_label": "Buổi làm việc ngày 20/11/2026",
            "issued_on": "2026-12-04",
            "owner_department": dept.pk,
            "due_in_working_days": "3",
        },
    )
    directive = Directive.objects.get()
    assert response.status_code == 302
    assert directive.due_on == date(2026, 12, 9)


def test_the_form_shows_a_missing_owner_next_to_the_field(client, ward_a, leader_a):
    client.force_login(leader_a)
    response = client.post(
        reverse("directives:create"),
        {"title": "X", "source_kind": "other", "issued_on": "2026-12-04"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["owner_department"]
    assert not Directive.objects.exists()


def test_an_officer_cannot_issue(client, officer_a):
    client.force_login(officer_a)
    assert client.get(reverse("directives:create")).status_code == 403


def test_the_owner_reports_progress_and_completes_with_evidence(client, directive, officer_a):
    client.force_login(officer_a)
    client.post(
        reverse("directives:progress", args=[directive.pk]), {"percent": 50, "note": "Đang làm"}
    )
    directive.refresh_from_db()
    assert directive.percent_done == 50
    upload = SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4", content_type="application/pdf")
    client.post(
        reverse("directives:complete", args=[directive.pk]), {"note": "Xong", "evidence": upload}
    )
    directive.refresh_from_db()
    assert directive.status == Directive.Status.DONE
    update = directive.updates.get(kind="completed")
    response = client.get(reverse("directives:evidence", args=[directive.pk, update.pk]))
    assert response.status_code == 200


def test_my_directives_lists_only_mine(client, directive, ward_a, leader_a, officer_a):
    DirectiveFactory(unit=ward_a, issued_by=leader_a, owner_user=leader_a, title="Của lãnh đạo")
    client.force_login(officer_a)
    html = client.get(reverse("directives:mine")).content.decode()
    assert directive.title in html and "Của lãnh đạo" not in html


def test_another_ward_gets_404(client, directive, officer_b):
    client.force_login(officer_b)
    assert client.get(reverse("directives:detail", args=[directive.pk])).status_code == 404


def test_the_detail_page_shows_the_timeline(client, directive, leader_a):
    client.force_login(leader_a)
    response = client.get(reverse("directives:detail", args=[directive.pk]))
    assert response.status_code == 200
    assert response.context["may_cancel"]


def test_evidence_that_is_not_a_document_is_refused(client, directive, officer_a):
    client.force_login(officer_a)
    upload = SimpleUploadedFile(
        "bao-cao.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf"
    )
    client.post(reverse("directives:complete", args=[directive.pk]), {"evidence": upload})
    directive.refresh_from_db()
    assert directive.status == Directive.Status.OPEN
