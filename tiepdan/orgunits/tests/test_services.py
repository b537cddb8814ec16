"""Units from the official two-tier register, and old three-tier lists kept as history."""

import io

import pytest
from django.core.management import CommandError, call_command

from tiepdan.lib.errors import DomainError
from tiepdan.orgunits.history import read_history
from tiepdan.orgunits.models import OrgUnit
from tiepdan.orgunits.services import ensure_province, ensure_ward, import_history, import_province

LAI_CHAU = 12  # the province with the fewest communes (38) since 1 July 2025


def test_ensure_ward_creates_the_ward_and_its_province(db):
    ward = ensure_ward(26743)
    assert ward.name == "Phường Bến Thành"
    assert ward.kind == OrgUnit.Kind.WARD
    assert ward.level == OrgUnit.Level.COMMUNE
    assert ward.parent.code == "79"
    assert ward.parent.kind == OrgUnit.Kind.CITY
    assert ensure_ward(26743) == ward


def test_codes_are_written_as_in_the_register(db):
    """Province codes have two digits, commune codes five, so they never collide."""
    assert ensure_province(4).code == "04"
    assert ensure_ward(4).code == "00004"


def test_an_unknown_code_says_so(db):
    with pytest.raises(DomainError, match="99"):
        ensure_province(99)
    with pytest.raises(DomainError, match="99999"):
        ensure_ward(99999)


def test_import_province_creates_every_commune_once(db):
    province, created = import_province(LAI_CHAU)
    assert province.name == "Lai Châu"
    assert created == 38
    assert province.children.filter(level=OrgUnit.Level.COMMUNE).count() == 38
    assert all(u.path.startswith(province.path) for u in province.children.all())
    assert import_province(LAI_CHAU) == (province, 0)


def test_the_import_province_command_reports_in_vietnamese(db):
    out = io.StringIO()
    call_command("import_province", str(LAI_CHAU), stdout=out)
    assert "Lai Châu: 38 đơn vị cấp xã mới" in out.getvalue()


def test_the_import_province_command_refuses_an_unknown_code(db):
    with pytest.raises(CommandError, match="Không có tỉnh"):
        call_command("import_province", "99")


OLD_LIST = """Tỉnh Thành Phố,Mã TP,Quận Huyện,Mã QH,Phường Xã,Mã PX,Cấp
Thành phố Hồ Chí Minh,79,Quận 1,760,Phường Tân Định,26734,Phường
Thành phố Hồ Chí Minh,79,Quận 1,760,Phường Đa Kao,26737,Phường
Tỉnh Bình Dương,74,Thành phố Thủ Dầu Một,718,Phường Hiệp Thành,25741,Phường
Tỉnh Bình Dương,74,Huyện Dầu Tiếng,721,Thị trấn Dầu Tiếng,25777,Thị trấn
"""


def test_an_old_list_is_kept_as_history_under_districts(ward_a):
    rows, errors = read_history(io.StringIO(OLD_LIST))
    assert errors == []
    result = import_history(rows)
    assert (result.provinces, result.districts, result.communes) == (1, 3, 4)
    district = OrgUnit.objects.get(code="760")
    assert district.level == OrgUnit.Level.DISTRICT
    assert district.is_historical
    assert district.parent == ward_a.parent  # TP. Hồ Chí Minh exists today: reused
    old_province = OrgUnit.objects.get(code="74")
    assert old_province.is_historical
    township = OrgUnit.objects.get(code="25777")
    assert township.parent.name == "Huyện Dầu Tiếng"
    assert township.commune() == township
    assert township.province() == old_province


def test_a_commune_that_is_a_current_unit_is_left_alone(db):
    current = ensure_ward(26737)  # Phường Tân Định today kept old Phường Đa Kao's code
    rows, _errors = read_history(io.StringIO(OLD_LIST))
    result = import_history(rows)
    current.refresh_from_db()
    assert current.is_historical is False
    assert current.name == "Phường Tân Định"
    assert result.already_current == ["26737 Phường Tân Định"]
    assert result.communes == 3


def test_importing_the_same_list_twice_creates_nothing_more(db):
    rows, _errors = read_history(io.StringIO(OLD_LIST))
    import_history(rows)
    count = OrgUnit.objects.count()
    again = import_history(rows)
    assert (again.provinces, again.districts, again.communes) == (0, 0, 0)
    assert OrgUnit.objects.count() == count


def test_history_does_not_appear_among_current_communes(db):
    rows, _errors = read_history(io.StringIO(OLD_LIST))
    import_history(rows)
    assert not OrgUnit.objects.current().communes().exists()
    assert not OrgUnit.objects.current().filter(level=OrgUnit.Level.DISTRICT).exists()


def test_the_command_imports_a_file_with_english_headings(db, tmp_path):
    path = tmp_path / "old.csv"
    path.write_text(
        "province_code,province_name,district_code,district_name,commune_code,commune_name\n"
        "68,Tỉnh Lâm Đồng,672,Thành phố Đà Lạt,24778,Phường 1\n",
        encoding="utf-8",
    )
    out = io.StringIO()
    call_command("import_old_units", str(path), stdout=out)
    assert "0 tỉnh, 1 quận/huyện, 1 xã/phường/thị trấn" in out.getvalue()
    assert OrgUnit.objects.get(code="68").is_historical is False
    assert OrgUnit.objects.get(code="24778").kind == OrgUnit.Kind.WARD


def test_the_command_saves_nothing_when_a_row_is_wrong(db, tmp_path):
    path = tmp_path / "old.csv"
    path.write_text(OLD_LIST + "Tỉnh Bình Dương,74,Huyện Dầu Tiếng,72A,Xã Định An,25780,Xã\n")
    with pytest.raises(CommandError) as raised:
        call_command("import_old_units", str(path))
    assert "Dòng 6" in str(raised.value)
    assert not OrgUnit.objects.exists()
