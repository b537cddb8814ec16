"""Key rotation: after `rotate_data_key` the old key can be dropped and nothing is lost."""

from io import StringIO

import pytest
from django.core.management import call_command

from tiepdan.citizens.models import Citizen
from tiepdan.lib.crypto import generate_key
from tiepdan.privacy.services import file_request

pytestmark = pytest.mark.django_db
OLD, NEW = generate_key(), generate_key()


def test_it_re_encrypts_and_re_hashes_with_the_new_key(settings, ward_a):
    settings.TIEPDAN_DATA_KEY = OLD
    citizen = Citizen.objects.create(full_name="An", id_number="079203001234", phone="0912345678")
    made = file_request(ward_a, kind="access", requester="An", contact="an@example.vn")
    settings.TIEPDAN_DATA_KEY = f"{NEW},{OLD}"
    out = StringIO()
    call_command("rotate_data_key", stdout=out)
    assert "citizens.Citizen: 1 rows" in out.getvalue()
    settings.TIEPDAN_DATA_KEY = NEW  # the old key is dropped
    again = Citizen.objects.with_id_number("079203001234").get()
    assert again.pk == citizen.pk and again.phone == "+84912345678"
    assert Citizen.objects.with_phone("0912345678").get() == citizen
    assert made.__class__.objects.get(pk=made.pk).contact == "an@example.vn"
