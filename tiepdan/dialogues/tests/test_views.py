import pytest
from django.urls import reverse

from tiepdan.dialogues import services
from tiepdan.dialogues.models import Dialogue
from tiepdan.dialogues.tests.conftest import held, plan

pytestmark = pytest.mark.django_db


def test_the_secretary_plans_a_dialogue(client, leader_a, ward_a, group_a):
    client.force_login(leader_a)
    response = client.post(
        reverse("dialogues:plan"),
        {
            "kind": "general",
            "topic": "Trật tự đô thị khu phố 1",
            "held_at": "2026-12-04T08:00",
            "place": "Hội trường",
            "chaired_by": leader_a.pk,
            "residential_groups": [group_a.pk],
        },
    )
    dialogue = Dialogue.objects.get()
    assert response.status_code == 302
    assert list(dialogue.residential_groups.all()) == [group_a]


def test_late_complaint_invitations_show_the_error_next_to_the_field(client, leader_a, ward_a):
    dialogue = plan(leader_a, ward_a, kind="complaint")
    client.force_login(leader_a)
    response = client.post(
        reverse("dialogues:invitations_sent", args=[dialogue.pk]),
        {"invitations_sent_on": "2026-12-01"},
    )
    assert response.status_code == 200
    errors = response.context["sent_form"].errors["invitations_sent_on"]
    assert "29/11/2026" in errors[0]
    dialogue.refresh_from_db()
    assert dialogue.invitations_sent_on is None


def test_commitments_appear_on_the_directive_board(client, leader_a, ward_a, dept_a):
    dialogue = held(leader_a, ward_a)
    client.force_login(leader_a)
    client.post(
        reverse("dialogues:add_commitment", args=[dialogue.pk]),
        {
            "title": "Lắp đèn chiếu sáng hẻm 12",
            "owner_department": dept_a.pk,
            "due_in_working_days": 15,
        },
    )
    html = client.get(reverse("directives:board")).content.decode()
    assert "Lắp đèn chiếu sáng hẻm 12" in html


def test_the_minutes_download_as_word(client, leader_a, ward_a):
    dialogue = held(leader_a, ward_a)
    client.force_login(leader_a)
    response = client.get(reverse("dialogues:minutes", args=[dialogue.pk]))
    assert response.status_code == 200
    assert response.content[:2] == b"PK"


def test_the_public_sees_only_published_dialogues_and_commitment_progress(
    client, leader_a, ward_a, dept_a
):
    dialogue = held(leader_a, ward_a)
    url = reverse("dialogues:public_detail", args=[dialogue.pk])
    assert client.get(url).status_code == 404
    services.add_commitment(dialogue, title="Lắp đèn", actor=leader_a, owner_department=dept_a)
    services.publish_summary(dialogue, summary="Bà con thống nhất phương án.")
    html = client.get(url).content.decode()
    assert "Bà con thống nhất phương án." in html and "Lắp đèn" in html and "0%" in html


def test_an_officer_reads_but_cannot_plan(client, officer_a):
    client.force_login(officer_a)
    assert client.get(reverse("dialogues:list")).status_code == 200
    assert client.get(reverse("dialogues:plan")).status_code == 403


def test_another_ward_gets_404(client, leader_a, ward_a, officer_b):
    dialogue = plan(leader_a, ward_a)
    client.force_login(officer_b)
    assert client.get(reverse("dialogues:detail", args=[dialogue.pk])).status_code == 404


def test_a_planned_dialogue_is_cancelled_with_its_reason(client, leader_a, ward_a):
    dialogue = plan(leader_a, ward_a)
    client.force_login(leader_a)
    response = client.post(reverse("dialogues:cancel", args=[dialogue.pk]), {"reason": ""})
    assert response.context["cancel_form"].errors["reason"]
    client.post(reverse("dialogues:cancel", args=[dialogue.pk]), {"reason": "Trùng lịch họp HĐND"})
    dialogue.refresh_from_db()
    assert dialogue.status == Dialogue.Status.CANCELLED


def test_planning_a_dialogue_a_few_days_ahead_warns(client, leader_a, ward_a):
    client.force_login(leader_a)
    response = client.post(
        reverse("dialogues:plan"),
        {
            "kind": "general",
            "topic": "Gặp gỡ hộ kinh doanh",
            "held_at": "2026-11-25T08:00",
            "place": "Hội trường",
            "chaired_by": leader_a.pk,
        },
        follow=True,
    )
    assert any(m.level_tag == "warning" for m in response.context["messages"])
