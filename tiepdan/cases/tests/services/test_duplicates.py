"""Duplicate detection: the index, the three reasons, the staff actions and rule 15."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.translation import gettext

from tiepdan.cases import services
from tiepdan.cases.models import Case, CaseEvent, DuplicateKey, TermCount
from tiepdan.cases.services import duplicates
from tiepdan.cases.services.duplicates import Draft, Reason
from tiepdan.cases.tests.factories import TODAY, CitizenFactory
from tiepdan.lib.errors import DomainError
from tiepdan.orgunits.services import ensure_ward

pytestmark = pytest.mark.django_db

FLOOD = (
    "Ngập nước kéo dài tại hẻm 45 Nguyễn Thái Học",
    "Tôi là Trần Thị Hoa, ở số 45/7 hẻm 45 Nguyễn Thái Học. Từ tháng 9, mỗi khi mưa lớn nước "
    "dâng cao 40 cm vào nhà, cống thoát nước bị nghẹt rác. Đề nghị phường cho nạo vét cống và "
    "nâng mặt hẻm trước mùa mưa năm sau.",
)
NOISE = (
    "Karaoke gây ồn sau 23 giờ ở đường Lý Tự Trọng",
    "Quán karaoke Ánh Dương số 88 Lý Tự Trọng mở nhạc rất to đến 1 giờ sáng mỗi đêm, cả khu "
    "phố không ngủ được. Đề nghị kiểm tra giấy phép và xử phạt theo quy định về tiếng ồn.",
)
BUILDING = (
    "Xây nhà lấn chiếm vỉa hè trên đường Calmette",
    "Công trình tại số 120 Calmette đổ bê tông ra hết vỉa hè, người đi bộ phải xuống lòng "
    "đường. Chủ nhà nói đã có giấy phép nhưng không treo biển báo công trình.",
)


def unaccented(text: str) -> str:
    from tiepdan.lib.text import fold

    return fold(text)


def take(unit, subject, content, *, citizen=None, kind=Case.Kind.FEEDBACK, **extra):
    """Receive a case and index it (as intake does after its commit)."""
    intake = services.Intake(
        channel=Case.Channel.IN_PERSON,
        kind=kind,
        subject=subject,
        content=content,
        received_on=extra.pop("received_on", date(2026, 11, 2)),
        citizens=[(citizen or CitizenFactory(), "submitter")],
        **extra,
    )
    case = services.receive_case(intake, unit=unit, actor=None, today=TODAY)
    duplicates.index_case(case)
    return case


def online(subject, content):
    return services.Intake(
        channel=Case.Channel.ONLINE,
        kind=Case.Kind.FEEDBACK,
        subject=subject,
        content=content,
        received_on=TODAY,
    )


@pytest.fixture
def corpus(ward_a):
    """A few unrelated cases, so that document frequencies mean something."""
    return [take(ward_a, *text) for text in (NOISE, BUILDING)]


def test_it_indexes_a_case_once_and_counts_its_ngrams(ward_a):
    case = take(ward_a, *FLOOD)
    keys = DuplicateKey.objects.filter(case=case)
    assert keys.count() == 24
    assert {k.province_id for k in keys} == {duplicates.province_of(ward_a)}
    assert duplicates.document_count() == 1
    assert duplicates.index_case(case) is False  # a second call changes nothing
    assert duplicates.document_count() == 1
    assert TermCount.objects.filter(df=1).count() > 100


def test_it_indexes_after_the_intake_commits(ward_a, django_capture_on_commit_callbacks):
    intake = online(*FLOOD)
    with django_capture_on_commit_callbacks(execute=True):
        case = services.receive_case(intake, unit=ward_a, actor=None, today=TODAY)
    assert DuplicateKey.objects.filter(case=case).exists()


def test_it_never_fails_an_intake_when_indexing_fails(
    ward_a, monkeypatch, django_capture_on_commit_callbacks
):
    real = duplicates.index_case
    monkeypatch.setattr(duplicates, "index_case", lambda case: 1 / 0)
    intake = online(*FLOOD)
    with django_capture_on_commit_callbacks(execute=True):
        case = services.receive_case(intake, unit=ward_a, actor=None, today=TODAY)
    assert Case.objects.filter(pk=case.pk).exists()
    assert not DuplicateKey.objects.filter(case=case).exists()
    monkeypatch.setattr(duplicates, "index_case", real)
    assert duplicates.index_missing() == 1  # the periodic job catches up
    assert DuplicateKey.objects.filter(case=case).exists()


def test_it_suggests_a_resend_without_accents_from_another_citizen(ward_a, corpus):
    original = take(ward_a, *FLOOD)
    resend = take(
        ward_a, unaccented(FLOOD[0]), "Tôi xin gửi lại đơn lần 2. " + unaccented(FLOOD[1])
    )
    found = duplicates.suggest(Draft.of(resend))
    assert [s.case.pk for s in found] == [original.pk]
    assert found[0].reasons == [Reason.SIMILAR_TEXT]
    assert found[0].explain() == [gettext("Similar text (similarity %(score)s%%)") % {"score": 100}]


def test_the_key_look_up_reads_the_index_alone(ward_a, corpus):
    """The case ids come from the (key, province, case) index, never from the table's rows."""
    original = take(ward_a, *FLOOD)
    with CaptureQueriesContext(connection) as queries:
        duplicates.suggest(Draft.of(original))
    sql = next(q["sql"] for q in queries if "cases_duplicatekey" in q["sql"])
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # On a table of a few rows the single-column indexes cost the same as the covering
            # one, and which wins depends on statistics earlier tests left behind. Leave the
            # planner only the covering index (the DROP is undone with the test's transaction).
            cursor.execute(
                "SELECT indexname FROM pg_indexes WHERE tablename = 'cases_duplicatekey' "
                "AND indexname NOT IN ('duplicate_key_cases', 'cases_duplicatekey_pkey')"
            )
            for (name,) in cursor.fetchall():
                cursor.execute(f'DROP INDEX "{name}"')
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_bitmapscan = off")
            cursor.execute(f"EXPLAIN {sql}")
        else:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
        plan = " ".join(str(part) for row in cursor.fetchall() for part in row)
    if connection.vendor == "postgresql":
        assert "Index Only Scan using duplicate_key_cases" in plan, plan
    else:
        assert "COVERING INDEX duplicate_key_cases" in plan, plan


