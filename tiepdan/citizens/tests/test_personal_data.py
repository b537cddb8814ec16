"""Masked numbers in lists: 0912•••678 and 079•••••1234 (Law 91/2025; rule 26)."""

from django.template import Context, Template
from hypothesis import given
from hypothesis import strategies as st

from tiepdan.lib.ids import format_phone, normalize_phone

MOBILE = st.from_regex(r"0(9[0134]|3[2-9]|8[1-5])[0-9]{7}", fullmatch=True)
CCCD = st.from_regex(r"[0-9]{12}", fullmatch=True)


def render(text: str, **context: object) -> str:
    return Template("{% load personal_data %}" + text).render(Context(context))


def test_it_masks_a_phone_and_a_cccd_in_a_template():
    page = render("{{ p|masked_phone }} {{ n|masked_id }}", p="+84912345678", n="079203001234")
    assert page == "0912•••678 079•••••1234"


def test_it_leaves_blank_numbers_blank():
    assert render("[{{ p|masked_phone }}][{{ n|masked_id }}]", p="", n=None) == "[][]"


@given(MOBILE)
def test_a_masked_phone_keeps_only_its_ends(number):
    masked = render("{{ p|masked_phone }}", p=normalize_phone(number))
    digits = format_phone(normalize_phone(number)).replace(" ", "")
    assert masked == f"{digits[:4]}•••{digits[-3:]}"
    assert len(masked.replace("•", "")) == 7  # three digits hidden


@given(CCCD)
def test_a_masked_cccd_shows_the_province_and_the_last_four(number):
    masked = render("{{ n|masked_id }}", n=number)
    assert masked[:3] == number[:3] and masked[-4:] == number[-4:]
    assert masked[3:-4] == "•" * 5
