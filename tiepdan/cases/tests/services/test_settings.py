"""A unit's default fields are listed on GET without being saved; the first write saves them."""

from datetime import date

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tiepdan.cases.models import DEFAULT_FIELDS, Case, CasePolicy, Field
from tiepdan.cases.services.settings import saved_field, unit_fields
from tiepdan.cases.views.settings import _templates
from tiepdan.integrations.tests.factories import make_key
from tiepdan.lib.errors import DomainError

pytestmark = pytest.mark.django_db
WRITES = ("INSERT", "UPDATE", "DELETE")


@pytest.fixture(autouse=True)
def frozen():
    cache.clear()
    with time_machine.travel(date(2026, 11, 23), tick=False):
        yield


def writes(queries: CaptureQueriesContext) -> list[str]:
    return [
        q["sql"] for q in queries.captured_queries if q["sql"].lstrip().upper().startswith(WRITES)
    ]


def get_without_writes(client, url, params=None):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
    assert response.status_code == 200
    assert writes(queries) == []
    return response


def public_case(**extra):
    return {
        "token": "tok-fields",
        "kind": "feedback",
        "subject": "Lấn chiếm vỉa hè",
        "content": "Quán ăn bày bàn ghế kín vỉa hè trước số 12.",
        "full_name": "Lê Thị Cúc",
        "phone": "0912345678",
        "consent": "on",
        **extra,
    }


def staff_case(**extra):
    return {
        "channel": "in_person",
        "received_on": "2026-11-20",
        "kind": "feedback",
        "subject": "Lấn chiếm vỉa hè",
        "content": "Quán ăn bày bàn ghế kín vỉa hè.",
        "signer_count": "1",
        "is_anonymous": "on",
        **extra,
    }


def test_it_lists_a_new_units_defaults_without_saving_them(ward_a):
    fields = unit_fields(ward_a)
    assert [(f.code, f.name) for f in fields] == DEFAULT_FIELDS
    assert all(f.pk is None for f in fields) and not Field.objects.exists()


def test_a_unit_whose_fields_are_all_switched_off_gets_no_defaults(ward_a):
    Field.objects.create(unit=ward_a, code="cu", name="Cũ", is_active=False)
    assert unit_fields(ward_a) == []


def test_an_unknown_default_code_is_refused_without_saving_the_list(ward_a):
    with pytest.raises(DomainError):
        saved_field(ward_a, Field(unit=ward_a, code="khong-co", name="?"))
    assert Field.objects.filter(unit=ward_a).count() == len(DEFAULT_FIELDS)


def test_the_public_form_get_writes_nothing_and_its_first_post_picks_a_default(client, ward_a):
    url = reverse("cases:public_new", args=[ward_a.code])
    page = get_without_writes(client, url).content.decode()
    assert 'value="dat-dai"' in page and "Đất đai" in page
    assert not Field.objects.exists()
    response = client.post(url, public_case(field="trat-tu-do-thi"))
    assert response.status_code == 302
    case = Case.objects.get()
    assert case.field is not None and case.field.code == "trat-tu-do-thi"
    assert Field.objects.filter(unit=ward_a).count() == len(DEFAULT_FIELDS)


def test_the_public_form_takes_a_saved_field_by_its_code(client, ward_a):
    url = reverse("cases:public_new", args=[ward_a.code])
    client.post(url, public_case(field="dat-dai"))
    client.post(url, public_case(token="tok-2", field="moi-truong"))
    assert [c.field.code for c in Case.objects.order_by("pk")] == ["dat-dai", "moi-truong"]
    assert Field.objects.filter(unit=ward_a).count() == len(DEFAULT_FIELDS)


def test_the_staff_intake_get_writes_nothing_and_its_first_post_picks_a_default(client, officer_a):
    client.force_login(officer_a)
    url = reverse("cases:new")
    page = get_without_writes(client, url).content.decode()
    assert 'value="moi-truong"' in page
    response = client.post(url, staff_case(field="moi-truong"))
    case = Case.objects.get()
    assert response.status_code == 302 and case.field.code == "moi-truong"
    assert case.field.unit_id == officer_a.unit_id


def test_the_settings_get_writes_nothing_and_its_post_saves_the_defaults(client, admin_a):
    client.force_login(admin_a)
    url = reverse("cases:settings")
    get_without_writes(client, url)
    assert not Field.objects.exists() and not CasePolicy.objects.exists()
    data = {
        "p-reminder_working_days": "3",
        "f-TOTAL_FORMS": "1",
        "f-INITIAL_FORMS": "0",
        "f-0-name": "Nước sạch",
        "f-0-is_active": "on",
    }
    for kind, _label, form in _templates(admin_a.unit):
        data[f"t-{kind}-summary"] = form.initial["summary"]
        data[f"t-{kind}-body"] = form.initial["body"]
    assert client.post(url, data).status_code == 302
    codes = set(Field.objects.filter(unit=admin_a.unit).values_list("code", flat=True))
    assert codes == {code for code, _name in DEFAULT_FIELDS} | {"nuoc-sach"}
    assert CasePolicy.objects.get(unit=admin_a.unit).reminder_working_days == 3


def test_open311_lists_a_new_units_services_without_saving_and_its_first_post_works(client, ward_a):
    params = {"jurisdiction_id": ward_a.code}
    services = get_without_writes(client, "/open311/v2/services.json", params).json()
    assert [s["service_code"] for s in services] == [code for code, _name in DEFAULT_FIELDS]
    get_without_writes(client, "/open311/v2/services/dat-dai.json", params)
    assert not Field.objects.exists()
    key = make_key(ward_a, "cases.receive_case")[1]
    data = {
        **params,
        "api_key": key,
        "service_code": "giao-thong-ha-tang",
        "address_string": "45 Lê Thánh Tôn",
        "description": "Ổ gà lớn trước số 45.",
    }
    response = client.post("/open311/v2/requests.json", data)
    assert response.status_code == 201, response.content
    assert Case.objects.get().field.code == "giao-thong-ha-tang"


def test_a_new_units_first_case_can_be_classified_into_a_default_field(client, ward_a, officer_a):
    """A case received before the unit saved any field is classified from the default list."""
    from tiepdan.cases.tests.factories import receive

    case = receive(ward_a, officer_a)
    assert not Field.objects.filter(unit=ward_a).exists()
    client.force_login(officer_a)
    url = reverse("cases:classify", args=[case.pk])
    page = get_without_writes(client, url)
    assert 'value="dat-dai"' in page.content.decode()
    data = {"kind": "petition", "field": "dat-dai", "signer_count": "1"}
    response = client.post(url, {**data, "admissible": "on", "competent": "on"})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.field is not None and case.field.code == "dat-dai"
    assert Field.objects.filter(unit=ward_a).count() == len(DEFAULT_FIELDS)
