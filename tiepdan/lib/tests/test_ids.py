"""CCCD / personal ID numbers (DOMAIN rule 25) and Vietnamese phone numbers."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from tiepdan.lib.ids import format_phone, mask_cccd, mask_phone, normalize_phone, parse_cccd

TODAY = date(2026, 11, 23)


def error_code(exc: pytest.ExceptionInfo[ValidationError]) -> str:
    return exc.value.code  # type: ignore[return-value]


# --- CCCD ---------------------------------------------------------------------------------


def test_it_decodes_a_cccd():
    """Digit 4 gives century and sex, digits 5–6 the birth year (DOMAIN rule 25)."""
    card = parse_cccd("079203001234", today=TODAY)
    assert (card.number, card.province_code, card.sex, card.birth_year) == (
        "079203001234",
        "079",
        "M",
        2003,
    )
    assert parse_cccd("001190012345", today=TODAY).sex == "F"
    assert parse_cccd("001190012345", today=TODAY).birth_year == 1990


def test_it_accepts_spaces_dots_and_dashes():
    assert parse_cccd("079 203 001 234", today=TODAY).number == "079203001234"
    assert parse_cccd("079.203-001234", today=TODAY).number == "079203001234"


@pytest.mark.parametrize("value", ["07920300123", "0792030012345", "07920300123A", "", "abc"])
def test_it_requires_exactly_12_digits(value):
    """A CCCD matches ^\\d{12}$ (DOMAIN rule 25); the message counts what was entered."""
    with pytest.raises(ValidationError) as exc:
        parse_cccd(value, today=TODAY)
    assert error_code(exc) == "cccd_format"
    assert "12" in exc.value.messages[0]


@pytest.mark.parametrize("province", ["000", "099", "999", "100"])
def test_it_never_rejects_a_number_for_its_province_code(province):
    """Province codes are not checked (DOMAIN rule 25)."""
    assert parse_cccd(f"{province}203001234", today=TODAY).province_code == province


def test_it_checks_the_sex_digit_when_the_sex_is_given():
    """Digit 4: even = male, odd = female (DOMAIN rule 25)."""
    assert parse_cccd("079203001234", sex="M", today=TODAY).sex == "M"
    with pytest.raises(ValidationError) as exc:
        parse_cccd("079203001234", sex="F", today=TODAY)
    assert error_code(exc) == "cccd_sex_mismatch"
    assert "4" in exc.value.messages[0]


def test_it_checks_the_birth_year_when_it_is_given():
    """Digits 5–6 with the century of digit 4 give the birth year (DOMAIN rule 25)."""
    assert parse_cccd("079203001234", birth_year=2003, today=TODAY).birth_year == 2003
    with pytest.raises(ValidationError) as exc:
        parse_cccd("079203001234", birth_year=2002, today=TODAY)
    assert error_code(exc) == "cccd_birth_year_mismatch"
    assert "2003" in exc.value.messages[0] and "2002" in exc.value.messages[0]


def test_it_rejects_a_birth_year_in_the_future():
    """Digit 4 = 4 means the 2100s: not a living person's number (DOMAIN rule 25)."""
    with pytest.raises(ValidationError) as exc:
        parse_cccd("079403001234", today=TODAY)
    assert error_code(exc) == "cccd_birth_year_future"
    assert parse_cccd("079226001234", today=TODAY).birth_year == 2026
    with pytest.raises(ValidationError):
        parse_cccd("079227001234", today=TODAY)


def test_it_masks_a_cccd():
    assert mask_cccd("079203001234") == "079•••••1234"


# --- Phone numbers ------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["0912 345 678", "+84 912345678", "84912345678", "0912.345.678"])
def test_it_stores_mobile_numbers_in_e164(value):
    assert normalize_phone(value) == "+84912345678"


def test_it_accepts_a_fixed_line():
    assert normalize_phone("028 3829 1234") == "+842838291234"


def test_it_rejects_retired_11_digit_01xx_numbers_and_says_why():
    """The 01xx prefixes were retired in 2018; the message names that rule."""
    with pytest.raises(ValidationError) as exc:
        normalize_phone("0123 456 789")
    assert error_code(exc) == "phone_invalid"
    assert "01xx" in exc.value.messages[0]
    with pytest.raises(ValidationError) as exc:
        normalize_phone("01234 567 890")
    assert error_code(exc) == "phone_invalid"


@pytest.mark.parametrize("value", ["abc", "", "không có"])
def test_it_rejects_text_that_is_not_a_number(value):
    with pytest.raises(ValidationError) as exc:
        normalize_phone(value)
    assert error_code(exc) == "phone_format"


def test_it_formats_and_masks_for_vietnamese_readers():
    assert format_phone("+84912345678") == "0912 345 678"
    assert mask_phone("+84912345678") == "0912•••678"


def test_messages_are_in_vietnamese_when_the_language_is_vietnamese():
    from django.utils import translation

    with translation.override("vi"), pytest.raises(ValidationError) as exc:
        parse_cccd("123", today=TODAY)
    assert "12 chữ số" in exc.value.messages[0]
