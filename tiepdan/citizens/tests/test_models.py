"""Citizens' CCCD and phone numbers: encrypted at rest, found by exact value (rule 26)."""

import pytest
from django.db import connection
from hypothesis import given, settings
from hypothesis import strategies as st

from tiepdan.citizens.models import Citizen

pytestmark = pytest.mark.django_db


def _raw(citizen: Citizen) -> tuple[str, str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT id_number, phone FROM citizens_citizen WHERE id = %s", [citizen.pk])
        return cursor.fetchone()


def test_it_stores_the_numbers_encrypted_and_reads_them_back():
    citizen = Citizen.objects.create(
        full_name="Nguyễn Văn An", id_number="079 203 001 234", phone="0912 345 678"
    )
    id_number, phone = _raw(citizen)
    assert "079203001234" not in id_number and "345678" not in phone
    stored = Citizen.objects.get(pk=citizen.pk)
    assert (stored.id_number, stored.phone) == ("079203001234", "+84912345678")


def test_it_finds_a_citizen_by_exact_number_in_any_spelling():
    an = Citizen.objects.create(full_name="An", id_number="079203001234", phone="0912345678")
    Citizen.objects.create(full_name="Bình", id_number="079203001235", phone="0987654321")
    assert list(Citizen.objects.with_id_number("079.203.001.234")) == [an]
    assert list(Citizen.objects.with_phone("+84 912 345 678")) == [an]
    assert not Citizen.objects.with_phone("0912345679").exists()
    assert not Citizen.objects.with_id_number("").exists()


def test_it_keeps_the_hash_in_step_when_only_the_number_is_saved():
    citizen = Citizen.objects.create(full_name="An", phone="0912345678")
    citizen.phone = "0987654321"
    citizen.save(update_fields=["phone"])
    assert list(Citizen.objects.with_phone("0987654321")) == [citizen]
    assert not Citizen.objects.with_phone("0912345678").exists()


def test_it_hashes_rows_written_in_bulk():
    Citizen.objects.bulk_create([Citizen(full_name="An", phone="+84912345678")])
    assert Citizen.objects.with_phone("0912345678").count() == 1


def test_it_refuses_lookups_on_the_ciphertext():
    with pytest.raises(Exception, match="Unsupported lookup|Cannot resolve"):
        list(Citizen.objects.filter(phone="+84912345678"))


def test_it_reuses_the_row_of_the_same_person():
    first = Citizen.objects.register(Citizen(full_name="An", id_number="079203001234"))
    again = Citizen.objects.register(
        Citizen(full_name="Nguyễn Văn An", id_number="079203001234", phone="0912345678")
    )
    assert again.pk == first.pk
    assert Citizen.objects.get(pk=first.pk).phone == "+84912345678"  # filled in, not replaced


def test_it_tells_apart_family_members_sharing_a_phone():
    mother = Citizen.objects.register(Citizen(full_name="Trần Thị Mai", phone="0912345678"))
    son = Citizen.objects.register(Citizen(full_name="Lê Văn Tâm", phone="0912345678"))
    same = Citizen.objects.register(Citizen(full_name="tran thi mai", phone="+84912345678"))
    assert son.pk != mother.pk
    assert same.pk == mother.pk


@settings(max_examples=25, deadline=None)
@given(st.from_regex(r"0(9[0134]|3[2-9]|8[1-5])[0-9]{7}", fullmatch=True))
def test_it_finds_any_mobile_number_it_stored(number):
    citizen = Citizen.objects.create(full_name="X", phone=number)
    assert citizen in Citizen.objects.with_phone(number)
    citizen.delete()
