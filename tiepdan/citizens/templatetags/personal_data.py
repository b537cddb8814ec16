"""Masks for phone and document numbers in lists and tables (Law 91/2025, rule 26).

Lists show `0912•••678` and `079•••••1234`; the full number is on the record's own page, for
the staff allowed to open it.
"""

from django import template

from tiepdan.lib.ids import mask_cccd, mask_phone

register = template.Library()


@register.filter
def masked_phone(value: str | None) -> str:
    """`{{ citizen.phone|masked_phone }}` → 0912•••678 (empty stays empty)."""
    return mask_phone(value) if value else ""


@register.filter
def masked_id(value: str | None) -> str:
    """`{{ citizen.id_number|masked_id }}` → 079•••••1234 (empty stays empty)."""
    return mask_cccd(value) if value else ""
