"""The denouncer-identity policy (rule 19): who may see it, as a check and as a filter."""

import pytest

from tiepdan.cases.identity import (
    identity_parts,
    identity_visible_q,
    may_see_identity,
    redact_text,
)
from tiepdan.cases.models import Case
from tiepdan.cases.rules import Kind
from tiepdan.cases.tests.factories import receive

pytestmark = pytest.mark.django_db


@pytest.fixture
def denunciation(ward_a, officer_a, chairman_a, leader_a):
    case = receive(ward_a, kind=Kind.DENUNCIATION)
    Case.objects.filter(pk=case.pk).update(assignee=officer_a, resolver=chairman_a)
    case.refresh_from_db()
    return case


def test_it_shows_a_denouncer_to_the_resolver_and_the_assigned_officer(
    denunciation, officer_a, chairman_a
):
    assert may_see_identity(officer_a, denunciation)
    assert may_see_identity(chairman_a, denunciation)


def test_it_hides_a_denouncer_from_everyone_else(denunciation, leader_a, admin_a, officer_b):
    for user in (leader_a, admin_a, officer_b, None):
        assert not may_see_identity(user, denunciation)


def test_it_hides_a_denouncer_from_a_superuser(denunciation, django_user_model):
    root = django_user_model.objects.create_superuser("root", password="pw-for-tests-1")
    assert not may_see_identity(root, denunciation)


def test_it_shows_other_kinds_to_anyone_who_sees_the_case(ward_a, leader_a):
    petition = receive(ward_a, kind=Kind.PETITION)
    assert may_see_identity(leader_a, petition)


def test_the_filter_agrees_with_the_check(ward_a, denunciation, officer_a, leader_a):
    petition = receive(ward_a, kind=Kind.PETITION)
    for user in (officer_a, leader_a):
        visible = set(Case.objects.filter(identity_visible_q(user)).values_list("pk", flat=True))
        for case in (denunciation, petition):
            assert (case.pk in visible) == may_see_identity(user, case)


def test_the_leader_who_accepts_a_denunciation_resolves_it(ward_a, officer_a, chairman_a):
    from datetime import date

    from tiepdan.cases import services

    case = receive(ward_a, officer_a, kind=Kind.DENUNCIATION)
    services.classify(
        case, services.ClassifyInput(kind=Kind.DENUNCIATION, field=None), actor=officer_a
    )
    services.decide(case, actor=chairman_a, decision="accept", today=date(2026, 11, 23))
    case.refresh_from_db()
    assert case.resolver == chairman_a and may_see_identity(chairman_a, case)


def test_redacting_removes_every_form_of_the_identity():
    parts = identity_parts(
        names=["Hoàng Thị Tố Giang"],
        addresses=["số 77 hẻm Thầm Lặng"],
        numbers=["+84987654321", "079190123456"],
        emails=["to.giang@example.vn"],
    )
    text = (
        "Bà HOANG THI TO GIANG (ĐT 0987 654 321, CCCD 079190123456, to.giang@example.vn) ở "
        "Số 77 Hẻm Thầm Lặng; tệp Don_Hoang_Thi_To_Giang.pdf; gọi +84987654321."
    )
    assert redact_text(text, parts) == (
        "Bà […] (ĐT […], CCCD […], […]) ở […]; tệp Don_[…].pdf; gọi […]."
    )


def test_redacting_removes_contacts_no_field_records_but_keeps_amounts():
    text = "Liên hệ anh Ba 0912.345.678 hoặc ba@example.vn; số tiền 500000000 đồng."
    assert redact_text(text, []) == "Liên hệ anh Ba […] hoặc […]; số tiền 500000000 đồng."


def test_a_word_inside_a_longer_word_is_kept():
    assert redact_text("Anh Namh và Nam", identity_parts(names=["Nam Anh"])) == ("Anh Namh và Nam")


def test_a_disclosure_redacts_for_others_and_the_log_counts_each_view(
    denunciation, officer_a, leader_a, rf
):
    from tiepdan.cases.identity import Via, disclosure, disclosure_for_request
    from tiepdan.cases.models import IdentityAccess

    name = denunciation.citizens.get().full_name
    text = f"Đơn của {name}."
    assert name not in disclosure(leader_a, denunciation).text(text)
    request = rf.get("/don-thu/1/")
    request.user = officer_a
    for _ in range(2):  # one row per request, however often the page asks
        assert disclosure_for_request(request, denunciation, Via.PAGE).text(text) == text
    assert IdentityAccess.objects.filter(user=officer_a, via=Via.PAGE).count() == 1
    request.user = leader_a
    request.__dict__.pop("_identity_disclosures")
    disclosure_for_request(request, denunciation, Via.PAGE)
    assert not IdentityAccess.objects.filter(user=leader_a).exists()
