"""Demo cases: 2,000 for the two demo wards over two years, every kind, channel and status.

Built in memory and written with bulk_create (cases, citizens, links, answers, timeline), so the
whole set loads in a few seconds. Deterministic (fixed seed) and idempotent: a ward that already
has cases is left alone.
"""

from __future__ import annotations

import random
import re
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from tiepdan.accounts.models import User
from tiepdan.cases import rules, services
from tiepdan.cases.demo_data import FAMILY, GIVEN, MIDDLE, PUBLIC_ANSWERS, STREETS, TOPICS
from tiepdan.cases.models import (
    Case,
    CaseCitizen,
    CaseEvent,
    Field,
    RegistrationCounter,
    Response,
    Status,
)
from tiepdan.cases.rules import Decision, Kind, Stage
from tiepdan.cases.services import duplicates, publication
from tiepdan.citizens.models import Citizen
from tiepdan.demo.registry import Demo
from tiepdan.orgunits.models import OrgUnit

TOTAL = 2000
DEMO_KEY = "demo:"  # marks the seeded cases, so a second run recognises them
PREFIX = {"26743": "benthanh", "23231": "phuochoi"}
KINDS = (
    [Kind.FEEDBACK] * 40 + [Kind.PETITION] * 30 + [Kind.COMPLAINT] * 18 + [Kind.DENUNCIATION] * 12
)
CHANNELS = (
    ["in_person"] * 30
    + ["online"] * 25
    + ["mail"] * 20
    + ["phone"] * 10
    + ["forwarded"] * 10
    + ["national_portal"] * 5
)


TODAY = date(2026, 11, 23)  # replaced by the local date when seeding


# Kinds that make sense per field: nobody denounces a pothole.
DENOUNCEABLE = {"can-bo", "dat-dai", "trat-tu-xay-dung", "hanh-chinh"}
COMPLAINABLE = {"dat-dai", "trat-tu-xay-dung", "chinh-sach-xa-hoi", "hanh-chinh"}


