"""The cases API: same services and access as the pages, the one error shape, keyset pages."""

import pytest

from tiepdan.cases import services
from tiepdan.cases.models import Case, CaseEvent, Status
from tiepdan.cases.tests.factories import accepted, receive
from tiepdan.integrations.tests.factories import bearer, make_key

pytestmark = pytest.mark.django_db

CASES = "/api/v1/cases"
NEW_CASE = {
    "channel": "mail",
    "kind": "petition",
    "subject": "Đề nghị lắp đèn chiếu sáng hẻm 45 Lê Thánh Tôn",
    "content": "Hẻm 45 không có đèn, buổi tối rất tối, người dân đi lại khó khăn.",
    "received_on": "2026-11-20",
    "citizen": {"full_name": "Trần Thị Mai", "phone": "0912 345 678"},
}


@pytest.fixture
def intake_key(ward_a):
    return make_key(ward_a, "cases.view_case", "cases.receive_case")[1]


def test_it_registers_a_case_through_the_intake_service(client, intake_key):
    response = client.post(CASES, NEW_CASE, content_type="application/json", **bearer(intake_key))
    assert response.status_code == 201, response.content
    body = response.json()
    case = Case.objects.get(pk=body["id"])
    assert case.status == Status.RECEIVED and case.channel == "mail"
    assert body["registration_number"] == case.registration_number
    assert body["due_on"] is not None
    assert body["citizens"][0]["phone"] == "+84912345678"
    assert case.events.get().kind == CaseEvent.Kind.RECEIVED


def test_a_retried_post_with_the_same_idempotency_key_makes_one_case(client, intake_key):
    headers = {**bearer(intake_key), "HTTP_IDEMPOTENCY_KEY": "retry-1"}
    first = client.post(CASES, NEW_CASE, content_type="application/json", **headers)
    second = client.post(CASES, NEW_CASE, content_type="application/json", **headers)
    assert first.json()["id"] == second.json()["id"]
    assert Case.objects.count() == 1


def test_a_future_received_date_is_a_400_with_the_field(client, intake_key):
    body = {**NEW_CASE, "received_on": "2026-12-31"}
    response = client.post(
        CASES + "?lang=en", body, content_type="application/json", **bearer(intake_key)
    )
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["fields"][0]["field"] == "received_on"
    assert "future" in error["message"]


@pytest.mark.parametrize(
    "body",
    [
        {**NEW_CASE, "surprise": 1},
        {**NEW_CASE, "signer_count": "many"},
        {**NEW_CASE, "kind": "gossip"},
        {**NEW_CASE, "subject": "a\x00b"},
        {k: v for k, v in NEW_CASE.items() if k != "subject"},
        {**NEW_CASE, "field_id": 2**70},
    ],
    ids=["unknown-field", "wrong-type", "bad-enum", "nul", "missing", "huge-id"],
)
def test_bad_input_is_a_422_that_names_the_field(client, intake_key, body):
    response = client.post(CASES, body, content_type="application/json", **bearer(intake_key))
    assert response.status_code == 422, response.content
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert error["fields"] and all(f["field"].startswith("body") for f in error["fields"])


def test_malformed_json_is_a_422(client, intake_key):
    response = client.post(
        CASES, "{not json", content_type="application/json", **bearer(intake_key)
    )
    assert response.status_code == 422
    assert response.json()["error"]["fields"][0]["code"] == "json_invalid"


def test_a_bad_phone_is_a_422_on_the_citizen_field(client, intake_key):
    body = {**NEW_CASE, "citizen": {"full_name": "Lê Văn Tám", "phone": "12"}}
    response = client.post(CASES, body, content_type="application/json", **bearer(intake_key))
    assert response.status_code == 422
    assert response.json()["error"]["fields"][0]["field"] == "citizen.phone"
    assert not Case.objects.exists()


def test_a_key_without_the_capability_gets_403(client, ward_a):
    _key, plain = make_key(ward_a, "cases.view_case")
    response = client.post(CASES, NEW_CASE, content_type="application/json", **bearer(plain))
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "permission_denied"


def test_a_province_key_sees_its_wards_cases(client, ward_a, officer_a):
    case = receive(ward_a, officer_a)
    _key, plain = make_key(ward_a.parent, "cases.view_case")
    assert client.get(f"{CASES}/{case.pk}", **bearer(plain)).status_code == 200