def test_it_suggests_a_new_letter_of_the_same_citizen_on_the_same_problem(ward_a, corpus):
    hoa = CitizenFactory(full_name="Trần Thị Hoa")
    first = take(ward_a, *FLOOD, citizen=hoa)
    again = take(
        ward_a,
        "Hẻm 45 Nguyễn Thái Học vẫn ngập",
        "Tôi đã gửi đơn về việc ngập nước ở hẻm 45 Nguyễn Thái Học nhưng cống vẫn chưa được "
        "nạo vét, tuần trước nước lại vào nhà.",
        citizen=hoa,
    )
    found = duplicates.suggest(Draft.of(again))
    assert found and found[0].case.pk == first.pk
    assert found[0].reasons[0] == Reason.SAME_CITIZEN


def test_it_does_not_suggest_another_letter_of_the_same_citizen_on_another_matter(ward_a, corpus):
    hoa = CitizenFactory()
    take(ward_a, *FLOOD, citizen=hoa)
    other = take(ward_a, *NOISE, citizen=hoa)
    assert [s.case.subject for s in duplicates.suggest(Draft.of(other))] == [NOISE[0]]


def test_it_suggests_the_same_place_and_problem_from_different_citizens(ward_a, corpus):
    field = services.ensure_fields(ward_a)[0]
    first = take(ward_a, *FLOOD, field=field, location_text="Hẻm 45 Nguyễn Thái Học")
    second = take(
        ward_a,
        "Đường trong hẻm bị ngập",
        "Nhà tôi cuối hẻm, chiều nào mưa cũng phải lội nước mới ra được đường lớn.",
        field=field,
        location_text="hem 45 Nguyen Thai Hoc",
    )
    found = duplicates.suggest(Draft.of(second))
    assert [s.case.pk for s in found] == [first.pk]
    assert found[0].reasons == [Reason.SAME_PLACE]
    assert found[0].explain() == [gettext("Same place and problem")]