def seed(demo: Demo) -> None:
    global TODAY
    TODAY = timezone.localdate()
    rng = random.Random(20261123)
    for code, ward in demo.wards.items():
        if Case.objects.filter(unit=ward, idempotency_key__startswith=DEMO_KEY).exists():
            demo.say(f"Cases: {ward.name} already has cases.")
        else:
            with transaction.atomic():
                made = _seed_ward(rng, ward, code, demo, TOTAL // len(demo.wards))
            demo.say(f"Cases: {made} demo cases for {ward.name}.")
        _publish_answers(ward, demo.users.get(f"{PREFIX.get(code, code)}.chutich"), demo)
        _index_and_plant_duplicates(ward, code, demo)


PUBLISHED_PER_WARD = 12


def _publish_answers(ward: OrgUnit, leader: User | None, demo: Demo) -> None:
    """Publish a few recent closed answers, as the ward's chairman would (once per ward)."""
    if leader is None or Case.objects.published().filter(unit=ward).exists():
        return
    cases = Case.objects.filter(
        unit=ward,
        status=Status.CLOSED,
        kind__in=[Kind.FEEDBACK, Kind.PETITION],
        field__code__in=list(PUBLIC_ANSWERS),
        idempotency_key__startswith=DEMO_KEY,
    ).select_related("field")
    for case in cases.order_by("-closed_on", "-id")[:PUBLISHED_PER_WARD]:
        subject = re.sub(r"\b(?:số \d+ )?đường ", "đường ", case.subject)  # no house numbers
        publication.publish_answer(
            case,
            actor=leader,
            subject=subject,
            answer=PUBLIC_ANSWERS[case.field.code],  # type: ignore[union-attr]
            confirmed=True,
            despite_warnings=False,
        )
    demo.say(f"Cases: answers published for {ward.name}.")


def _fields(ward: OrgUnit) -> dict[str, Field]:
    fields = {f.code: f for f in services.ensure_fields(ward)}
    departments = {d.code: d for d in ward.departments.all()}
    for code, (_subjects, dept) in TOPICS.items():
        field = fields[code]
        if field.default_department_id is None and dept in departments:
            field.default_department = departments[dept]
            field.save(update_fields=["default_department"])
    return fields


def _citizens(rng: random.Random, code: str, n: int) -> list[Citizen]:
    people = []
    for i in range(n):
        sex = rng.choice("MF")
        middle = "Thị" if sex == "F" and rng.random() < 0.7 else rng.choice(MIDDLE)
        year = rng.randint(1950, 2004)
        digit = (0 if year < 2000 else 2) + (sex == "F")
        street = rng.choice(STREETS[code])
        people.append(
            Citizen(
                full_name=f"{rng.choice(FAMILY)} {middle} {rng.choice(GIVEN)}",
                id_kind=Citizen.IdKind.CCCD,
                id_number=f"079{digit}{year % 100:02d}{rng.randint(0, 999999):06d}",
                sex=sex,
                birth_year=year,
                phone=f"+849{rng.randint(10000000, 99999999)}",
                email=f"congdan{code}{i}@example.vn" if rng.random() < 0.4 else "",
                address=f"{rng.randint(1, 250)} {street}",
                ward_code=code,
            )
        )
    return Citizen.objects.bulk_create(people)


def _status_for(rng: random.Random, age: int) -> str:
    """Older cases are mostly finished; recent ones are still being worked."""
    roll = rng.random()
    if age > 90:
        return rng.choices(
            [
                Status.CLOSED,
                Status.ANSWERED,
                Status.TRANSFERRED,
                Status.GUIDED,
                Status.ARCHIVED,
                Status.REOPENED,
                Status.IN_PROGRESS,
            ],
            [55, 12, 10, 8, 8, 4, 3],
        )[0]
    if age > 20:
        return rng.choices(
            [
                Status.ANSWERED,
                Status.CLOSED,
                Status.IN_PROGRESS,
                Status.ACCEPTED,
                Status.SUSPENDED,
                Status.TRANSFERRED,
                Status.GUIDED,
                Status.REOPENED,
            ],
            [25, 20, 25, 8, 4, 8, 5, 5],
        )[0]
    return [Status.RECEIVED, Status.CLASSIFIED, Status.ACCEPTED, Status.IN_PROGRESS][
        0 if roll < 0.3 else 1 if roll < 0.5 else 2 if roll < 0.7 else 3
    ]


def _at(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, 15)))