def test_an_out_of_scope_id_is_a_404_never_the_data(client, ward_a, ward_b, officer_b):
    case = receive(ward_b, officer_b)
    _key, plain = make_key(ward_a, "cases.view_case")
    response = client.get(f"{CASES}/{case.pk}", **bearer(plain))
    assert response.status_code == 404
    assert case.subject not in response.content.decode()
    listed = client.get(CASES, **bearer(plain)).json()["items"]
    assert listed == []


def test_the_work_list_pages_by_keyset_without_repeats(client, ward_a, officer_a):
    made = {receive(ward_a, officer_a).pk for _ in range(5)}
    _key, plain = make_key(ward_a, "cases.view_case")
    seen, cursor = [], None
    while True:
        url = f"{CASES}?limit=2" + (f"&cursor={cursor}" if cursor else "")
        body = client.get(url, **bearer(plain)).json()
        seen += [item["id"] for item in body["items"]]
        cursor = body["next_cursor"]
        if not cursor:
            break
    assert sorted(seen) == sorted(made)


def test_the_work_list_filters_and_searches(client, ward_a, officer_a):
    receive(ward_a, officer_a, subject="Tiếng ồn quán karaoke", kind=Case.Kind.FEEDBACK)
    receive(ward_a, officer_a, subject="Lấn chiếm vỉa hè", kind=Case.Kind.PETITION)
    _key, plain = make_key(ward_a, "cases.view_case")
    by_kind = client.get(f"{CASES}?kind=petition", **bearer(plain)).json()["items"]
    assert [c["subject"] for c in by_kind] == ["Lấn chiếm vỉa hè"]
    found = client.get(f"{CASES}?q=karaoke", **bearer(plain)).json()["items"]
    assert [c["subject"] for c in found] == ["Tiếng ồn quán karaoke"]


def test_updated_since_returns_only_recently_changed_cases(client, ward_a, officer_a):
    old = receive(ward_a, officer_a)
    Case.objects.filter(pk=old.pk).update(updated_at="2026-01-01T00:00:00+07:00")
    new = receive(ward_a, officer_a)
    _key, plain = make_key(ward_a, "cases.view_case")
    url = f"{CASES}?updated_since=2026-11-01T00:00:00%2B07:00"
    assert [c["id"] for c in client.get(url, **bearer(plain)).json()["items"]] == [new.pk]
    services.add_note(old, actor=officer_a, text="Đã mời người gửi đến làm việc")
    polled = client.get(url, **bearer(plain)).json()["items"]
    assert [c["id"] for c in polled] == [new.pk, old.pk]  # last changed last
    assert polled[1]["updated_at"] >= polled[0]["updated_at"]


def test_a_poller_follows_the_cursor_to_every_change(client, ward_a, officer_a):
    made = [receive(ward_a, officer_a).pk for _ in range(5)]
    _key, plain = make_key(ward_a, "cases.view_case")
    url = f"{CASES}?updated_since=2026-01-01T00:00:00Z&limit=2"
    seen, cursor = [], None
    while True:
        body = client.get(url + (f"&cursor={cursor}" if cursor else ""), **bearer(plain)).json()
        seen += [item["id"] for item in body["items"]]
        cursor = body["next_cursor"]
        if not cursor:
            break
    assert seen == made


def test_classify_decide_assign_and_answer_walk_the_lifecycle(client, officer_a, ward_a):
    case = receive(ward_a, officer_a)
    client.force_login(officer_a)
    url = f"{CASES}/{case.pk}"
    classified_body = client.post(
        url + "/classify", {"kind": "feedback"}, content_type="application/json"
    ).json()
    assert classified_body["status"] == "classified"
    assert "accept" in classified_body["allowed_decisions"]
    decided = client.post(url + "/decide", {"decision": "accept"}, content_type="application/json")
    assert decided.json()["status"] == "accepted"
    assigned = client.post(
        url + "/assign", {"officer_id": officer_a.pk}, content_type="application/json"
    )
    assert assigned.json()["status"] == "in_progress"
    answer = client.post(url + "/answer", {"text": "Đã lắp đèn."}, content_type="application/json")
    assert answer.json()["state"] == "draft"
    kinds = [e["kind"] for e in client.get(url + "/events").json()]
    assert kinds == ["received", "classified", "decided", "assigned", "answer_drafted"]


