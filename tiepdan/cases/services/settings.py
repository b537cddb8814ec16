"""Writes on a unit's own case settings: its fields, period overrides and notice wording.

`unit_fields` is the one read here: GET pages list a new unit's default fields through it
without saving them, and the writes that need the rows save them (`ensure_fields`).
"""

from __future__ import annotations

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from tiepdan.cases import rules
from tiepdan.cases.models import DEFAULT_FIELDS, CasePolicy, Field, NoticeTemplate
from tiepdan.lib.errors import DomainError
from tiepdan.lib.text import fold
from tiepdan.orgunits.models import OrgUnit


def unit_fields(unit: OrgUnit) -> list[Field]:
    """The unit's active fields; its default list, not saved, while it has no field at all.

    Reads only, so pages can list the fields on GET; the first write that needs the rows saves
    the defaults (`ensure_fields`). A unit whose fields were all switched off gets none.
    """
    fields = list(Field.objects.filter(unit=unit, is_active=True).order_by("position", "name"))
    if fields or Field.objects.filter(unit=unit).exists():
        return fields
    return [
        Field(unit=unit, code=code, name=name, position=i)
        for i, (code, name) in enumerate(DEFAULT_FIELDS)
    ]


def ensure_fields(unit: OrgUnit) -> list[Field]:
    """The unit's active fields, saving the default list the first time; call it inside a write."""
    fields = unit_fields(unit)
    if fields and fields[0].pk is None:
        # Two first submissions may race: the unique (unit, code) keeps one list.
        Field.objects.bulk_create(fields, ignore_conflicts=True)
        fields = list(Field.objects.filter(unit=unit, is_active=True).order_by("position", "name"))
    return fields


def saved_field(unit: OrgUnit, field: Field | None) -> Field | None:
    """The saved row for a field chosen from `unit_fields`; call it inside the intake's write.

    A default picked on a page read before the unit had any row is matched by its code, once
    the unit's default list is saved.
    """
    if field is None or field.pk is not None:
        return field
    saved = next((f for f in ensure_fields(unit) if f.code == field.code), None)
    if saved is None:
        raise DomainError(_("Choose a field of this unit."), field="field")
    return saved


def save_policy(policy: CasePolicy, *, reminder_working_days: int, periods: dict[str, int]) -> None:
    """Store a unit's period overrides (only known periods) and reminder lead time.

    The policy may be new (the settings page reads it without creating it).
    """
    policy.periods = {k: int(v) for k, v in periods.items() if k in rules.PERIODS}
    policy.reminder_working_days = reminder_working_days
    with transaction.atomic():
        if policy.pk is None:
            policy.save()
        else:
            policy.save(update_fields=["periods", "reminder_working_days"])


def save_field(field: Field, *, unit: OrgUnit) -> Field:
    """Add or change one of the unit's fields; a new one gets a code from its name."""
    field.unit = unit
    if not field.code:
        base = slugify(fold(field.name))[:25] or "linh-vuc"
        field.code = base
        n = 2
        while Field.objects.filter(unit=unit, code=field.code).exclude(pk=field.pk).exists():
            field.code, n = f"{base}-{n}", n + 1
    with transaction.atomic():
        field.save()
    return field


def save_notice_template(unit: OrgUnit, kind: str, *, summary: str, body: str) -> NoticeTemplate:
    """Store the unit's wording of one notice."""
    with transaction.atomic():
        template, _created = NoticeTemplate.objects.update_or_create(
            unit=unit, kind=kind, defaults={"summary": summary, "body": body}
        )
    return template
