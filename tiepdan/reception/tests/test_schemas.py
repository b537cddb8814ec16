"""The reception book's list masks document numbers; one entry shows them (rule 26)."""

import pytest

from tiepdan.integrations.tests.factories import bearer, make_key
from tiepdan.reception.tests.factories import EntryFactory

pytestmark = pytest.mark.django_db
API = "/api/v1/reception/entries"


def test_the_book_list_masks_the_number_and_one_entry_shows_it(client, ward_a):
    entry = EntryFactory(unit=ward_a, id_number="079085001234")
    _key, plain = make_key(ward_a, "reception.view_reception")
    listed = client.get(API, **bearer(plain)).json()["items"]
    assert [e["id_number"] for e in listed] == ["079•••••1234"]
    assert client.get(f"{API}/{entry.pk}", **bearer(plain)).json()["id_number"] == "079085001234"
