"""Word documents of reception in the Decree 30/2020 layout: the oral-statement record, the
refusal notice (Form 01/TCD), the receipt (Form 02/TCD) and the conclusions notice."""

from __future__ import annotations

from django.utils import timezone

from tiepdan.accounts.models import User
from tiepdan.cases.identity import entry_is_protected, redact_entry
from tiepdan.lib.docx import OfficialDocument, short_date, vn_date
from tiepdan.orgunits.models import OrgUnit
from tiepdan.reception.exports import KIND_LABELS, PROTECTED_VISITOR
from tiepdan.reception.models import LeaderSession, Receipt, ReceptionEntry

PREFIXES = ("Phường ", "Xã ", "Đặc khu ")


def issuer(unit: OrgUnit, post: str = "") -> str:
    """The issuing body: the Party Committee for the Secretary, else the People's Committee."""
    if post == User.Post.SECRETARY:
        return f"Đảng ủy {unit.name}"
    return f"Ủy ban nhân dân {unit.name}"


def chairman_name(unit: OrgUnit) -> str:
    chairman = User.objects.filter(unit=unit, post=User.Post.CHAIRMAN, is_active=True).first()
    return chairman.get_full_name() if chairman else ""


def place(unit: OrgUnit) -> str:
    for prefix in PREFIXES:
        if unit.name.startswith(prefix):
            return unit.name[len(prefix) :]
    return unit.name


def _identity_line(entry: ReceptionEntry) -> str:
    labels = {"cccd": "Số định danh cá nhân/CCCD", "passport": "Hộ chiếu", "other": "Giấy tờ khác"}
    if not entry.id_number:
        return "Giấy tờ tùy thân: không xuất trình"
    return f"{labels.get(entry.id_kind, 'Giấy tờ')}: {entry.id_number}"


def oral_statement_record(entry: ReceptionEntry) -> bytes:
    """The record of an oral statement that the citizen reads, signs or fingerprints (TCD 25)."""
    doc = OfficialDocument(
        issuer=issuer(entry.unit),
        place=place(entry.unit),
        on=entry.received_on,
        kind="BIÊN BẢN",
        summary="Ghi nội dung trình bày trực tiếp của công dân",
    )
    officer = entry.received_by.get_full_name() if entry.received_by else "…………………"
    doc.paragraph(
        f"Vào hồi …… giờ ……, {vn_date(entry.received_on)}, tại {entry.unit.name}, "
        f"cán bộ tiếp công dân {officer} đã tiếp công dân:"
    )
    doc.labelled("Họ và tên", entry.full_name)
    doc.labelled("Địa chỉ", entry.address)
    doc.paragraph(_identity_line(entry))
    if entry.is_group:
        doc.labelled("Số người cùng nội dung", str(entry.people_count))
    doc.heading("Nội dung trình bày:")
    doc.paragraph(entry.summary)
    if entry.prior_handling:
        doc.labelled("Cơ quan đã giải quyết", entry.prior_handling)
    doc.paragraph(
        "Biên bản đã được đọc lại cho công dân nghe, công dân xác nhận đúng nội dung đã trình bày "
        "và ký tên (hoặc điểm chỉ) dưới đây. Biên bản được lập thành 02 bản, công dân giữ 01 bản."
    )
    doc.table(
        ["CÔNG DÂN TRÌNH BÀY", "CÁN BỘ TIẾP CÔNG DÂN"],
        [
            [
                "(Ký, ghi rõ họ tên hoặc điểm chỉ)\n\n\n\n" + entry.full_name,
                "(Ký, ghi rõ họ tên)\n\n\n\n" + officer,
            ]
        ],
    )
    return doc.to_bytes()


def refusal_notice(entry: ReceptionEntry) -> bytes:
    """Form 01/TCD: the written refusal to receive (TCD Art. 9; Decree 154 Art. 4)."""
    notice = entry.refusal_notice
    on = notice.issued_on or timezone.localdate()
    doc = OfficialDocument(
        issuer=issuer(entry.unit),
        number=notice.number or "……/TB-UBND",
        place=place(entry.unit),
        on=on,
        kind="THÔNG BÁO",
        summary="Về việc từ chối tiếp công dân",
    )
    doc.basis(
        [
            "Căn cứ Luật Tiếp công dân ngày 25 tháng 11 năm 2013, được sửa đổi, bổ sung bởi "
            "Luật số 136/2025/QH15",
            "Căn cứ Nghị định số 154/2026/NĐ-CP của Chính phủ quy định chi tiết một số điều của "
            "Luật Tiếp công dân",
        ]
    )
    doc.paragraph(f"Ủy ban nhân dân {entry.unit.name} thông báo từ chối tiếp công dân đối với:")
    doc.labelled("Ông/Bà", entry.full_name)
    doc.paragraph(_identity_line(entry))
    doc.labelled("Địa chỉ", entry.address)
    doc.labelled("Về việc", entry.summary)
    doc.labelled("Lý do từ chối", entry.get_refusal_ground_display())
    if entry.refusal_note:
        doc.paragraph(entry.refusal_note)
    doc.paragraph(
        "Đề nghị Ông/Bà chấp hành đúng quy định của pháp luật về tiếp công dân, khiếu nại, tố cáo."
    )
    doc.signature(
        title="Chủ tịch",
        on_behalf="TM. Ủy ban nhân dân",
        name="",
        recipients=["Như trên", "Lưu: VT, hồ sơ tiếp công dân"],
    )
    return doc.to_bytes()


