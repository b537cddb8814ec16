"""Notices of each decision and the answer, as Word documents in the Decree 30/2020 layout.

Each unit may edit the wording (`NoticeTemplate`); placeholders are names in braces, such as
{citizen_name}, filled from the case. Only plain names are replaced, nothing else is evaluated.
"""

from __future__ import annotations

import re
from datetime import date

from tiepdan.accounts.models import User
from tiepdan.cases.identity import exported, is_protected
from tiepdan.cases.models import Case, Response
from tiepdan.cases.models.settings import NoticeTemplate
from tiepdan.cases.rules import Decision
from tiepdan.lib.docx import OfficialDocument, short_date

PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")

DEFAULTS: dict[str, tuple[str, str, str]] = {
    # kind: (document type, summary line, body)
    NoticeTemplate.Kind.ACCEPT: (
        "THÔNG BÁO",
        "Về việc thụ lý đơn",
        "Ngày {received_on}, {unit_name} nhận được đơn {kind} của {citizen_name}, địa chỉ: "
        "{citizen_address}, về việc: {subject}.\n"
        "Sau khi xem xét, đơn đủ điều kiện thụ lý và thuộc thẩm quyền giải quyết của "
        "{unit_name}. {unit_name} thông báo đã thụ lý đơn (số đăng ký {registration_number}); "
        "thời hạn giải quyết đến ngày {due_on}.\n"
        "Công dân theo dõi tiến độ giải quyết bằng mã tra cứu {tracking_code}.",
    ),
    NoticeTemplate.Kind.TRANSFER: (
        "PHIẾU CHUYỂN ĐƠN",
        "Về việc chuyển đơn",
        "Ngày {received_on}, {unit_name} nhận được đơn {kind} của {citizen_name}, địa chỉ: "
        "{citizen_address}, về việc: {subject}.\n"
        "Căn cứ quy định của pháp luật, nội dung đơn không thuộc thẩm quyền giải quyết của "
        "{unit_name}. {unit_name} chuyển đơn đến {target} để xem xét, giải quyết theo thẩm "
        "quyền và thông báo kết quả cho người gửi đơn.",
    ),
    NoticeTemplate.Kind.GUIDE: (
        "THÔNG BÁO",
        "Về việc hướng dẫn người gửi đơn",
        "Ngày {received_on}, {unit_name} nhận được đơn {kind} của {citizen_name}, địa chỉ: "
        "{citizen_address}, về việc: {subject}.\n"
        "Nội dung đơn không thuộc thẩm quyền giải quyết của {unit_name}. Đề nghị công dân gửi "
        "đơn đến {target} để được xem xét, giải quyết theo quy định.",
    ),
    NoticeTemplate.Kind.ARCHIVE: (
        "THÔNG BÁO",
        "Về việc lưu đơn",
        "Ngày {received_on}, {unit_name} nhận được đơn của {citizen_name} về việc: {subject}.\n"
        "Đơn không đủ điều kiện xử lý vì: {reason}. {unit_name} lưu đơn theo quy định.",
    ),
    NoticeTemplate.Kind.ANSWER: (
        "VĂN BẢN TRẢ LỜI",
        "Về việc trả lời đơn {kind} của công dân",
        "Ngày {received_on}, {unit_name} nhận được đơn {kind} của {citizen_name}, địa chỉ: "
        "{citizen_address}, về việc: {subject}.\n{answer}",
    ),
}

# Numbers are written by hand when the notice is printed before it is registered.
BLANK_NUMBER: dict[str, str] = {
    NoticeTemplate.Kind.ACCEPT: "      /TB-UBND",
    NoticeTemplate.Kind.TRANSFER: "      /PC-UBND",
    NoticeTemplate.Kind.GUIDE: "      /TB-UBND",
    NoticeTemplate.Kind.ARCHIVE: "      /TB-UBND",
    NoticeTemplate.Kind.ANSWER: "      /UBND",
}

DECISION_TEMPLATE = {
    Decision.ACCEPT: NoticeTemplate.Kind.ACCEPT,
    Decision.TRANSFER: NoticeTemplate.Kind.TRANSFER,
    Decision.GUIDE: NoticeTemplate.Kind.GUIDE,
    Decision.ARCHIVE: NoticeTemplate.Kind.ARCHIVE,
}


