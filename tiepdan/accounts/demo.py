"""Demo staff for each demo ward, plus a read-only account for each province."""

from django.contrib.auth.models import Group

from tiepdan.accounts import roles
from tiepdan.accounts.models import User
from tiepdan.demo.registry import DEMO_PASSWORD, Demo

WARD_PREFIX = {"26743": "benthanh", "23231": "phuochoi"}
PROVINCE_PREFIX = {"79": "hcm", "68": "lamdong"}

# (suffix, role, post, department code, job title, first name, last name)
WARD_STAFF = [
    (
        "bithu",
        roles.LEADER,
        User.Post.SECRETARY,
        "xdd",
        "Bí thư Đảng ủy phường",
        "Minh",
        "Nguyễn Văn",
    ),
    (
        "chutich",
        roles.LEADER,
        User.Post.CHAIRMAN,
        "vp",
        "Chủ tịch UBND phường",
        "Hùng",
        "Trần Quốc",
    ),
    ("tiepdan", roles.RECEPTION_OFFICER, "", "tcd", "Cán bộ tiếp công dân", "Lan", "Lê Thị"),
    ("xuly", roles.HANDLING_OFFICER, "", "ktht", "Chuyên viên Phòng Kinh tế", "Tuấn", "Phạm Anh"),
    ("xuly2", roles.HANDLING_OFFICER, "", "vhxh", "Chuyên viên Phòng VH-XH", "Hoa", "Võ Thị"),
    ("hoagiai", roles.MEDIATOR, "", "mttq", "Tổ trưởng tổ hòa giải", "Bình", "Đặng Văn"),
    ("quantri", roles.UNIT_ADMIN, "", "vp", "Quản trị hệ thống", "Quân", "Hoàng Minh"),
]


def _ensure_user(username: str, role: str, **fields: object) -> User:
    user, created = User.objects.get_or_create(username=username, defaults=fields)
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    user.groups.add(Group.objects.get(name=role))
    return user


def seed(demo: Demo) -> None:
    for code, ward in demo.wards.items():
        prefix = WARD_PREFIX[code]
        departments = {d.code: d for d in ward.departments.all()}
        for suffix, role, post, dept, title, first, last in WARD_STAFF:
            username = f"{prefix}.{suffix}"
            demo.users[username] = _ensure_user(
                username,
                role,
                unit=ward,
                department=departments.get(dept),
                post=post,
                position=title,
                first_name=first,
                last_name=last,
                email=f"{username}@example.vn",
            )
    for code, province in demo.provinces.items():
        username = f"{PROVINCE_PREFIX.get(code, code)}.tinh"
        demo.users[username] = _ensure_user(
            username,
            roles.HIGHER_LEVEL,
            unit=province,
            position="Chuyên viên Thanh tra tỉnh",
            first_name="Thanh",
            last_name="Ngô Đức",
        )
