"""The minutes of a dialogue as a Word file in the Decree 30/2020 layout.

A complaint dialogue uses the sections of Form 14 (Decree 124/2020, as amended by Decree
155/2026): participants, content, result, closing line with the number of copies, signatures.
"""

from __future__ import annotations

from django.utils import timezone

from tiepdan.dialogues.models import Dialogue, Participant
from tiepdan.dialogues.services import issuer_code
from tiepdan.lib.docx import OfficialDocument

Role = Participant.Role


def _issuer(dialogue: Dialogue) -> tuple[str, str]:
    """(superior line, issuer line) of the title block."""
    name = dialogue.unit.name
    if issuer_code(dialogue) == "ĐU":
        return "", f"ĐẢNG ỦY {name}"
    return "", f"ỦY BAN NHÂN DÂN {name}"


def _participant_lines(doc: OfficialDocument, dialogue: Dialogue, roles: tuple[str, ...]) -> None:
    for p in dialogue.participants.filter(role__in=roles):
        presence = (
            ""
            if p.attended is not False
            else f" (vắng mặt{': ' + p.absence_note if p.absence_note else ''})"
        )
        doc.paragraph(
            f"- Ông/Bà {p.name}{', ' + p.affiliation if p.affiliation else ''}{presence}."
        )


def _opening(doc: OfficialDocument, dialogue: Dialogue) -> None:
    start = timezone.localtime(dialogue.held_at)
    doc.paragraph(
        f"Vào hồi {start:%H} giờ {start:%M} phút, ngày {start:%d} tháng {start:%m} năm {start:%Y}, "
        f"tại {dialogue.place}, tiến hành đối thoại về: {dialogue.topic}."
    )


def _complaint_body(doc: OfficialDocument, dialogue: Dialogue) -> None:
    doc.heading("I. Thành phần tham gia đối thoại")
    sections = [
        ("1. Người giải quyết khiếu nại (người chủ trì đối thoại):", (Role.CHAIR,)),
        ("2. Người khiếu nại hoặc người đại diện, người được ủy quyền:", (Role.COMPLAINANT,)),
        ("3. Người bị khiếu nại:", (Role.RESPONDENT,)),
        (
            "4. Cơ quan, tổ chức, cá nhân có quyền, nghĩa vụ liên quan:",
            (Role.RELATED, Role.OFFICIAL),
        ),
        ("5. Người ghi biên bản:", (Role.RECORDER,)),
    ]
    for title, roles in sections:
        doc.paragraph(title)
        _participant_lines(doc, dialogue, roles)
    doc.heading("II. Nội dung đối thoại")
    if dialogue.description:
        doc.paragraph(dialogue.description)
    _issues(doc, dialogue)
    doc.heading("III. Kết quả đối thoại")
    doc.paragraph(dialogue.result or "")


def _general_body(doc: OfficialDocument, dialogue: Dialogue) -> None:
    doc.heading("I. Thành phần")
    doc.paragraph("1. Chủ trì:")
    _participant_lines(doc, dialogue, (Role.CHAIR,))
    doc.paragraph("2. Đại biểu, cơ quan được mời:")
    _participant_lines(doc, dialogue, (Role.OFFICIAL, Role.RELATED, Role.RESPONDENT))
    doc.paragraph("3. Nhân dân tham dự:")
    _participant_lines(doc, dialogue, (Role.CITIZEN, Role.COMPLAINANT))
    groups = ", ".join(str(g) for g in dialogue.residential_groups.all())
    if groups:
        doc.paragraph(f"Đại diện Nhân dân các khu dân cư: {groups}.")
    doc.paragraph("4. Thư ký:")
    _participant_lines(doc, dialogue, (Role.RECORDER,))
    doc.heading("II. Ý kiến của Nhân dân và trả lời tại buổi đối thoại")
    _issues(doc, dialogue)
    doc.heading("III. Kết luận của người chủ trì")
    doc.paragraph(dialogue.result or "")


def _issues(doc: OfficialDocument, dialogue: Dialogue) -> None:
    for index, issue in enumerate(dialogue.issues.all(), start=1):
        doc.paragraph(f"{index}. Ông/Bà {issue.raised_by} nêu: {issue.content}")
        if issue.answer:
            by = f" ({issue.answered_by})" if issue.answered_by else ""
            doc.paragraph(f"Trả lời{by}: {issue.answer}", italic=True)


def _commitments(doc: OfficialDocument, dialogue: Dialogue) -> None:
    rows = [
        (i, d.title, d.owner_display(), d.due_on)
        for i, d in enumerate(dialogue.commitments.all().order_by("pk"), start=1)
    ]
    if rows:
        doc.heading("IV. Các nội dung giao thực hiện")
        doc.table(
            ["STT", "Nội dung", "Đơn vị, người chủ trì", "Thời hạn"],
            rows,
            widths_cm=[1.2, 8.3, 4.5, 2.5],
        )


def minutes_name(dialogue: Dialogue) -> str:
    """The file name of the minutes, for the page and the API."""
    return f"bien-ban-doi-thoai-{dialogue.held_on:%Y%m%d}-{dialogue.pk}.docx"


def minutes_docx(dialogue: Dialogue) -> bytes:
    """Build the minutes of a held dialogue (Form 14 for a complaint dialogue)."""
    superior, issuer = _issuer(dialogue)
    doc = OfficialDocument(
        issuer=issuer,
        superior=superior,
        number=dialogue.minutes_number,
        place=dialogue.unit.name,
        on=dialogue.held_on,
        kind="BIÊN BẢN ĐỐI THOẠI",
        party=issuer_code(dialogue) == "ĐU",
        summary=""
        if dialogue.is_complaint
        else f"Về việc {dialogue.topic[:1].lower()}{dialogue.topic[1:]}",
    )
    _opening(doc, dialogue)
    (_complaint_body if dialogue.is_complaint else _general_body)(doc, dialogue)
    _commitments(doc, dialogue)
    end = (
        f"{dialogue.ended_at:%H} giờ {dialogue.ended_at:%M} phút"
        if dialogue.ended_at
        else "… giờ … phút"
    )
    doc.paragraph(
        f"Cuộc đối thoại kết thúc vào hồi {end} cùng ngày. Biên bản đã được đọc lại cho những "
        f"người tham gia đối thoại nghe và cùng ký xác nhận. Biên bản được lập thành "
        f"{dialogue.minutes_copies:02d} bản, mỗi bên giữ 01 bản."
    )
    _signatures(doc, dialogue)
    return doc.to_bytes()


def _signatures(doc: OfficialDocument, dialogue: Dialogue) -> None:
    if dialogue.is_complaint:
        headers = ["NGƯỜI KHIẾU NẠI", "NGƯỜI BỊ KHIẾU NẠI", "NGƯỜI GIẢI QUYẾT KHIẾU NẠI"]
        roles = (Role.COMPLAINANT, Role.RESPONDENT, Role.CHAIR)
    else:
        headers = ["THƯ KÝ", "ĐẠI DIỆN NHÂN DÂN", "CHỦ TRÌ"]
        roles = (Role.RECORDER, Role.CITIZEN, Role.CHAIR)
    names = []
    for role in roles:
        person = dialogue.participants.filter(role=role, attended=True).first()
        names.append(person.name if person else "")
    doc.signature_grid(headers, names, "(Ký, ghi rõ họ tên)")