def test_it_looks_only_inside_the_province(ward_a, ward_b, corpus):
    take(ward_b, *FLOOD)  # Lâm Đồng, not Hồ Chí Minh City
    here = take(ward_a, *FLOOD)
    assert duplicates.suggest(Draft.of(here)) == []


def test_it_shows_a_user_only_what_they_may_see(ward_a, officer_a, officer_b, corpus):
    other_ward = ensure_ward(26506)  # Phường Vũng Tàu, the same city since 2025
    hidden = take(other_ward, *FLOOD)
    mine = take(ward_a, *FLOOD)
    found = duplicates.suggest(Draft.of(mine))
    assert [s.case.pk for s in found] == [hidden.pk]
    shown = duplicates.for_user(found, officer_a, mine)
    assert shown.visible == [] and shown.elsewhere == 1


def test_it_hides_the_same_citizen_link_of_a_denunciation(ward_a, officer_a, leader_a, corpus):
    hoa = CitizenFactory()
    first = take(ward_a, *FLOOD, citizen=hoa, kind=Case.Kind.DENUNCIATION)
    again = take(
        ward_a,
        "Hẻm 45 Nguyễn Thái Học vẫn ngập",
        "Tôi đã gửi đơn về việc ngập nước ở hẻm 45 Nguyễn Thái Học nhưng cống vẫn chưa được "
        "nạo vét.",
        citizen=hoa,
        kind=Case.Kind.DENUNCIATION,
    )
    found = duplicates.suggest(Draft.of(again))
    assert found[0].case.pk == first.pk and found[0].same_citizen
    # leader_a resolves neither: the link between the two denouncers is not shown.
    shown = duplicates.for_user(duplicates.suggest(Draft.of(again)), leader_a, again)
    assert all(not s.same_citizen for s in shown.visible)


def test_it_marks_a_duplicate_counts_it_once_and_undoes(ward_a, officer_a, corpus):
    original = take(ward_a, *FLOOD)
    copy = take(ward_a, *FLOOD)
    units = [ward_a.pk]
    assert Case.objects.filter(unit_id__in=units).counted().count() == 4
    duplicates.mark_duplicate(copy, original, actor=officer_a)
    copy.refresh_from_db()
    assert copy.duplicate_of_id == original.pk
    assert Case.objects.filter(unit_id__in=units).counted().count() == 3
    assert copy.events.filter(kind=CaseEvent.Kind.DUPLICATE_MARKED).exists()
    assert copy.events.filter(is_public=True, kind=CaseEvent.Kind.PUBLIC_UPDATE).exists()
    assert original.events.filter(kind=CaseEvent.Kind.DUPLICATE_MARKED).exists()
    with pytest.raises(DomainError):
        duplicates.mark_duplicate(original, copy, actor=officer_a)  # it has a duplicate
    duplicates.unmark_duplicate(copy, actor=officer_a)
    copy.refresh_from_db()
    assert copy.duplicate_of_id is None
    assert Case.objects.filter(unit_id__in=units).counted().count() == 4
    assert copy.events.filter(kind=CaseEvent.Kind.DUPLICATE_UNMARKED).exists()


def test_it_follows_a_duplicate_to_its_original(ward_a, officer_a):
    first, second, third = (take(ward_a, *FLOOD) for _ in range(3))
    duplicates.mark_duplicate(second, first, actor=officer_a)
    duplicates.mark_duplicate(third, second, actor=officer_a)
    third.refresh_from_db()
    assert third.duplicate_of_id == first.pk