def fill(text: str, values: dict[str, str]) -> str:
    """Replace {name} placeholders that have a value; leave anything else as written."""
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)


def template_for(case: Case, kind: str) -> tuple[str, str, str]:
    doc_kind, summary, body = DEFAULTS[kind]
    custom = NoticeTemplate.objects.filter(unit_id=case.unit_id, kind=kind).first()
    if custom:
        summary, body = custom.summary, custom.body
    return doc_kind, summary, body


def values_for(case: Case, answer: str = "") -> dict[str, str]:
    first = case.citizens.first()
    reason = case.decision_note or (
        case.get_inadmissible_reason_display() if case.inadmissible_reason else ""
    )
    return {
        "unit_name": case.unit.name,
        "citizen_name": first.full_name if first and not case.is_anonymous else "người gửi đơn",
        "citizen_address": (first.address if first else "") or "không ghi",
        "received_on": short_date(case.received_on),
        "subject": case.subject,
        "kind": str(case.get_kind_display()).lower(),
        "registration_number": case.registration_number,
        "tracking_code": case.code_display,
        "due_on": short_date(case.due_on),
        "target": case.decision_target or "cơ quan có thẩm quyền",
        "decision_number": case.decision_number,
        "reason": reason or "không đủ điều kiện xử lý",
        "answer": answer,
    }


def notice_is_redacted(case: Case) -> bool:
    """A denunciation's transfer slip never names the denouncer, whoever prints it: it goes to
    another body with the letter (Law on Denunciations Arts. 47, 56)."""
    return is_protected(case) and case.decision == Decision.TRANSFER


def _protects_identity(case: Case, kind: str, named: bool) -> bool:
    if not is_protected(case):
        return False
    return kind == NoticeTemplate.Kind.TRANSFER or not named


def _document(
    case: Case, kind: str, on: date, number: str, answer: str = "", *, named: bool = True
) -> bytes:
    """The notice; `named=False` (or a denunciation's transfer slip) gives the redacted copy."""
    doc_kind, summary, body = template_for(case, kind)
    values = values_for(case, answer)
    first = case.citizens.first()
    sender = first.full_name if first and not case.is_anonymous else "Người gửi đơn"
    if _protects_identity(case, kind, named):
        redacted = exported(case)
        values = {k: redacted.text(v) for k, v in values.items()}
        values.update(citizen_name="người tố cáo", citizen_address="được giữ bí mật")
        sender = "Người tố cáo"
    doc = OfficialDocument(
        issuer=f"Ủy ban nhân dân {case.unit.name}".upper(),
        number=number or BLANK_NUMBER[kind],
        place=case.unit.name.replace("Phường ", "").replace("Xã ", ""),
        on=on,
        kind=doc_kind,
        summary=fill(summary, values),
    )
    addressee = case.decision_target if kind == NoticeTemplate.Kind.TRANSFER else sender
    doc.paragraph(f"Kính gửi: {addressee or sender}", align="center", indent=False)
    for line in fill(body, values).splitlines():
        if line.strip():
            doc.paragraph(line.strip())
    recipients = [r for r in (addressee, sender) if r]
    signer = User.objects.filter(unit_id=case.unit_id, post=User.Post.CHAIRMAN).first()
    doc.signature(
        title="Chủ tịch",
        on_behalf="TM. Ủy ban nhân dân",
        name=signer.get_full_name() if signer else "",
        recipients=[*dict.fromkeys(recipients), "Lưu: VT, hồ sơ."],
    )
    return doc.to_bytes()


def decision_notice(case: Case, on: date, *, named: bool = True) -> bytes:
    """The notice of the case's decision (Form 01 acceptance, Form 03 transfer, guide, archive).

    A denunciation's notice names the denouncer only when `named` (the caller may see them)."""
    kind = DECISION_TEMPLATE[Decision(case.decision)]
    return _document(case, kind, case.decided_on or on, case.decision_number, named=named)


def answer_document(response: Response, on: date) -> bytes:
    return _document(response.case, NoticeTemplate.Kind.ANSWER, on, "", response.text)