def test_an_invalid_transition_is_a_409(client, officer_a, ward_a):
    case = accepted(ward_a, officer_a)
    client.force_login(officer_a)
    response = client.post(
        f"{CASES}/{case.pk}/decide", {"decision": "archive"}, content_type="application/json"
    )
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "conflict"


def test_sending_without_approval_is_refused(client, officer_a, leader_a, ward_a):
    case = accepted(ward_a, officer_a)
    client.force_login(officer_a)
    draft = client.post(
        f"{CASES}/{case.pk}/answer", {"text": "Trả lời"}, content_type="application/json"
    ).json()
    refused = client.post(f"/api/v1/responses/{draft['id']}/send")
    assert refused.status_code == 409
    client.force_login(leader_a)
    approved = client.post(f"/api/v1/responses/{draft['id']}/approve")
    assert approved.json()["state"] == "approved"


def test_a_denouncers_identity_is_hidden_from_a_key(client, ward_a, officer_a):
    case = receive(ward_a, officer_a, kind=Case.Kind.DENUNCIATION)
    _key, plain = make_key(ward_a, "cases.view_case")
    assert client.get(f"{CASES}/{case.pk}", **bearer(plain)).json()["citizens"] == []
    other = receive(ward_a, officer_a, kind=Case.Kind.FEEDBACK)
    assert client.get(f"{CASES}/{other.pk}", **bearer(plain)).json()["citizens"]


def test_the_fields_list_is_the_units(client, ward_a):
    from tiepdan.cases.services import ensure_fields

    ensure_fields(ward_a)
    _key, plain = make_key(ward_a, "cases.view_case")
    fields = client.get(f"{CASES}/fields", **bearer(plain)).json()
    assert fields and {f["unit_id"] for f in fields} == {ward_a.pk}


def test_a_nul_in_a_query_parameter_is_a_422(client, intake_key):
    response = client.get(f"{CASES}?q=a%00b", **bearer(intake_key))
    assert response.status_code == 422
    assert response.json()["error"]["fields"][0]["field"] == "query.q"


# --- The approval loop ------------------------------------------------------------------------

RESPONSES = "/api/v1/responses"


def _post(client, url, body=None):
    return client.post(url, body or {}, content_type="application/json")


def test_the_loop_runs_through_the_api_with_the_return_comment_shown(
    client, ward_a, officer_a, leader_a
):
    case = accepted(ward_a, officer_a)
    client.force_login(officer_a)
    draft = _post(client, f"{CASES}/{case.pk}/answer", {"text": "Sẽ xem xét."}).json()
    answer = f"{RESPONSES}/{draft['id']}"
    submitted = _post(client, answer + "/submit").json()
    assert (submitted["state"], submitted["return_comment"]) == ("submitted", "")
    assert submitted["submitted_at"] is not None
    client.force_login(leader_a)
    returned = _post(client, answer + "/return", {"comment": "Nêu rõ thời gian."}).json()
    assert (returned["state"], returned["return_comment"]) == ("returned", "Nêu rõ thời gian.")
    client.force_login(officer_a)
    _post(client, f"{CASES}/{case.pk}/answer", {"text": "Xong trước 30/11."})
    assert _post(client, answer + "/submit").json()["state"] == "submitted"
    client.force_login(leader_a)
    approved = _post(client, answer + "/approve", {"text": "Hoàn thành trước 30/11."}).json()
    assert (approved["state"], approved["text"]) == ("approved", "Hoàn thành trước 30/11.")
    assert approved["return_comment"] == "Nêu rõ thời gian."
    client.force_login(officer_a)
    assert _post(client, answer + "/send").json()["state"] == "sent"
    events = client.get(f"{CASES}/{case.pk}/events").json()
    steps = [e["kind"] for e in events if e["kind"].startswith("answer_")]
    assert steps == [
        "answer_drafted",
        "answer_submitted",
        "answer_returned",
        "answer_drafted",
        "answer_submitted",
        "answer_edited",
        "answer_approved",
        "answer_sent",
    ]
    edited = next(e for e in events if e["kind"] == "answer_edited")
    assert edited["data"]["before"] == "Xong trước 30/11."


