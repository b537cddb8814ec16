"""Writes on organisation units: creating units from the official two-tier register."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _
from vietnam_provinces import Province, ProvinceCode, VietNamDivisionType, Ward, WardCode

from tiepdan.lib.errors import DomainError
from tiepdan.lib.text import fold
from tiepdan.orgunits.history import HistoryRow
from tiepdan.orgunits.models import Department, DocumentCounter, OrgUnit

_KIND = {
    VietNamDivisionType.TINH: OrgUnit.Kind.PROVINCE,
    VietNamDivisionType.THANH_PHO_TRUNG_UONG: OrgUnit.Kind.CITY,
    VietNamDivisionType.XA: OrgUnit.Kind.COMMUNE,
    VietNamDivisionType.PHUONG: OrgUnit.Kind.WARD,
    VietNamDivisionType.DAC_KHU: OrgUnit.Kind.SPECIAL_ZONE,
}


def province_code(code: int | str) -> str:
    """The official province code as written in the register: two digits ("01", "79")."""
    return f"{int(code):02d}"


def district_code(code: int | str) -> str:
    """The official (pre-2025) district code: three digits ("760")."""
    return f"{int(code):03d}"


def commune_code(code: int | str) -> str:
    """The official commune-level code: five digits ("00004", "26743")."""
    return f"{int(code):05d}"


def _province_record(code: int) -> Province:
    try:
        return Province.from_code(ProvinceCode(int(code)))
    except (ValueError, KeyError) as exc:
        raise DomainError(
            _("There is no province with the official code %(code)s.") % {"code": code}
        ) from exc


def ensure_province(code: int) -> OrgUnit:
    """Return the province with this official code, creating it from the register."""
    record = _province_record(code)
    unit, _created = OrgUnit.objects.get_or_create(
        code=province_code(code),
        defaults={
            "name": record.name,
            "kind": _KIND[record.division_type],
            "level": OrgUnit.Level.PROVINCE,
        },
    )
    return unit


def _commune_defaults(record: Ward, province: OrgUnit) -> dict[str, object]:
    return {
        "name": record.name,
        "kind": _KIND[record.division_type],
        "level": OrgUnit.Level.COMMUNE,
        "parent": province,
    }


def ensure_ward(code: int) -> OrgUnit:
    """Return the commune-level unit with this official code, creating it and its province."""
    try:
        record = Ward.from_code(WardCode(int(code)))
    except (ValueError, KeyError) as exc:
        raise DomainError(
            _("There is no ward or commune with the official code %(code)s.") % {"code": code}
        ) from exc
    province = ensure_province(int(record.province_code))
    unit, _created = OrgUnit.objects.get_or_create(
        code=commune_code(code), defaults=_commune_defaults(record, province)
    )
    return unit


def import_province(code: int) -> tuple[OrgUnit, int]:
    """Create a province and every commune-level unit it has; return it and how many were new."""
    record = _province_record(code)
    with transaction.atomic():
        province = ensure_province(code)
        existing = set(OrgUnit.objects.filter(parent=province).values_list("code", flat=True))
        new = [
            OrgUnit(code=commune_code(ward.code), **_commune_defaults(ward, province))
            for ward in Ward.iter_by_province(record.code)
            if commune_code(ward.code) not in existing
        ]
        for unit in new:
            unit.save()  # one by one: each unit's path needs its id
    return province, len(new)


def ensure_group(
    commune: OrgUnit, name: str, kind: str = OrgUnit.Kind.RESIDENTIAL_GROUP
) -> OrgUnit:
    """Return the village / residential group `name` of a commune, creating it."""
    unit, _created = OrgUnit.objects.get_or_create(
        parent=commune, name=name, defaults={"kind": kind, "level": OrgUnit.Level.GROUP}
    )
    return unit


def ensure_department(unit: OrgUnit, code: str, name: str, kind: str) -> Department:
    """Return the department `code` of a unit, creating it."""
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


@dataclass
class HistoryImport:
    """What `import_history` did: units created per level, and communes already current."""

    provinces: int = 0
    districts: int = 0
    communes: int = 0
    already_current: list[str] = field(default_factory=list)


_HISTORY_KIND = {
    "phuong": OrgUnit.Kind.WARD,
    "xa": OrgUnit.Kind.COMMUNE,
    "thi_tran": OrgUnit.Kind.COMMUNE,  # townships (thị trấn) ended with the districts
}


def _history_province(row: HistoryRow, result: HistoryImport) -> OrgUnit:
    code = province_code(row.province_code)
    unit = OrgUnit.objects.filter(code=code, level=OrgUnit.Level.PROVINCE).first()
    if unit is None and int(code) in {int(p.code) for p in Province.iter_all()}:
        unit = ensure_province(int(code))  # a code kept in 2025: today's province
    if unit is None:
        city = fold(row.province_name).startswith("thanh pho")
        unit = OrgUnit.objects.create(
            code=code,
            name=row.province_name,
            kind=OrgUnit.Kind.CITY if city else OrgUnit.Kind.PROVINCE,
            level=OrgUnit.Level.PROVINCE,
            is_historical=True,
        )
        result.provinces += 1
    return unit


def _history_district(row: HistoryRow, province: OrgUnit, result: HistoryImport) -> OrgUnit:
    unit, created = OrgUnit.objects.get_or_create(
        code=district_code(row.district_code),
        defaults={
            "name": row.district_name,
            "kind": OrgUnit.Kind.DISTRICT,
            "level": OrgUnit.Level.DISTRICT,
            "parent": province,
            "is_historical": True,
        },
    )
    if unit.level != OrgUnit.Level.DISTRICT:
        raise DomainError(
            _("Line %(line)s: the code %(code)s already belongs to %(unit)s, not a district.")
            % {"line": row.line, "code": unit.code, "unit": unit.name}
        )
    result.districts += int(created)
    return unit


def import_history(rows: list[HistoryRow]) -> HistoryImport:
    """Keep an old three-tier unit list as history: districts and their communes, all at once.

    A commune whose code is a current unit (many wards kept their code in 2025) is left as it
    is. Running the same list again creates nothing.
    """
    result = HistoryImport()
    with transaction.atomic():
        for row in rows:
            province = _history_province(row, result)
            district = _history_district(row, province, result)
            code = commune_code(row.commune_code)
            existing = OrgUnit.objects.filter(code=code).first()
            if existing is not None:
                if not existing.is_historical:
                    result.already_current.append(f"{code} {existing.name}")
                continue
            OrgUnit.objects.create(
                code=code,
                name=row.commune_name,
                kind=_HISTORY_KIND[row.commune_kind],
                level=OrgUnit.Level.COMMUNE,
                parent=district,
                is_historical=True,
            )
            result.communes += 1
    return result
