"""seed_demo loads the two demo wards once; demo_logins prints who can log in, in Vietnamese.

Seeding runs every app's seeder (a few seconds), so each test seeds as few times as it can.
"""

import io

from django.core.management import call_command

from tiepdan.accounts.models import User
from tiepdan.demo.registry import DEMO_PASSWORD, count_rows
from tiepdan.orgunits.models import OrgUnit


def _run(name: str) -> str:
    out = io.StringIO()
    call_command(name, stdout=out)
    return out.getvalue()


def test_it_creates_the_demo_wards_and_staff_and_prints_the_logins(db):
    printed = _run("seed_demo")
    assert "Đã tạo:" in printed
    assert "Tài khoản · " in printed

    ben_thanh = OrgUnit.objects.get(code="26743")
    phuoc_hoi = OrgUnit.objects.get(code="23231")
    assert (ben_thanh.name, ben_thanh.parent.code) == ("Phường Bến Thành", "79")
    assert (phuoc_hoi.name, phuoc_hoi.parent.code) == ("Phường Phước Hội", "68")
    assert ben_thanh.children.count() == 6
    assert ben_thanh.departments.filter(code="tcd").exists()

    chairman = User.objects.get(username="benthanh.chutich")
    assert chairman.post == User.Post.CHAIRMAN
    assert chairman.role_names() == ["leader"]
    assert chairman.check_password(DEMO_PASSWORD)
    for suffix in ["bithu", "chutich", "tiepdan", "xuly", "hoagiai", "quantri"]:
        assert User.objects.filter(username=f"phuochoi.{suffix}").exists()

    logins = _run("demo_logins")
    assert DEMO_PASSWORD in logins
    line = next(line for line in logins.splitlines() if "benthanh.tiepdan" in line)
    assert "Cán bộ tiếp công dân" in line
    assert "Phường Bến Thành" in line
    assert "Lãnh đạo (Chủ tịch UBND)" in logins


def test_running_it_twice_changes_nothing(db, django_capture_on_commit_callbacks):
    # The work a real run does after each commit (indexing the cases a later seeder opened, such
    # as mediation referrals) has to happen here too, or the second run would do it instead.
    with django_capture_on_commit_callbacks(execute=True):
        _run("seed_demo")
    before = count_rows()
    passwords = dict(User.objects.values_list("username", "password"))
    with django_capture_on_commit_callbacks(execute=True):
        second = _run("seed_demo")
    assert count_rows() == before
    assert dict(User.objects.values_list("username", "password")) == passwords
    assert "không có gì mới" in second


def test_demo_logins_prints_nothing_on_an_empty_database(db):
    assert _run("demo_logins") == ""
