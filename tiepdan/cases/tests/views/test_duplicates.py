"""The possible-duplicates panel, its actions, the API and the public form's step."""

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from tiepdan.cases.models import Case
from tiepdan.cases.tests.factories import CitizenFactory
from tiepdan.cases.tests.services.test_duplicates import BUILDING, FLOOD, NOISE, take, unaccented
from tiepdan.cases.views import duplicates as duplicate_views
from tiepdan.integrations.tests.factories import bearer, make_key

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair(ward_a):
    """An original and its re-send without accents, among unrelated cases."""
    take(ward_a, *NOISE)
    take(ward_a, *BUILDING)
    original = take(ward_a, *FLOOD)
    resend = take(ward_a, unaccented(FLOOD[0]), unaccented(FLOOD[1]))
    return original, resend


def test_it_shows_the_possible_duplicates_with_their_reasons(client, officer_a, pair):
    original, resend = pair
    client.force_login(officer_a)
    page = client.get(reverse("cases:detail", args=[resend.pk])).content.decode()
    assert 'id="duplicates"' in page
    assert f'data-suggestion="{original.pk}"' in page
    assert "Nội dung tương tự" in page  # the reason, in words
    assert reverse("cases:mark_duplicate", args=[resend.pk]) in page


def test_it_marks_a_duplicate_from_the_panel_and_undoes_it(client, officer_a, pair):
    original, resend = pair
    client.force_login(officer_a)
    url = reverse("cases:mark_duplicate", args=[resend.pk])
    response = client.post(url, {"original": original.pk})
    assert response.status_code == 302
    resend.refresh_from_db()
    assert resend.duplicate_of_id == original.pk
    page = client.get(reverse("cases:detail", args=[resend.pk])).content.decode()
    assert original.registration_number in page
    assert reverse("cases:unmark_duplicate", args=[resend.pk]) in page
    client.post(reverse("cases:unmark_duplicate", args=[resend.pk]))
    resend.refresh_from_db()
    assert resend.duplicate_of_id is None


def test_it_groups_into_a_matter_and_lists_its_cases(client, officer_a, pair):
    original, resend = pair
    client.force_login(officer_a)
    client.post(reverse("cases:group_matter", args=[resend.pk]), {"other": original.pk})
    resend.refresh_from_db()
    assert resend.matter is not None
    page = client.get(reverse("cases:detail", args=[resend.pk])).content.decode()
    assert resend.matter.title in page
    assert reverse("cases:detail", args=[original.pk]) in page
    client.post(reverse("cases:leave_matter", args=[resend.pk]))
    resend.refresh_from_db()
    assert resend.matter is None


def test_an_officer_of_another_ward_cannot_mark(client, officer_b, pair):
    original, resend = pair
    client.force_login(officer_b)
    url = reverse("cases:mark_duplicate", args=[resend.pk])
    assert client.post(url, {"original": original.pk}).status_code == 404
    resend.refresh_from_db()
    assert resend.duplicate_of_id is None


def test_marking_needs_the_classify_capability(client, leader_a, pair):
    original, resend = pair
    client.force_login(leader_a)
    url = reverse("cases:mark_duplicate", args=[resend.pk])
    assert client.post(url, {"original": original.pk}).status_code == 403


def test_a_bad_original_is_a_message_not_an_error_page(client, officer_a, pair):
    _original, resend = pair
    client.force_login(officer_a)
    url = reverse("cases:mark_duplicate", args=[resend.pk])
    response = client.post(url, {"original": "'; DROP TABLE"}, follow=True)
    assert response.status_code == 200
    resend.refresh_from_db()
    assert resend.duplicate_of_id is None


# --- API ------------------------------------------------------------------------------------


def test_the_api_lists_suggestions_and_marks_a_duplicate(client, ward_a, pair):
    original, resend = pair
    key = make_key(ward_a, "cases.view_case", "cases.classify_case")[1]
    listed = client.get(f"/api/v1/cases/{resend.pk}/duplicates", **bearer(key)).json()
    assert [item["case_id"] for item in listed["items"]] == [original.pk]
    assert listed["items"][0]["reasons"] == ["similar_text"]
    assert listed["elsewhere"] == 0
    url = f"/api/v1/cases/{resend.pk}/duplicate-of"
    marked = client.post(
        url, {"original_id": original.pk}, content_type="application/json", **bearer(key)
    )
    assert marked.status_code == 200 and marked.json()["duplicate_of_id"] == original.pk
    undone = client.delete(url, **bearer(key))
    assert undone.status_code == 200 and undone.json()["duplicate_of_id"] is None


def test_the_api_refuses_marking_without_the_capability(client, ward_a, pair):
    original, resend = pair
    key = make_key(ward_a, "cases.view_case")[1]
    response = client.post(
        f"/api/v1/cases/{resend.pk}/duplicate-of",
        {"original_id": original.pk},
        content_type="application/json",
        **bearer(key),
    )
    assert response.status_code == 403


# --- The public form's step -----------------------------------------------------------------


@pytest.fixture
def published(ward_a):
    take(ward_a, *NOISE)
    take(ward_a, *BUILDING)
    case = take(ward_a, *FLOOD, citizen=CitizenFactory(full_name="Trần Thị Hoa"))
    Case.objects.filter(pk=case.pk).update(
        published_at=timezone.now(),
        public_subject="Ngập nước ở hẻm 45 Nguyễn Thái Học",
        public_answer="Phường đã nạo vét cống trong tháng 11.",
    )
    return case


def similar(client, ward, subject, content):
    url = reverse("cases:similar_published", args=[ward.code])
    return client.post(url, {"subject": subject, "content": content})


def test_the_public_form_shows_similar_published_answers_only(client, ward_a, published):
    response = similar(client, ward_a, unaccented(FLOOD[0]), unaccented(FLOOD[1]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Phường đã nạo vét cống trong tháng 11." in html
    assert reverse("cases:published_detail", args=[published.pk]) in html
    assert "Trần Thị Hoa" not in html and "45/7" not in html  # never the letter itself


def test_the_public_form_shows_nothing_for_unpublished_or_short_texts(client, ward_a):
    take(ward_a, *FLOOD)
    assert "data-similar-results" not in similar(client, ward_a, *FLOOD).content.decode()
    assert similar(client, ward_a, "ngập", "").content.decode().strip() == ""


def test_the_public_step_is_rate_limited(client, ward_a, monkeypatch):
    cache.clear()
    monkeypatch.setattr(duplicate_views, "SIMILAR_PER_WINDOW", 2)
    codes = [similar(client, ward_a, "a", "b").status_code for _ in range(3)]
    assert codes == [200, 200, 429]
    cache.clear()


def test_the_public_form_loads_the_step_from_a_script_file(client, ward_a):
    page = client.get(reverse("cases:public_new", args=[ward_a.code])).content.decode()
    assert reverse("cases:similar_published", args=[ward_a.code]) in page
    assert "cases/similar.js" in page
