"""Demo reception data: a year of schedules, bookings and book entries for both demo wards."""

from __future__ import annotations

import random
from datetime import date, time, timedelta

from django.utils import timezone

from tiepdan.accounts.models import User
from tiepdan.demo.registry import Demo
from tiepdan.lib.errors import DomainError
from tiepdan.lib.workdays import add_working_days
from tiepdan.orgunits.models import OrgUnit
from tiepdan.reception import rules, services
from tiepdan.reception.models import ReceptionDay, ReceptionEntry, ReceptionSchedule
from tiepdan.reception.services.book import EntryData
from tiepdan.reception.services.schedule import DayDetails

PREFIX = {"26743": "benthanh", "23231": "phuochoi"}
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi", "Đỗ", "Huỳnh"]
MIDDLE = ["Văn", "Thị", "Minh", "Ngọc", "Thanh", "Quốc", "Thu", "Hữu"]
GIVEN = ["An", "Bình", "Cường", "Dung", "Giang", "Hải", "Hạnh", "Khoa", "Lan", "Mai", "Nam", "Phúc"]
MATTERS = [
    ("feedback", "Phản ánh lấn chiếm vỉa hè, lòng đường trước nhà số {n}"),
    ("feedback", "Phản ánh tình trạng ngập nước kéo dài tại hẻm {n} sau mưa"),
    ("petition", "Kiến nghị cấp giấy chứng nhận quyền sử dụng đất thửa số {n}"),
    ("petition", "Kiến nghị sửa chữa đèn chiếu sáng công cộng khu phố"),
    (
        "complaint",
        "Khiếu nại quyết định xử phạt vi phạm hành chính về trật tự xây dựng số {n}/QĐ-XPHC",
    ),
    ("complaint", "Khiếu nại việc thu hồi đất, bồi thường chưa thỏa đáng"),
    ("denunciation", "Tố cáo cán bộ khu phố có dấu hiệu nhận tiền khi xác nhận hồ sơ"),
    ("feedback", "Phản ánh tiếng ồn từ quán karaoke hoạt động sau 22 giờ"),
]
ROUTES = [
    ("accept", "", ""),
    ("guide", "Tòa án nhân dân khu vực", "{n}/HD-TCD"),
    ("transfer", "Công an phường", "{n}/CV-UBND"),
    ("explain", "", ""),
]


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def _cccd(rng: random.Random) -> str:
    province = rng.choice(["079", "068", "001", "048"])
    return f"{province}{rng.choice('01')}{rng.randint(45, 99):02d}{rng.randint(0, 999999):06d}"


def _entry(rng: random.Random, unit: OrgUnit, day: ReceptionDay, n: int) -> EntryData:
    kind, summary = rng.choice(MATTERS)
    route, body, document = rng.choice(ROUTES)
    data = EntryData(
        received_on=day.on,
        full_name=_name(rng),
        address=f"{rng.randint(1, 200)} đường số {rng.randint(1, 30)}, {unit.name}",
        id_kind="cccd",
        id_number=_cccd(rng),
        summary=summary.format(n=rng.randint(2, 90)),
        kind=kind,
        route=route,
        route_body=body,
        route_document=document.format(n=n),
        day=day,
        oral_statement=n % 4 == 0,
        statement_signed=n % 4 == 0,
        result="Đã thông báo kết quả cho công dân" if route == "accept" and n % 3 else "",
    )
    if n % 9 == 0:
        data.members = [_name(rng) + f" ({i + 1})" for i in range(7)]
        data.representatives = data.members[:2]
        data.appointment_signed = True
        data.summary = "Nhóm hộ dân " + data.summary[0].lower() + data.summary[1:]
    if n % 13 == 0:
        data.route, data.route_body, data.route_document = "refused", "", ""
        data.refusal_ground = "nd154_4_1_h" if n % 2 else "tcd_9_2"
    return data