@pytest.mark.parametrize("body", [{}, {"comment": ""}, {"comment": "  "}])
def test_a_return_without_a_comment_is_a_400_on_the_comment(
    client, ward_a, officer_a, leader_a, body
):
    from tiepdan.cases.services import answers

    case = accepted(ward_a, officer_a)
    response = answers.draft_answer(case, actor=officer_a, text="Dự thảo")
    answers.submit_answer(response, actor=officer_a)
    client.force_login(leader_a)
    refused = _post(client, f"{RESPONSES}/{response.pk}/return?lang=en", body)
    assert refused.status_code == 400
    error = refused.json()["error"]
    assert error["fields"][0]["field"] == "comment"
    assert "returned with a comment" in error["message"]
    response.refresh_from_db()
    assert response.state == "submitted"


def test_approving_twice_is_a_409(client, ward_a, officer_a, leader_a):
    from tiepdan.cases.services import answers

    response = answers.draft_answer(accepted(ward_a, officer_a), actor=officer_a, text="Dự thảo")
    client.force_login(leader_a)
    assert client.post(f"{RESPONSES}/{response.pk}/approve").status_code == 200
    again = client.post(f"{RESPONSES}/{response.pk}/approve")
    assert again.status_code == 409 and again.json()["error"]["code"] == "conflict"


def test_approving_another_wards_draft_is_a_404_and_an_officer_gets_a_403(
    client, ward_a, ward_b, officer_a, officer_b
):
    from conftest import make_user
    from tiepdan.accounts import roles
    from tiepdan.cases.services import answers

    response = answers.draft_answer(accepted(ward_a, officer_a), actor=officer_a, text="Dự thảo")
    answers.submit_answer(response, actor=officer_a)
    client.force_login(make_user("leader_b", ward_b, roles.LEADER))
    for action in ("approve", "return"):
        assert _post(client, f"{RESPONSES}/{response.pk}/{action}").status_code == 404
    client.force_login(officer_a)
    for action in ("approve", "return"):
        denied = _post(client, f"{RESPONSES}/{response.pk}/{action}")
        assert denied.status_code == 403
        assert denied.json()["error"]["code"] == "permission_denied"
    client.force_login(officer_b)
    assert _post(client, f"{RESPONSES}/{response.pk}/submit").status_code == 404
    response.refresh_from_db()
    assert response.state == "submitted"


def test_a_malformed_approval_body_is_a_422(client, ward_a, officer_a, leader_a):
    from tiepdan.cases.services import answers

    response = answers.draft_answer(accepted(ward_a, officer_a), actor=officer_a, text="Dự thảo")
    client.force_login(leader_a)
    refused = _post(client, f"{RESPONSES}/{response.pk}/approve", {"text": 5})
    assert refused.status_code == 422
    assert refused.json()["error"]["fields"][0]["field"] == "body.payload.text"


def test_the_queue_lists_the_submitted_drafts_of_the_callers_units(
    client, ward_a, ward_b, officer_a, leader_a, officer_b
):
    from tiepdan.cases.services import answers

    case = accepted(ward_a, officer_a, subject="Rác tồn đọng hẻm 12")
    mine = answers.draft_answer(case, actor=officer_a, text="Dự thảo")
    answers.submit_answer(mine, actor=officer_a)
    answers.draft_answer(accepted(ward_a, officer_a), actor=officer_a, text="Chưa trình")
    other = answers.draft_answer(accepted(ward_b, officer_b), actor=officer_b, text="Dự thảo")
    answers.submit_answer(other, actor=officer_b)
    client.force_login(leader_a)
    items = client.get(f"{RESPONSES}/awaiting-approval").json()
    assert [(i["id"], i["case_id"], i["subject"]) for i in items] == [
        (mine.pk, case.pk, "Rác tồn đọng hẻm 12")
    ]
    assert items[0]["drafted_by"] == "Nguyễn Văn An"
    assert items[0]["due_on"] == case.due_on.isoformat()
    client.force_login(officer_a)
    assert client.get(f"{RESPONSES}/awaiting-approval").status_code == 403
