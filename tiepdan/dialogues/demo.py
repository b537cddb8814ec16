"""Demo dialogues for both demo wards: a published dialogue with commitments in progress, a
complaint dialogue with Form 14 minutes, and one being planned."""
# ruff: noqa: E501  — demo content: long Vietnamese sentences

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from tiepdan.accounts.models import User
from tiepdan.cases.models import Case
from tiepdan.demo.registry import Demo
from tiepdan.dialogues import services
from tiepdan.dialogues.models import Dialogue, Participant
from tiepdan.directives import services as directive_services
from tiepdan.orgunits.models import OrgUnit

PREFIX = {"26743": "benthanh", "23231": "phuochoi"}
R = Participant.Role


@dataclass
class Story:
    topic: str
    place: str
    groups: list[str]
    citizens: list[tuple[str, str]]
    issues: list[tuple[str, str, str]]
    result: str
    summary: str
    commitments: list[tuple[str, str, int, int]] = field(default_factory=list)


STORIES = {
    "26743": Story(
        topic="Chỉnh trang đô thị, lập lại trật tự vỉa hè khu vực quanh chợ Bến Thành",
        place="Hội trường UBND phường Bến Thành, 92 Nguyễn Thị Nghĩa",
        groups=["Khu phố 1", "Khu phố 2"],
        citizens=[
            ("Trần Thị Mai", "Khu phố 1"),
            ("Lê Văn Phúc", "Khu phố 2"),
            ("Nguyễn Thị Thu Hà", "Khu phố 2"),
        ],
        issues=[
            (
                "Trần Thị Mai",
                "Vỉa hè đường Lê Thánh Tôn bị lấn chiếm để bán hàng, người đi bộ phải đi xuống lòng đường.",
                "Phường sẽ ra quân lập lại trật tự vỉa hè, kiên quyết xử lý trường hợp tái lấn chiếm.",
            ),
            (
                "Lê Văn Phúc",
                "Hẻm 12 Phan Bội Châu thiếu đèn chiếu sáng, buổi tối mất an toàn.",
                "Giao Phòng Kinh tế, Hạ tầng và Đô thị khảo sát, lắp đặt đèn trong tháng.",
            ),
            (
                "Nguyễn Thị Thu Hà",
                "Đề nghị công khai kết quả xử lý các phản ánh về trật tự đô thị.",
                "Kết quả sẽ được công khai trên Trang thông tin điện tử phường hằng tháng.",
            ),
        ],
        result="Thống nhất lộ trình lập lại trật tự vỉa hè; giao các đơn vị thực hiện các nội dung cam kết.",
        summary=(
            "Ngày {date}, Bí thư Đảng ủy phường chủ trì đối thoại với Nhân dân khu phố 1, 2 về "
            "chỉnh trang đô thị quanh chợ Bến Thành. Bà con nêu 3 ý kiến; lãnh đạo phường trả lời "
            "trực tiếp và cam kết các nội dung dưới đây, tiến độ được cập nhật thường xuyên."
        ),
        commitments=[
            ("Ra quân lập lại trật tự vỉa hè đường Lê Thánh Tôn", "ktht", 10, 100),
            ("Lắp đặt đèn chiếu sáng hẻm 12 Phan Bội Châu", "ktht", 20, 40),
            ("Công khai hằng tháng kết quả xử lý phản ánh trật tự đô thị", "vp", 30, 0),
        ],
    ),
    "23231": Story(
        topic="Khắc phục ngập úng khi mưa lớn tại tổ dân phố 3 và 5",
        place="Nhà văn hóa tổ dân phố 5, phường Phước Hội",
        groups=["Tổ dân phố 3", "Tổ dân phố 5"],
        citizens=[
            ("Huỳnh Văn Tài", "Tổ dân phố 3"),
            ("Phan Thị Ngọc", "Tổ dân phố 5"),
            ("Dương Văn Lộc", "Tổ dân phố 5"),
        ],
        issues=[
            (
                "Huỳnh Văn Tài",
                "Mỗi khi mưa lớn, đường Lê Lợi đoạn qua tổ dân phố 3 ngập sâu 30–40 cm.",
                "Phường sẽ nạo vét mương thoát nước trước mùa mưa và kiến nghị tỉnh đầu tư cống mới.",
            ),
            (
                "Phan Thị Ngọc",
                "Mương thoát nước sau chợ bị lấp bởi rác thải sinh hoạt.",
                "Giao Phòng Kinh tế, Hạ tầng và Đô thị phối hợp đơn vị vệ sinh môi trường thu gom ngay.",
            ),
            (
                "Dương Văn Lộc",
                "Đề nghị lắp biển cảnh báo đoạn đường ngập cho người đi đường.",
                "Đồng ý, sẽ lắp biển cảnh báo trong tuần.",
            ),
        ],
        result="Thống nhất các giải pháp trước mắt và lâu dài; giao các đơn vị thực hiện cam kết.",
        summary=(
            "Ngày {date}, Bí thư Đảng ủy phường chủ trì đối thoại với Nhân dân tổ dân phố 3, 5 về "
            "tình trạng ngập úng. Các nội dung đã cam kết và tiến độ thực hiện như sau."
        ),
        commitments=[
            ("Nạo vét mương thoát nước đường Lê Lợi", "ktht", 15, 70),
            ("Thu gom rác thải lấp mương sau chợ Phước Hội", "ktht", 5, 100),
            ("Lắp biển cảnh báo đoạn đường ngập", "vp", 5, 100),
        ],
    ),
}


