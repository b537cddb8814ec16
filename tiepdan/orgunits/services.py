"""Writes on organisation units: creating units from the official two-tier register."""

from __future__ import annotations

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _
from vietnam_provinces import Province, ProvinceCode, VietNamDivisionType, Ward, WardCode

from tiepdan.lib.errors import DomainError
from tiepdan.orgunits.models import Department, DocumentCounter, OrgUnit

_KIND = {
    VietNamDivisionType.TINH: OrgUnit.Kind.PROVINCE,
    VietNamDivisionType.THANH_PHO_TRUNG_UONG: OrgUnit.Kind.CITY,
    VietNamDivisionType.XA: OrgUnit.Kind.COMMUNE,
    VietNamDivisionType.PHUONG: OrgUnit.Kind.WARD,
    VietNamDivisionType.DAC_KHU: OrgUnit.Kind.SPECIAL_ZONE,
}


def _province_record(code: int) -> Province:
    try:
        return Province.from_code(ProvinceCode(code))
    except (ValueError, KeyError) as exc:
        raise DomainError(
            _("There is no province with the official code %(code)s.") % {"code": code}
        ) from exc


def ensure_province(code: int) -> OrgUnit:
    """Return the province with this official code, creating it from the register."""
    record = _province_record(code)
    unit, _created = OrgUnit.objects.get_or_create(
        code=str(code),
        defaults={"name": record.name, "kind": _KIND[record.division_type], "level": OrgUnit.Level.PROVINCE},
    )
    return unit


def ensure_ward(code: int) -> OrgUnit:
    """Return the commune-level unit with this official code, creating it and its province."""
    try:
        record = Ward.from_code(WardCode(code))
    except (ValueError, KeyError) as exc:
        raise DomainError(
            _("There is no ward or commune with the official code %(code)s.") % {"code": code}
        ) from exc
    province = ensure_province(int(record.province_code))
    unit, _created = OrgUnit.objects.get_or_create(
        code=str(code),
        defaults={
            "name": record.name,
            "kind": _KIND[record.division_type],
            "level": OrgUnit.Level.COMMUNE,
            "parent": province,
        },
    )
    return unit


def import_province(code: int) -> tuple[OrgUnit, int]:
    """Create a province and every commune-level unit it has; return it and how many were new."""
    record = _province_record(code)
    with transaction.atomic():
        province = ensure_province(code)
        existing = set(
            OrgUnit.objects.filter(parent=province).values_list("code", flat=True)
        )
        created = 0
        for ward in Ward.iter_by_province(record.code):
            if str(int(ward.code)) in existing:
                continue
            OrgUnit.objects.create(
                name=ward.name,
                kind=_KIND[ward.division_type],
                level=OrgUnit.Level.COMMUNE,
                code=str(int(ward.code)),
                parent=province,
            )
            created += 1
    return province, created


def ensure_group(commune: OrgUnit, name: str, kind: str = OrgUnit.Kind.RESIDENTIAL_GROUP) -> OrgUnit:
    """Return the village / residential group `name` of a commune, creating it."""
    unit, _created = OrgUnit.objects.get_or_create(
        parent=commune, name=name, defaults={"kind": kind, "level": OrgUnit.Level.GROUP}
    )
    return unit


def ensure_department(unit: OrgUnit, code: str, name: str, kind: str) -> Department:
    department, _created = Department.objects.get_or_create(
        unit=unit, code=code, defaults={"name": name, "kind": kind}
    )
    return department


def next_document_number(unit: OrgUnit, year: int, series: str) -> int:
    """Issue the next number of a unit's document series for a year (1, 2, 3 … per year)."""
    with transaction.atomic():
        counter, _created = DocumentCounter.objects.select_for_update().get_or_create(
            unit=unit, year=year, series=series
        )
        DocumentCounter.objects.filter(pk=counter.pk).update(last=F("last") + 1)
        counter.refresh_from_db(fields=["last"])
        return counter.last