def _seed_ward(rng: random.Random, ward: OrgUnit, code: str, demo: Demo, n: int) -> int:
    fields = _fields(ward)
    citizens = _citizens(rng, code, n // 3)
    prefix = PREFIX.get(code, code)
    staff = [
        demo.users[f"{prefix}.{s}"]
        for s in ("xuly", "xuly2", "tiepdan")
        if f"{prefix}.{s}" in demo.users
    ]
    reception = demo.users.get(f"{prefix}.tiepdan")
    leader = demo.users.get(f"{prefix}.chutich")
    start = TODAY - timedelta(days=730)
    days = sorted(start + timedelta(days=rng.randint(0, 730)) for _ in range(n))
    # Continue the registers if other seeders already numbered cases of this ward.
    numbers = dict(RegistrationCounter.objects.filter(unit=ward).values_list("year", "last"))
    cases, plans = [], []
    for received in days:
        numbers[received.year] = numbers.get(received.year, 0) + 1
        case, plan = _build_case(rng, ward, code, fields, staff, received, numbers[received.year])
        case.idempotency_key = f"{DEMO_KEY}{code}:{received.year}:{case.number}"
        cases.append(case)
        plans.append(plan)
    Case.objects.bulk_create(cases, batch_size=500)
    for year, last in numbers.items():
        RegistrationCounter.objects.update_or_create(unit=ward, year=year, defaults={"last": last})
    links = [CaseCitizen(case=c, citizen=rng.choice(citizens)) for c in cases if not c.is_anonymous]
    CaseCitizen.objects.bulk_create(links, batch_size=1000)
    _timeline(cases, plans, reception, leader)
    return len(cases)


def _build_case(rng, ward, code, fields, staff, received: date, number: int) -> tuple[Case, dict]:  # type: ignore[no-untyped-def]
    field_code = rng.choice(list(TOPICS))
    subjects, _dept = TOPICS[field_code]
    kind = rng.choice(KINDS)
    if kind == Kind.DENUNCIATION and field_code not in DENOUNCEABLE:
        kind = Kind.FEEDBACK
    if kind == Kind.COMPLAINT and field_code not in COMPLAINABLE:
        kind = Kind.PETITION
    if field_code == "can-bo" and rng.random() < 0.6:
        kind = Kind.DENUNCIATION
    street = rng.choice(STREETS[code])
    place = f"số {rng.randint(1, 250)} đường {street}"
    subject = rng.choice(subjects).format(place=place, street=street)
    age = (TODAY - received).days
    status = _status_for(rng, age)
    anonymous = kind == Kind.DENUNCIATION and rng.random() < 0.1
    if anonymous and status not in (Status.RECEIVED, Status.CLASSIFIED):
        status = Status.ARCHIVED  # Law on Denunciations Art. 25: never accepted
    field = fields[field_code]
    case = Case(
        unit=ward,
        year=received.year,
        number=number,
        kind=kind,
        field=field,
        channel=rng.choice(CHANNELS),
        subject=subject,
        content=f"Kính gửi {ward.name}. Tôi xin trình bày: {subject.lower()}. Sự việc kéo dài đã "
        f"lâu, ảnh hưởng đến sinh hoạt của các hộ dân. Đề nghị cơ quan chức năng kiểm tra, "
        f"xử lý dứt điểm và trả lời cho người dân được biết.",
        location_text=place,
        received_on=received,
        status=status,
        signer_count=rng.choice([1] * 9 + [6]),
        is_anonymous=anonymous,
        notify_due_on=rules.due("notify", received),
        created_at=_at(received, 8),
    )
    if case.channel == "forwarded":
        case.source = rng.choice(["front", "deputy", "press", "higher_level"])
    key = rules.handling_key(kind, received)
    case.due_period, case.due_on = key, rules.due(key, received)
    decided = min(received + timedelta(days=rng.randint(1, 6)), TODAY)
    plan: dict[str, Any] = {"decided": decided, "answered": None}
    if status in (Status.RECEIVED, Status.CLASSIFIED):
        return case, plan
    decision: str = {
        Status.TRANSFERRED: Decision.TRANSFER,
        Status.GUIDED: Decision.GUIDE,
        Status.ARCHIVED: Decision.ARCHIVE,
    }.get(Status(status), Decision.ACCEPT)
    case.decision, case.decided_on, case.notified_on = decision, decided, decided
    if decision == Decision.TRANSFER:
        case.is_competent, case.transfer_count = False, 1
        case.decision_target = (
            "UBND Thành phố" if kind != Kind.DENUNCIATION else "Thanh tra Thành phố"
        )
    elif decision == Decision.GUIDE:
        case.is_competent, case.decision_target = False, "Tòa án nhân dân khu vực"
    elif decision == Decision.ARCHIVE:
        reason = (
            "no_name_address" if case.is_anonymous else rng.choice(["unsigned", "already_guided"])
        )
        case.is_admissible, case.inadmissible_reason = False, reason
    else:
        case.stage = Stage.RESOLUTION
        if kind in (Kind.COMPLAINT, Kind.DENUNCIATION):
            key = rules.resolution_key(kind, case.stage)
            case.due_period, case.due_on = key, rules.due(key, decided)
        case.assignee = rng.choice(staff) if staff else None
        case.assignee_department = field.default_department
    if status in (Status.ANSWERED, Status.CLOSED, Status.REOPENED):
        # Most answers come on time; one in eight a few days late.
        late = rng.random() < 0.12
        answered = (
            case.due_on + timedelta(days=rng.randint(1, 6))
            if late
            else decided + timedelta(days=rng.randint(2, max(3, (case.due_on - decided).days)))
        )
        case.answered_on = min(answered, TODAY)
        plan["answered"] = case.answered_on
        case.rating = rng.choice([None, 3, 4, 4, 5, 5, 2])
    if status == Status.CLOSED:
        case.closed_on = min(plan["answered"] + timedelta(days=rng.randint(1, 10)), TODAY)
    if status == Status.REOPENED:
        case.reopen_count = 1
        reopened: date = min(plan["answered"] + timedelta(days=rng.randint(3, 20)), TODAY)
        case.stage = Stage.SECOND_ROUND if kind == Kind.COMPLAINT else case.stage
        key = rules.resolution_key(kind, case.stage)
        case.due_period, case.due_on = key, rules.due(key, reopened)
        plan["reopened"] = reopened
    if status == Status.SUSPENDED:
        case.suspended_on = min(decided + timedelta(days=5), TODAY)
        case.remaining_days = max((case.due_on - case.suspended_on).days, 1)
    return case, plan


def _timeline(
    cases: list[Case], plans: list[dict], reception: User | None, leader: User | None
) -> None:
    events, responses = [], []
    for case, plan in zip(cases, plans, strict=True):
        events.append(
            CaseEvent(
                case=case,
                actor=reception,
                kind="received",
                to_status="received",
                text=f"Đã tiếp nhận đơn ({case.get_channel_display()}).",
                is_public=True,
                at=_at(case.received_on, 8),
            )
        )
        if case.status == Status.RECEIVED:
            continue
        events.append(
            CaseEvent(
                case=case,
                actor=reception,
                kind="classified",
                from_status="received",
                to_status="classified",
                at=_at(plan["decided"], 9),
            )
        )
        if case.status == Status.CLASSIFIED:
            continue
        to = {
            Decision.ACCEPT: "accepted",
            Decision.TRANSFER: "transferred",
            Decision.GUIDE: "guided",
            Decision.ARCHIVE: "archived",
        }[Decision(case.decision)]
        events.append(
            CaseEvent(
                case=case,
                actor=leader,
                kind="decided",
                from_status="classified",
                to_status=to,
                is_public=True,
                text=_headline(case.decision),
                at=_at(plan["decided"], 10),
            )
        )
        if case.assignee_id:
            events.append(
                CaseEvent(
                    case=case,
                    actor=leader,
                    kind="assigned",
                    from_status="accepted",
                    to_status="in_progress",
                    text=f"Phân công cho {case.assignee}",
                    at=_at(plan["decided"], 11),
                )
            )
        if plan["answered"]:
            text = (
                "Qua kiểm tra thực tế, đơn vị đã chỉ đạo xử lý nội dung phản ánh. "
                "Đề nghị ông/bà tiếp tục phối hợp."
            )
            responses.append(
                Response(
                    case=case,
                    text=text,
                    state="sent",
                    drafted_by=case.assignee,
                    approved_by=leader,
                    approved_at=_at(plan["answered"], 14),
                    sent_at=_at(plan["answered"], 15),
                )
            )
            events.append(
                CaseEvent(
                    case=case,
                    actor=case.assignee,
                    kind="answer_sent",
                    from_status="in_progress",
                    to_status="answered",
                    text=text,
                    is_public=True,
                    at=_at(plan["answered"], 15),
                )
            )
        if case.status == Status.CLOSED and case.closed_on:
            events.append(
                CaseEvent(
                    case=case,
                    actor=reception,
                    kind="closed",
                    from_status="answered",
                    to_status="closed",
                    is_public=True,
                    text="Đã kết thúc vụ việc.",
                    at=_at(case.closed_on, 16),
                )
            )
        if plan.get("reopened"):
            events.append(
                CaseEvent(
                    case=case,
                    kind="reopened",
                    from_status="answered",
                    to_status="reopened",
                    is_public=True,
                    text="Công dân chưa đồng ý với nội dung trả lời.",
                    at=_at(plan["reopened"], 9),
                )
            )
    CaseEvent.objects.bulk_create(events, batch_size=1000)
    Response.objects.bulk_create(responses, batch_size=1000)


def _headline(decision: str) -> str:
    return {
        Decision.ACCEPT: "Đơn của ông/bà đã được thụ lý giải quyết.",
        Decision.TRANSFER: "Đơn của ông/bà đã được chuyển đến cơ quan có thẩm quyền.",
        Decision.GUIDE: "Ông/bà đã được hướng dẫn gửi đơn đến cơ quan có thẩm quyền.",
        Decision.ARCHIVE: "Đơn của ông/bà được lưu, không xử lý tiếp.",
    }[Decision(decision)]


def _index_and_plant_duplicates(ward: OrgUnit, code: str, demo: Demo) -> None:
    """Index the ward's cases for duplicate detection and plant a few repeats (once), so the
    case page's panel has something to show: a re-send by the same citizen without accents,
    two neighbours writing about the same place, and a re-send already marked as a duplicate."""
    made = duplicates.rebuild(Case.objects.filter(unit=ward).select_related("unit"))
    officer = demo.users.get(f"{PREFIX.get(code, code)}.tiepdan")
    key = f"{DEMO_KEY}dup:{code}:"
    if Case.objects.filter(idempotency_key__startswith=key).exists() or officer is None:
        return
    open_cases = (
        Case.objects.filter(unit=ward, status__in=[Status.RECEIVED, Status.CLASSIFIED])
        .exclude(kind=Kind.DENUNCIATION)
        .exclude(case_citizens=None)
        .select_related("field", "unit")
        .order_by("-received_on", "-id")
    )
    picked = list(open_cases[:3])
    if len(picked) < 3:
        return
    resent, neighbour, marked = picked
    _plant(resent, key + "1", "Tôi xin gửi lại đơn lần 2. " + _plain(resent.content), same=True)
    for i, name in enumerate(("Lê Thị Thu", "Phạm Văn Bình"), start=2):
        text = (
            f"Nhiều hộ dân gần {neighbour.location_text} phản ánh tình trạng này đã lâu. "
            "Đề nghị phường cử cán bộ xuống kiểm tra thực tế."
        )
        _plant(neighbour, key + str(i), text, citizen=Citizen.objects.create(full_name=name))
    copy = _plant(marked, key + "4", _plain(marked.content), same=True)
    duplicates.mark_duplicate(copy, marked, actor=officer)
    demo.say(f"Cases: {made} cases indexed for duplicates, repeats planted for {ward.name}.")


def _plain(text: str) -> str:
    """The text as typed without Vietnamese accents (đ kept), as many re-sends are."""
    import unicodedata

    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")


def _plant(
    like: Case, key: str, content: str, *, same: bool = False, citizen: Citizen | None = None
) -> Case:
    sender = like.case_citizens.first() if same else None
    who = sender.citizen if sender else citizen
    intake = services.Intake(
        channel=Case.Channel.ONLINE,
        kind=like.kind,
        subject=like.subject if same else f"Phản ánh về {like.location_text}",
        content=content,
        received_on=TODAY,
        field=like.field,
        location_text=like.location_text,
        citizens=[(who, CaseCitizen.Role.SUBMITTER)] if who else [],
    )
    case = services.receive_case(
        intake, unit=like.unit, actor=None, today=TODAY, idempotency_key=key
    )
    duplicates.index_case(case)
    return case
