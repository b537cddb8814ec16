"""The unit administrator's key page: the key is shown once, listed by prefix, revocable."""

import pytest
from django.urls import reverse

from tiepdan.integrations.models import ApiKey
from tiepdan.integrations.tests.factories import make_key

pytestmark = pytest.mark.django_db

KEYS = reverse("integrations:key_list")


def test_creating_a_key_shows_it_once_and_keeps_only_its_hash(client, admin_a, ward_a):
    client.force_login(admin_a)
    data = {"name": "Cổng dịch vụ công", "unit": ward_a.pk, "capabilities": ["cases.view_case"]}
    response = client.post(KEYS, data)
    assert response.status_code == 200
    api_key = ApiKey.objects.get()
    plain = response.context["plain"]
    assert plain.startswith(f"tdk_{api_key.prefix}_") and plain in response.content.decode()
    assert response["Cache-Control"] == "no-store"
    assert api_key.created_by == admin_a and api_key.capabilities == ["cases.view_case"]
    listing = client.get(KEYS).content.decode()
    assert api_key.prefix in listing and plain not in listing


def test_an_administrative_capability_is_not_offered(client, admin_a, ward_a):
    client.force_login(admin_a)
    data = {"name": "x", "unit": ward_a.pk, "capabilities": ["accounts.manage_unit_users"]}
    response = client.post(KEYS, data)
    assert not ApiKey.objects.exists()
    assert response.context["form"].errors["capabilities"]


def test_a_key_is_revoked_from_the_page(client, admin_a, ward_a):
    api_key, _plain = make_key(ward_a)
    client.force_login(admin_a)
    client.post(reverse("integrations:key_revoke", args=[api_key.pk]))
    api_key.refresh_from_db()
    assert api_key.revoked_at is not None


def test_another_wards_key_cannot_be_revoked(client, admin_a, ward_b):
    api_key, _plain = make_key(ward_b)
    client.force_login(admin_a)
    assert client.post(reverse("integrations:key_revoke", args=[api_key.pk])).status_code == 404


def test_an_officer_cannot_open_the_page(client, officer_a):
    client.force_login(officer_a)
    assert client.get(KEYS).status_code == 403