def _book_future(rng: random.Random, day: ReceptionDay, today: date) -> None:
    for i in range(rng.randint(0, 4)):
        try:
            services.book(
                day,
                full_name=_name(rng),
                phone=f"09{rng.randint(10000000, 99999999)}",
                subject=rng.choice(MATTERS)[1].format(n=i + 3)[:200],
                today=today,
            )
        except DomainError:
            continue


def _follow_up(rng: random.Random, entry: ReceptionEntry, today: date) -> None:
    """Most past entries got their written notice in time; a few are late or still open."""
    notice = getattr(entry, "refusal_notice", None)
    if notice is not None and notice.due_on < today:
        services.issue_refusal_notice(
            notice, number=f"{entry.number}/TB-UBND", issued_on=notice.due_on
        )
    if entry.notify_by is None or entry.notify_by >= today or rng.random() < 0.04:
        return
    sent = entry.notify_by - timedelta(days=rng.randint(0, 6))
    services.mark_notified(
        entry, on=max(sent, entry.received_on), reference=f"{entry.number}/TB-UBND"
    )


def _day_history(
    rng: random.Random,
    unit: OrgUnit,
    officer: User,
    day: ReceptionDay,
    today: date,
    counter: list[int],
) -> None:
    """Publish a generated day in time; hold past days and fill their book; book future ones."""
    if day.status == ReceptionDay.Status.DRAFT:
        services.publish_day(day, today=rules.latest_publication_date(day.on))
    if day.on >= today:
        _book_future(rng, day, today)
        return
    if day.kind == ReceptionDay.Kind.PERIODIC and rng.random() < 0.05:
        services.cancel_day(day, reason="Lãnh đạo họp đột xuất với cấp trên")
        return
    _book_future(rng, day, day.on)  # bookings made before the day
    bookings = list(day.appointments.all())
    services.mark_held(day, today=day.on)
    for i in range(rng.randint(1, 4)):
        counter[0] += 1
        data = _entry(rng, unit, day, counter[0])
        if i < len(bookings):
            data.appointment, data.full_name = bookings[i], bookings[i].full_name
        try:
            entry = services.record_entry(unit, data, actor=officer, today=day.on)
        except DomainError:
            continue
        _follow_up(rng, entry, today)
    for booking in day.appointments.filter(status="booked"):
        services.mark_attendance(booking, came=False)
    if day.on >= today - timedelta(days=45):
        _session(rng, day)


TASKS = [
    "Kiểm tra, xử lý dứt điểm tình trạng lấn chiếm vỉa hè; báo cáo kết quả",
    "Khảo sát, đề xuất phương án chống ngập tại các hẻm được phản ánh",
    "Rà soát hồ sơ cấp giấy chứng nhận quyền sử dụng đất, trả lời công dân bằng văn bản",
    "Phối hợp Công an phường kiểm tra tiếng ồn của cơ sở kinh doanh karaoke",
]


def _session(rng: random.Random, day: ReceptionDay) -> None:
    """The leader's session of a recent day, with a conclusions notice and its directives."""
    departments = list(day.unit.departments.filter(code__in=["ktht", "vhxh", "ctd"]))
    if not departments:
        return
    session = services.save_session(
        day,
        participants=day.attendees,
        today=day.on,
        raised="Công dân phản ánh, kiến nghị các nội dung ghi tại sổ tiếp công dân.",
        conclusions="Giao các đơn vị chuyên môn kiểm tra, xử lý và trả lời công dân đúng hạn.",
    )
    for task in rng.sample(TASKS, 2):
        services.add_conclusion_item(
            session,
            content=task,
            owner_department=rng.choice(departments),
            due_on=add_working_days(day.on, rng.choice([5, 10, 15])),
        )
    services.issue_conclusions(session, issued_on=add_working_days(day.on, 1), actor=day.leader)


