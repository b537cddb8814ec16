"""Demo units: Phường Bến Thành (TP. Hồ Chí Minh) and Phường Phước Hội (Lâm Đồng)."""

from tiepdan.demo.registry import Demo
from tiepdan.orgunits.models import Department, OrgUnit
from tiepdan.orgunits.services import ensure_department, ensure_group, ensure_ward

# official code -> (office address, residential groups)
WARDS: dict[str, tuple[str, list[str]]] = {
    "26743": (
        "92 Nguyễn Thị Nghĩa, Phường Bến Thành, TP. Hồ Chí Minh",
        [f"Khu phố {n}" for n in range(1, 7)],
    ),
    "23231": (
        "Đường 17 tháng 4, Phường Phước Hội, Lâm Đồng",
        [f"Tổ dân phố {n}" for n in range(1, 9)],
    ),
}

DEPARTMENTS = [
    ("vp", "Văn phòng HĐND và UBND", Department.Kind.SECTION),
    ("ktht", "Phòng Kinh tế, Hạ tầng và Đô thị", Department.Kind.SECTION),
    ("vhxh", "Phòng Văn hóa - Xã hội", Department.Kind.SECTION),
    ("tcd", "Bộ phận Tiếp công dân", Department.Kind.SECTION),
    ("xdd", "Ban Xây dựng Đảng", Department.Kind.BOARD),
    ("mttq", "Ủy ban Mặt trận Tổ quốc", Department.Kind.FRONT),
    ("ctd", "Công an phường", Department.Kind.SECTION),
    ("doan", "Đoàn Thanh niên", Department.Kind.ASSOCIATION),
]


def seed(demo: Demo) -> None:
    for code, (address, groups) in WARDS.items():
        ward = ensure_ward(int(code))
        if not ward.address:
            ward.address = address
            ward.save(update_fields=["address"])
        for name in groups:
            ensure_group(ward, name, OrgUnit.Kind.RESIDENTIAL_GROUP)
        for dept_code, name, kind in DEPARTMENTS:
            ensure_department(ward, dept_code, name, kind)
        demo.wards[code] = ward
        province = ward.parent
        assert province is not None
        demo.provinces[province.code] = province
