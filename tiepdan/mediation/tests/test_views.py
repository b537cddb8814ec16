from datetime import date

import pytest
from django.urls import reverse

from tiepdan.mediation.models import MediationCase, MediationTeam
from tiepdan.mediation.tests.conftest import AGREEMENT, register

pytestmark = pytest.mark.django_db


def _team_post(group, sexes):
    data = {
        "group": group.pk,
        "name": "Tổ hòa giải Khu phố 1",
        "leader_row": "1",
        "leader_decision_number": "125/QĐ-UBND",
        "leader_decision_on": "2026-01-15",
        "m-TOTAL_FORMS": "6",
        "m-INITIAL_FORMS": "0",
        "m-MIN_NUM_FORMS": "0",
        "m-MAX_NUM_FORMS": "12",
    }
    for i, sex in enumerate(sexes):
        data[f"m-{i}-full_name"] = f"Hòa giải viên {i}"
        data[f"m-{i}-sex"] = sex
    return data


def test_the_chairman_sets_up_a_team(client, chairman_a, group_a):
    client.force_login(chairman_a)
    response = client.post(reverse("mediation:team_new"), _team_post(group_a, "FMM"))
    team = MediationTeam.objects.get()
    assert response.status_code == 302
    assert team.leader.full_name == "Hòa giải viên 0"


def test_a_team_without_a_woman_shows_the_article_and_saves_nothing(client, chairman_a, group_a):
    """Law 35/2013 Art. 12(1), in the user's language, nothing half-saved."""
    client.force_login(chairman_a)
    response = client.post(
        reverse("mediation:team_new"), _team_post(group_a, "MMM"), HTTP_ACCEPT_LANGUAGE="vi"
    )
    assert response.status_code == 200
    assert "Điều 12" in response.content.decode()
    assert not MediationTeam.objects.exists()


def test_a_mediator_records_a_case_to_a_successful_agreement(client, mediator_a, team):
    client.force_login(mediator_a)
    m = team.mediators.first()
    response = client.post(
        reverse("mediation:case_new"),
        {
            "team": team.pk,
            "received_on": "2026-11-02",
            "origin": "request",
            "field": "neighbours",
            "summary": "Tranh chấp lối đi chung",
            "a_name": "Đỗ Văn Hải",
            "b_name": "Bùi Thị Lan",
            "mediators": [m.pk],
            "assigned_on": "2026-11-02",
        },
    )
    case = MediationCase.objects.get()
    assert response.status_code == 302
    client.post(
        reverse("mediation:case_session", args=[case.pk]),
        {
            "held_on": "2026-11-04",
            "place": "Nhà văn hóa",
            "notes": "Nghe hai bên",
            "mediators": [m.pk],
        },
    )
    client.post(
        reverse("mediation:case_outcome", args=[case.pk]),
        {"status": "successful", "ended_on": "2026-11-06"},
    )
    data = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in AGREEMENT.items()}
    data["signed"] = "on"
    client.post(reverse("mediation:case_agreement", args=[case.pk]), data)
    case.refresh_from_db()
    assert case.status == "successful" and case.agreement.signed
    docx = client.get(reverse("mediation:case_agreement_docx", args=[case.pk]))
    assert docx.content[:2] == b"PK"
    book = client.get(reverse("mediation:book") + "?year=2026")
    assert book.status_code == 200 and book.content[:2] == b"PK"


def test_an_excluded_matter_is_recorded_as_refused(client, mediator_a, team):
    """Law 35/2013 Art. 3."""
    client.force_login(mediator_a)
    client.post(
        reverse("mediation:case_new"),
        {
            "team": team.pk,
            "received_on": "2026-11-02",
            "origin": "request",
            "field": "civil",
            "summary": "Đánh nhau gây thương tích",
            "a_name": "A",
            "exclusion": "offence",
            "refusal_note": "Chuyển Công an phường",
        },
    )
    assert MediationCase.objects.get().status == "refused"


def test_the_stop_without_reason_shows_the_field_error(client, mediator_a, team):
    """Law 35/2013 Art. 23."""
    case = register(team)
    from tiepdan.mediation import services

    services.record_session(case, held_on=date(2026, 11, 4), place="NVH", notes="x")
    client.force_login(mediator_a)
    response = client.post(
        reverse("mediation:case_outcome", args=[case.pk]),
        {"status": "stopped", "ended_on": "2026-11-05"},
    )
    assert response.context["outcome_form"].errors["stop_reason"]


def test_another_ward_gets_404(client, officer_b, team):
    case = register(team)
    client.force_login(officer_b)
    assert client.get(reverse("mediation:case", args=[case.pk])).status_code == 404


def test_a_handling_officer_has_no_access(client, officer_a, team):
    client.force_login(officer_a)
    assert client.get(reverse("mediation:home")).status_code == 403


def test_the_team_page_and_report(client, chairman_a, team):
    client.force_login(chairman_a)
    assert client.get(reverse("mediation:team", args=[team.pk])).status_code == 200
    report = client.get(reverse("mediation:team_report", args=[team.pk]) + "?year=2026")
    assert report.content[:2] == b"PK"


def test_the_leader_row_counts_rows_as_shown(client, chairman_a, group_a):
    """Row numbers skip nothing: leader row 3 is the third line even if line 2 is empty."""
    client.force_login(chairman_a)
    data = _team_post(group_a, "FMM")
    data["m-3-full_name"], data["m-3-sex"] = data.pop("m-1-full_name"), data.pop("m-1-sex")
    data["leader_row"] = "4"
    client.post(reverse("mediation:team_new"), data)
    assert MediationTeam.objects.get().leader.full_name == "Hòa giải viên 1"


def test_a_mediator_without_sex_is_refused(client, chairman_a, group_a):
    client.force_login(chairman_a)
    data = _team_post(group_a, "FMM")
    data["m-2-sex"] = ""
    response = client.post(reverse("mediation:team_new"), data)
    assert response.status_code == 200 and not MediationTeam.objects.exists()


def test_the_list_flags_a_case_not_started_three_days_after_assignment(client, mediator_a, team):
    """Law 35/2013 Art. 20: not started within 3 days of assignment is flagged."""
    register(team, mediators=[team.mediators.first()], assigned_on=date(2026, 11, 2))
    client.force_login(mediator_a)
    response = client.get(reverse("mediation:home") + "?year=2026")
    assert len(response.context["late_ids"]) == 1


def test_the_team_page_masks_the_mediators_phones(client, chairman_a, team):
    mediator = team.mediators.first()
    mediator.phone = "+84912345678"
    mediator.save()
    client.force_login(chairman_a)
    page = client.get(reverse("mediation:team", args=[team.pk])).content.decode()
    assert "0912•••678" in page and "345678" not in page  # rule 26: lists show a mask
