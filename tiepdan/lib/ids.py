"""Identity numbers: the CCCD / personal ID number and Vietnamese phone numbers.

CCCD (DOMAIN rule 25): 12 digits, no check digit. Digits 1–3 are the province of birth
registration (never a reason to reject: codes predate the 2025 merger and include foreign-birth
codes); digit 4 encodes century and sex; digits 5–6 the last two digits of the birth year.
"""

import re
from dataclasses import dataclass
from datetime import date

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

_SEPARATORS = re.compile(r"[\s.\-]")
_CCCD = re.compile(r"\d{12}")


@dataclass(frozen=True)
class CCCD:
    number: str
    province_code: str
    sex: str  # "M" or "F"
    birth_year: int


def parse_cccd(
    value: str, *, sex: str | None = None, birth_year: int | None = None, today: date | None = None
) -> CCCD:
    """Parse a CCCD number, checking its sex/century digit and birth year when they are given."""
    number = _SEPARATORS.sub("", value or "")
    if not _CCCD.fullmatch(number):
        raise ValidationError(
            _(
                "A CCCD / personal ID number has exactly 12 digits "
                "(you entered %(count)s characters)."
            )
            % {"count": len(number)},
            code="cccd_format",
        )
    digit = int(number[3])
    century = 1900 + 100 * (digit // 2)
    decoded_sex = "MF"[digit % 2]
    decoded_year = century + int(number[4:6])
    current_year = (today or date.today()).year  # noqa: DTZ011 - only bounds a birth year
    if decoded_year > current_year:
        raise ValidationError(
            _("Digits 4–6 of this CCCD give the birth year %(year)s, which is in the future.")
            % {"year": decoded_year},
            code="cccd_birth_year_future",
        )
    if sex and sex.upper() != decoded_sex:
        raise ValidationError(
            _("Digit 4 of this CCCD encodes the other sex than the one entered."),
            code="cccd_sex_mismatch",
        )
    if birth_year and birth_year != decoded_year:
        raise ValidationError(
            _("Digits 4–6 of this CCCD give the birth year %(decoded)s, not %(given)s.")
            % {"decoded": decoded_year, "given": birth_year},
            code="cccd_birth_year_mismatch",
        )
    return CCCD(number, number[:3], decoded_sex, decoded_year)


def normalize_phone(value: str) -> str:
    """Return a Vietnamese phone number in E.164 form (+84…), or raise ValidationError."""
    raw = (value or "").strip()
    try:
        parsed = phonenumbers.parse(raw, "VN")
    except phonenumbers.NumberParseException as exc:
        raise ValidationError(
            _("This is not a phone number: use digits, e.g. 0912 345 678."), code="phone_format"
        ) from exc
    if not phonenumbers.is_valid_number(parsed):
        raise ValidationError(
            _(
                "%(number)s is not a valid Vietnamese phone number (check the number of digits "
                "and the network prefix; 11-digit 01xx numbers were retired in 2018)."
            )
            % {"number": raw},
            code="phone_invalid",
        )
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def format_phone(e164: str) -> str:
    """Format an E.164 number the way Vietnamese readers write it (0912 345 678)."""
    try:
        parsed = phonenumbers.parse(e164, "VN")
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)


def mask_phone(e164: str) -> str:
    """Mask a phone number for lists: 0912•••678."""
    digits = re.sub(r"\D", "", format_phone(e164))
    if len(digits) < 7:
        return "•" * len(digits)
    return f"{digits[:4]}•••{digits[-3:]}"


def mask_cccd(number: str) -> str:
    """Mask a CCCD for lists: 079•••••1234."""
    if len(number) < 7:
        return "•" * len(number)
    return f"{number[:3]}{'•' * (len(number) - 7)}{number[-4:]}"


def id_number_key(value: str) -> str:
    """A document number as its lookup hash is computed: no separators, upper case."""
    return _SEPARATORS.sub("", value or "").upper()


def phone_key(value: str) -> str:
    """A phone number as its lookup hash is computed: E.164 when it parses, else its digits."""
    if not (value or "").strip():
        return ""
    try:
        return normalize_phone(value)
    except ValidationError:
        return re.sub(r"[^\d+]", "", value)
