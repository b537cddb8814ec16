import pytest

from tiepdan.integrations import keys
from tiepdan.integrations.models import ApiKey
from tiepdan.integrations.services import (
    authenticate_key,
    create_api_key,
    grantable_capabilities,
    revoke_api_key,
)
from tiepdan.integrations.tests.factories import make_key
from tiepdan.lib.errors import Conflict, DomainError

pytestmark = pytest.mark.django_db


def test_it_stores_only_a_hash_of_the_key(ward_a):
    api_key, plain = make_key(ward_a, "cases.view_case")
    stored = ApiKey.objects.values().get(pk=api_key.pk)
    assert plain not in str(stored)
    assert stored["secret_hash"] == keys.hash_key(plain)
    assert plain.startswith(f"tdk_{api_key.prefix}_")


def test_it_gives_the_key_an_account_with_exactly_its_capabilities(ward_a):
    api_key, _plain = make_key(ward_a, "cases.view_case")
    account = api_key.user
    assert account.unit == ward_a
    assert not account.has_usable_password()
    assert account.get_all_permissions() == {"cases.view_case"}


def test_it_refuses_administrative_capabilities(ward_a):
    with pytest.raises(DomainError) as caught:
        make_key(ward_a, "accounts.manage_unit_users")
    assert caught.value.field == "capabilities"
    assert "integrations.manage_api_keys" not in grantable_capabilities()


def test_it_refuses_a_key_without_a_name(ward_a):
    with pytest.raises(DomainError):
        create_api_key(unit=ward_a, name="  ", capabilities=[], created_by=None)


def test_it_authenticates_the_right_key_and_records_its_use(ward_a):
    api_key, plain = make_key(ward_a)
    found = authenticate_key(plain)
    assert found == api_key
    api_key.refresh_from_db()
    assert api_key.last_used_at is not None


@pytest.mark.parametrize(
    "tamper",
    [
        lambda k: k[:-1] + ("A" if k[-1] != "A" else "B"),
        lambda k: "x" + k,
        lambda k: "",
        lambda k: "tdk_",
    ],
)
def test_it_refuses_a_wrong_or_malformed_key(ward_a, tamper):
    _api_key, plain = make_key(ward_a)
    assert authenticate_key(tamper(plain)) is None


def test_a_revoked_key_stops_working_and_cannot_be_revoked_twice(ward_a, admin_a):
    api_key, plain = make_key(ward_a)
    revoke_api_key(api_key, actor=admin_a)
    assert authenticate_key(plain) is None
    api_key.user.refresh_from_db()
    assert api_key.user.is_active is False
    with pytest.raises(Conflict):
        revoke_api_key(api_key, actor=admin_a)


def test_a_keys_account_is_not_offered_as_a_person(ward_a, officer_a):
    from tiepdan.accounts.models import User

    api_key, _plain = make_key(ward_a, "cases.view_case")
    people = User.objects.people().filter(unit=ward_a)
    assert officer_a in people
    assert api_key.user not in people