def test_it_refuses_a_duplicate_of_itself_or_of_another_province(ward_a, ward_b, officer_a):
    case = take(ward_a, *FLOOD)
    with pytest.raises(DomainError):
        duplicates.mark_duplicate(case, case, actor=officer_a)
    with pytest.raises(DomainError):
        duplicates.mark_duplicate(case, take(ward_b, *FLOOD), actor=officer_a)


def test_it_groups_cases_into_one_matter_and_takes_one_out(ward_a, officer_a):
    a, b, c = (take(ward_a, *FLOOD) for _ in range(3))
    matter = duplicates.group_into_matter(a, b, actor=officer_a)
    assert duplicates.group_into_matter(c, a, actor=officer_a) == matter
    assert set(matter.cases.values_list("pk", flat=True)) == {a.pk, b.pk, c.pk}
    assert matter.title == FLOOD[0]
    assert b.events.filter(kind=CaseEvent.Kind.MATTER_JOINED).exists()
    duplicates.leave_matter(c, actor=officer_a)
    assert set(matter.cases.values_list("pk", flat=True)) == {a.pk, b.pk}
    assert c.events.filter(kind=CaseEvent.Kind.MATTER_LEFT).exists()


def test_it_groups_only_cases_of_one_unit(ward_a, ward_b, officer_a):
    with pytest.raises(DomainError):
        duplicates.group_into_matter(take(ward_a, *FLOOD), take(ward_b, *FLOOD), actor=officer_a)


def test_it_reindexes_a_changed_text(ward_a, corpus):
    case = take(ward_a, *FLOOD)
    count = duplicates.document_count()
    old_subject, old_content = case.subject, case.content
    case.subject, case.content = NOISE
    case.save(update_fields=["subject", "content"])
    duplicates.reindex_case(case, old_subject=old_subject, old_content=old_content)
    assert duplicates.document_count() == count
    noise = next(c for c in corpus if c.subject == NOISE[0])
    assert [s.case.pk for s in duplicates.suggest(Draft.of(case))] == [noise.pk]


# --- Rule 15 ------------------------------------------------------------------------------


def transferred(unit, actor, case):
    services.classify(
        case,
        services.ClassifyInput(kind=case.kind, field=None, competent=False),
        actor=actor,
    )
    return services.decide(case, actor=actor, decision="transfer", today=TODAY, target="Thanh tra")


def test_it_refuses_a_second_transfer_of_a_marked_duplicate_denunciation(ward_a, officer_a):
    first = take(ward_a, *FLOOD, kind=Case.Kind.DENUNCIATION)
    second = take(ward_a, *BUILDING, kind=Case.Kind.DENUNCIATION)
    transferred(ward_a, officer_a, first)
    duplicates.mark_duplicate(second, first, actor=officer_a)
    second.refresh_from_db()
    with pytest.raises(DomainError) as refused:
        transferred(ward_a, officer_a, second)
    assert first.registration_number in refused.value.message
    second.refresh_from_db()
    assert second.transfer_count == 0


def test_it_refuses_a_second_transfer_by_the_same_citizen_with_similar_content(
    ward_a, officer_a, corpus
):
    hoa = CitizenFactory()
    first = take(ward_a, *FLOOD, citizen=hoa, kind=Case.Kind.DENUNCIATION)
    transferred(ward_a, officer_a, first)
    again = take(
        ward_a, unaccented(FLOOD[0]), unaccented(FLOOD[1]), citizen=hoa, kind="denunciation"
    )
    with pytest.raises(DomainError):
        transferred(ward_a, officer_a, again)


def test_it_transfers_a_denunciation_of_another_matter(ward_a, officer_a, corpus):
    hoa = CitizenFactory()
    transferred(ward_a, officer_a, take(ward_a, *FLOOD, citizen=hoa, kind="denunciation"))
    other = take(ward_a, *NOISE, citizen=hoa, kind="denunciation")
    assert transferred(ward_a, officer_a, other).transfer_count == 1