def _at(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def seed(demo: Demo) -> None:
    today = timezone.localdate()
    for code, ward in demo.wards.items():
        prefix = PREFIX.get(code)
        secretary, chairman = demo.users.get(f"{prefix}.bithu"), demo.users.get(f"{prefix}.chutich")
        if secretary is None or chairman is None or Dialogue.objects.filter(unit=ward).exists():
            continue
        _published(ward, STORIES[code], secretary, chairman, today)
        _complaint(ward, chairman, today)
        _planned(ward, secretary, today)
        demo.say(f"dialogues: {ward.name}")


def _published(ward: OrgUnit, story: Story, secretary: User, chairman: User, today: date) -> None:
    day = today - timedelta(days=26)
    groups = list(OrgUnit.objects.filter(parent=ward, name__in=story.groups))
    dialogue = services.plan_dialogue(
        unit=ward,
        kind=Dialogue.Kind.GENERAL,
        topic=story.topic,
        held_at=_at(day, 8),
        place=story.place,
        chaired_by=secretary,
        actor=secretary,
        residential_groups=groups,
        description="Lắng nghe ý kiến, kiến nghị của Nhân dân và trả lời trực tiếp.",
        today=day - timedelta(days=10),
    )
    services.invite(
        dialogue, name=str(chairman), affiliation="Chủ tịch UBND phường", role=R.OFFICIAL
    )
    services.invite(
        dialogue, name="Võ Minh Đức", affiliation="Chủ tịch Ủy ban MTTQ phường", role=R.OFFICIAL
    )
    for name, group in story.citizens:
        services.invite(dialogue, name=name, affiliation=group, role=R.CITIZEN)
    services.invite(
        dialogue, name="Lê Thị Lan", affiliation="Văn phòng HĐND và UBND", role=R.RECORDER
    )
    services.record_invitations_sent(dialogue, sent_on=day - timedelta(days=7))
    for raised_by, content, answer in story.issues:
        services.add_issue(
            dialogue,
            raised_by=raised_by,
            content=content,
            answer=answer,
            answered_by=str(secretary),
        )
    present = list(dialogue.participants.values_list("pk", flat=True))
    services.record_held(dialogue, attended=present, result=story.result, ended_at=time(10, 30))
    departments = {d.code: d for d in ward.departments.all()}
    for title, dept, wd, percent in story.commitments:
        directive = services.add_commitment(
            dialogue,
            title=title,
            actor=secretary,
            owner_department=departments[dept],
            due_in_working_days=wd,
        )
        if 0 < percent < 100:
            directive_services.record_progress(
                directive, percent=percent, note="Đang triển khai.", actor=secretary
            )
        elif percent == 100:
            from django.core.files.base import ContentFile

            directive_services.complete_directive(
                directive,
                note="Đã hoàn thành, có hình ảnh kèm theo.",
                evidence=ContentFile(b"%PDF-1.4\n%%EOF\n", name="hinh-anh.pdf"),  # type: ignore[arg-type]
                actor=secretary,
                completed_on=day + timedelta(days=5),
            )
    services.publish_summary(dialogue, summary=story.summary.format(date=day.strftime("%d/%m/%Y")))


def _complaint(ward: OrgUnit, chairman: User, today: date) -> None:
    day = today - timedelta(days=12)
    cases = list(Case.objects.filter(unit=ward, kind="complaint")[:1])
    dialogue = services.plan_dialogue(
        unit=ward,
        kind=Dialogue.Kind.COMPLAINT,
        topic="Khiếu nại của bà Nguyễn Thị Hạnh về việc không cấp phép sửa chữa nhà",
        held_at=_at(day, 14),
        place="Phòng họp số 2, UBND phường",
        chaired_by=chairman,
        actor=chairman,
        cases=cases,
        today=day - timedelta(days=10),
        description="Làm rõ nội dung khiếu nại, kết quả xác minh và căn cứ pháp luật.",
    )
    services.invite(
        dialogue, name="Nguyễn Thị Hạnh", affiliation="Người khiếu nại", role=R.COMPLAINANT
    )
    services.invite(
        dialogue,
        name="Phạm Anh Tuấn",
        affiliation="Phòng Kinh tế, Hạ tầng và Đô thị",
        role=R.RESPONDENT,
    )
    services.invite(
        dialogue, name="Võ Minh Đức", affiliation="Chủ tịch Ủy ban MTTQ phường", role=R.RELATED
    )
    services.invite(
        dialogue, name="Lê Thị Lan", affiliation="Văn phòng HĐND và UBND", role=R.RECORDER
    )
    services.record_invitations_sent(dialogue, sent_on=day - timedelta(days=6))
    services.add_issue(
        dialogue,
        raised_by="Nguyễn Thị Hạnh",
        content="Đề nghị cấp phép sửa chữa mái nhà bị dột, không thay đổi kết cấu.",
        answer="Hồ sơ thiếu bản vẽ hiện trạng; phường hướng dẫn bổ sung và giải quyết trong 05 ngày làm việc.",
        answered_by=str(chairman),
    )
    present = list(dialogue.participants.values_list("pk", flat=True))
    services.record_held(
        dialogue,
        attended=present,
        ended_at=time(15, 30),
        minutes_copies=4,
        result="Bà Hạnh đồng ý bổ sung hồ sơ; phường giải quyết cấp phép trong 05 ngày làm việc.",
    )


def _planned(ward: OrgUnit, secretary: User, today: date) -> None:
    services.plan_dialogue(
        unit=ward,
        kind=Dialogue.Kind.GENERAL,
        topic="Đối thoại với hộ kinh doanh về thu gom rác thải và vệ sinh môi trường",
        held_at=_at(today + timedelta(days=17), 8),
        place="Hội trường UBND phường",
        chaired_by=secretary,
        actor=secretary,
        residential_groups=list(OrgUnit.objects.filter(parent=ward, level=OrgUnit.Level.GROUP)[:2]),
    )
