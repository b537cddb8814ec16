"""Ship the extra days off and make-up working days announced for 2025 and 2026.

Sources: Thông báo 6150/TB-BLĐTBXH (2025 holidays, 30/4 swap); Công văn 12729/VPCP-KGVX
(New Year 2026 swap); Thông báo 9441/TB-BNV (Tết and Quốc khánh 2026). The Tết 2026 days and the
2/9 swap are also in the `holidays` package; they are stored to keep the notice that fixed them.
"""

from datetime import date

from django.db import migrations

DAY_OFF, MAKEUP = "day_off", "makeup"

ANNOUNCED = [
    (date(2025, 4, 26), MAKEUP, "Làm bù cho ngày nghỉ thứ Sáu 02/5/2025", "6150/TB-BLĐTBXH"),
    (date(2025, 5, 2), DAY_OFF, "Nghỉ hoán đổi dịp 30/4 – 1/5 (làm bù thứ Bảy 26/4/2025)", "6150/TB-BLĐTBXH"),
    (date(2026, 1, 2), DAY_OFF, "Nghỉ hoán đổi dịp Tết Dương lịch (làm bù thứ Bảy 10/01/2026)", "12729/VPCP-KGVX"),
    (date(2026, 1, 10), MAKEUP, "Làm bù cho ngày nghỉ thứ Sáu 02/01/2026", "12729/VPCP-KGVX"),
    (date(2026, 2, 16), DAY_OFF, "Nghỉ Tết Nguyên đán Bính Ngọ (29 tháng Chạp)", "9441/TB-BNV"),
    (date(2026, 2, 17), DAY_OFF, "Nghỉ Tết Nguyên đán Bính Ngọ (mùng 1 Tết)", "9441/TB-BNV"),
    (date(2026, 2, 18), DAY_OFF, "Nghỉ Tết Nguyên đán Bính Ngọ (mùng 2 Tết)", "9441/TB-BNV"),
    (date(2026, 2, 19), DAY_OFF, "Nghỉ Tết Nguyên đán Bính Ngọ (mùng 3 Tết)", "9441/TB-BNV"),
    (date(2026, 2, 20), DAY_OFF, "Nghỉ Tết Nguyên đán Bính Ngọ (mùng 4 Tết)", "9441/TB-BNV"),
    (date(2026, 8, 22), MAKEUP, "Làm bù cho ngày nghỉ thứ Hai 31/8/2026", "9441/TB-BNV"),
    (date(2026, 8, 31), DAY_OFF, "Nghỉ hoán đổi dịp Quốc khánh (làm bù thứ Bảy 22/8/2026)", "9441/TB-BNV"),
]


def ship(apps, schema_editor):
    Holiday = apps.get_model("workcalendar", "Holiday")
    for on, kind, name, source in ANNOUNCED:
        Holiday.objects.get_or_create(
            date=on, defaults={"kind": kind, "name": name, "source": source, "year": on.year}
        )


def unship(apps, schema_editor):
    Holiday = apps.get_model("workcalendar", "Holiday")
    for on, kind, _name, source in ANNOUNCED:
        Holiday.objects.filter(date=on, kind=kind, source=source, created_by=None).delete()


class Migration(migrations.Migration):
    dependencies = [("workcalendar", "0001_holiday")]

    operations = [migrations.RunPython(ship, unship)]