def receipt_document(receipt: Receipt) -> bytes:
    """Form 02/TCD: each document handed over, its pages and condition; both sign."""
    entry = receipt.entry
    at = timezone.localtime(receipt.received_at)
    doc = OfficialDocument(
        issuer=issuer(entry.unit),
        place=place(entry.unit),
        on=at.date(),
        kind="GIẤY BIÊN NHẬN",
        summary="Thông tin, tài liệu, bằng chứng",
    )
    doc.paragraph(f"Vào hồi {at:%H} giờ {at:%M}, {vn_date(at.date())}, tại {receipt.place}.")
    doc.labelled("Người nhận", f"{receipt.officer.get_full_name()} - cán bộ tiếp công dân")
    doc.labelled("Người cung cấp", receipt.provider_name)
    if receipt.provider_id_number:
        doc.labelled("Số CCCD/Hộ chiếu", receipt.provider_id_number)
    doc.labelled("Địa chỉ", entry.address)
    doc.paragraph("Đã nhận các thông tin, tài liệu, bằng chứng sau:")
    conditions = {
        "original": "Bản chính",
        "copy": "Bản photocopy",
        "certified": "Bản sao có chứng thực",
    }
    doc.table(
        ["STT", "Tên tài liệu", "Số trang", "Tình trạng"],
        [
            [n, item.description, item.pages, conditions.get(item.condition, item.condition)]
            for n, item in enumerate(receipt.items.all(), start=1)
        ],
        widths_cm=[1.2, 9.0, 2.0, 4.0],
    )
    doc.paragraph(
        "Giấy biên nhận được lập thành 02 bản, mỗi bên giữ 01 bản và có giá trị như nhau."
    )
    doc.table(
        ["NGƯỜI CUNG CẤP", "NGƯỜI NHẬN"],
        [
            [
                "(Ký, ghi rõ họ tên hoặc điểm chỉ)\n\n\n\n" + receipt.provider_name,
                "(Ký, ghi rõ họ tên)\n\n\n\n" + receipt.officer.get_full_name(),
            ]
        ],
    )
    return doc.to_bytes()


def conclusions_notice(session: LeaderSession) -> bytes:
    """'Thông báo kết luận việc tiếp công dân' with its tasks, owners and deadlines (ND154 25)."""
    day = session.day
    leader = day.leader
    doc = OfficialDocument(
        issuer=issuer(day.unit, leader.post),
        party=leader.post == User.Post.SECRETARY,
        number=session.notice_number or "……/TB-UBND",
        place=place(day.unit),
        on=session.notice_issued_on or timezone.localdate(),
        kind="THÔNG BÁO",
        summary=f"Kết luận của {leader.position or 'lãnh đạo'} {leader.get_full_name()} "
        f"tại buổi tiếp công dân {vn_date(day.on)}",
    )
    doc.paragraph(
        f"Ngày {day.on:%d/%m/%Y}, tại {day.place}, {leader.position or 'lãnh đạo'} "
        f"{leader.get_full_name()} đã chủ trì tiếp công dân định kỳ."
        if day.kind == "periodic"
        else f"Ngày {day.on:%d/%m/%Y}, tại {day.place}, {leader.get_full_name()} "
        "đã tiếp công dân đột xuất."
    )
    if session.participants:
        doc.labelled("Thành phần tham dự", session.participants)
    entries = list(day.entries.order_by("number"))
    if entries:
        doc.heading("I. Nội dung công dân trình bày")
        for n, entry in enumerate(entries, start=1):
            who = f"{entry.full_name} ({entry.address})"
            if entry_is_protected(entry):  # the notice is sent out: no denouncer named in it
                who = PROTECTED_VISITOR
                redact_entry(entry)
            doc.paragraph(
                f"{n}. {who}: {entry.summary} [{KIND_LABELS.get(entry.kind, entry.kind)}]"
            )
    if session.raised:
        doc.paragraph(session.raised)
    doc.heading("II. Kết luận")
    if session.conclusions:
        doc.paragraph(session.conclusions)
    items = list(session.items.select_related("owner_user", "owner_department"))
    doc.table(
        ["STT", "Nhiệm vụ", "Đơn vị, cá nhân thực hiện", "Thời hạn"],
        [
            [n, item.content, item.owner_display(), short_date(item.due_on)]
            for n, item in enumerate(items, start=1)
        ],
        widths_cm=[1.2, 8.5, 4.5, 2.5],
    )
    doc.paragraph("Đề nghị các cơ quan, đơn vị, cá nhân có liên quan khẩn trương thực hiện.")
    doc.signature(
        title=leader.position or "Chủ tịch",
        name=leader.get_full_name(),
        recipients=["Các cơ quan, đơn vị có tên tại mục II", "Công dân có liên quan", "Lưu: VT"],
    )
    return doc.to_bytes()