def _adhoc_days(unit: OrgUnit, chairman: User, room: str, today: date) -> list[ReceptionDay]:
    days = []
    reasons = (
        (-40, ReceptionDay.AdhocReason.MANY_PEOPLE),
        (-120, ReceptionDay.AdhocReason.PROMINENT),
    )
    for offset, reason in reasons:
        on = today + timedelta(days=offset)
        while on.weekday() > 4:
            on += timedelta(days=1)
        try:
            days.append(
                services.create_day(
                    unit=unit,
                    leader=chairman,
                    on=on,
                    today=on,
                    details=DayDetails(
                        time(8),
                        time(10),
                        room,
                        topics="Vụ việc đông người về bồi thường giải phóng mặt bằng",
                    ),
                    adhoc_reason=reason,
                    adhoc_note="Khoảng 20 hộ dân đề nghị được gặp Chủ tịch",
                )
            )
        except DomainError:
            continue
    return days


def _plans(unit: OrgUnit, secretary: User, chairman: User, room: str) -> list[tuple]:
    return [
        (
            secretary,
            3,
            "2,4",
            DayDetails(
                time(7, 30),
                time(11),
                room,
                "Bí thư Đảng ủy; Chủ nhiệm UBKT Đảng ủy; cán bộ tiếp công dân",
                "Tiếp công dân định kỳ theo Quy định 11-QĐi/TW",
                15,
            ),
        ),
        (
            chairman,
            1,
            "",
            DayDetails(
                time(13, 30),
                time(16, 30),
                room,
                "Chủ tịch UBND; Trưởng Phòng Kinh tế, Hạ tầng và Đô thị; công chức Tư pháp",
                "Đất đai, trật tự xây dựng, chính sách xã hội",
                20,
            ),
        ),
    ]


def _seed_ward(code: str, demo: Demo, today: date) -> None:
    unit = demo.wards[code]
    prefix = PREFIX[code]
    secretary, chairman = demo.users[f"{prefix}.bithu"], demo.users[f"{prefix}.chutich"]
    officer = demo.users[f"{prefix}.tiepdan"]
    if ReceptionSchedule.objects.filter(unit=unit).exists():
        return
    rng = random.Random(int(code))
    start, end = today - timedelta(days=365), today + timedelta(days=60)
    room = f"Phòng tiếp công dân, trụ sở UBND {unit.name}"
    days = _adhoc_days(unit, chairman, room, today)
    for leader, weekday, weeks, details in _plans(unit, secretary, chairman, room):
        schedule = services.create_schedule(
            unit=unit,
            leader=leader,
            weekday=weekday,
            weeks_of_month=weeks,
            details=details,
            valid_from=start,
        )
        days += services.generate_days(schedule, start=start, end=end, today=start)[0]
    counter = [0]
    for day in sorted(days, key=lambda d: (d.on, d.starts_at)):
        _day_history(rng, unit, officer, day, today, counter)
    _postpone_one(chairman, today)
    demo.say(
        f"reception: {ReceptionEntry.objects.filter(unit=unit).count()} book entries in {unit.name}"
    )


def _postpone_one(chairman: User, today: date) -> None:
    """One coming day of the Chairman moves by a week, so the public page shows a notice."""
    day = (
        ReceptionDay.objects.filter(
            leader=chairman,
            on__gte=today + timedelta(days=10),
            status=ReceptionDay.Status.PUBLISHED,
        )
        .order_by("on")
        .first()
    )
    if day is None:
        return
    try:
        services.postpone_day(
            day,
            new_on=day.on + timedelta(days=2),
            reason="Chủ tịch UBND phường dự họp HĐND phường kỳ họp cuối năm",
            today=today,
        )
    except DomainError:
        return


def seed(demo: Demo) -> None:
    today = timezone.localdate()
    for code in PREFIX:
        if code in demo.wards and f"{PREFIX[code]}.bithu" in demo.users:
            _seed_ward(code, demo, today)
