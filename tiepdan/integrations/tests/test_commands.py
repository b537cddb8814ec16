import pytest
from django.core.management import CommandError, call_command

from tiepdan.integrations.models import ApiKey
from tiepdan.integrations.services import authenticate_key

pytestmark = pytest.mark.django_db


def test_create_api_key_prints_a_working_key_once(ward_a, capsys):
    call_command(
        "create_api_key", "--unit", "26743", "--name", "Tổng đài", "--capability", "cases.view_case"
    )
    plain = capsys.readouterr().out.strip()
    assert authenticate_key(plain) == ApiKey.objects.get()
    assert ApiKey.objects.get().capabilities == ["cases.view_case"]


def test_it_refuses_an_unknown_unit_or_capability(ward_a):
    with pytest.raises(CommandError):
        call_command("create_api_key", "--unit", "00000", "--name", "x")
    with pytest.raises(CommandError):
        call_command("create_api_key", "--unit", "26743", "--name", "x", "--capability", "nope.x")


def test_it_lists_the_capabilities_a_key_may_hold(capsys):
    call_command("create_api_key", "--list-capabilities")
    listed = capsys.readouterr().out.split()
    assert "cases.receive_case" in listed and "accounts.manage_unit_users" not in listed
