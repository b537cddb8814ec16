"""The denouncer-identity matrix (Law on Denunciations Arts. 9, 47, 56; DOMAIN rule 19).

A denunciation is planted with a distinctive denouncer (name, phone, CCCD, address, e-mail),
written also into the letter, a note, a file name, the answer and a reception-book entry. Then
every page, API operation, management command and staff e-mail that can show a case is
requested by everyone who may not see the denouncer — an officer and a leader not assigned,
the Chairman not resolving it, the unit administrator, the province reader, a superuser, an
integration's API key and an anonymous visitor — and none of those strings may appear in the
body or the file (Word and Excel files are read as text). The resolver and the assigned officer
do see the denouncer where the identity belongs, and each such view writes an IdentityAccess
row.

The walk covers every URL pattern of the project, every operation of the OpenAPI schema and
every management command of the project's apps. Each must be either exercised here or listed
with the reason it never shows a case's senders: a new one that is in neither list fails.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core import mail
from django.core.management import call_command, get_commands
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from docx import Document
from openpyxl import load_workbook

from config.api import api
from conftest import make_user
from tiepdan.accounts import roles
from tiepdan.accounts.models import User
from tiepdan.accounts.tests.test_login_required import ROUTES
from tiepdan.cases import services
from tiepdan.cases.models import Case, IdentityAccess, Response
from tiepdan.cases.rules import Kind
from tiepdan.cases.services import answers, notify
from tiepdan.citizens.models import Citizen
from tiepdan.integrations.tests.factories import bearer, make_key
from tiepdan.lib.text import fold
from tiepdan.lib.uploads import CleanFile
from tiepdan.reception import services as reception
from tiepdan.reception.models import ReceptionDay, ReceptionEntry
from tiepdan.reception.services.book import ItemData
from tiepdan.reception.tests.factories import EntryFactory

pytestmark = pytest.mark.django_db

NAME = "Hoàng Thị Tố Giang"
PHONE = "+84987654321"
CCCD = "079190123456"
EMAIL = "to.giang.bimat@example.vn"
ADDRESS = "số 77 hẻm Thầm Lặng"
LETTER = (
    f"Tôi là {NAME}, CCCD {CCCD}, điện thoại 0987 654 321, e-mail {EMAIL}, trú tại {ADDRESS}. "
    "Tôi tố cáo cán bộ địa chính phường nhận tiền để cấp giấy chứng nhận sai quy định."
)


def leaks(text: str) -> list[str]:
    """The pieces of the planted identity found in `text` (names and addresses without accents
    or case, numbers with any separators)."""
    folded = fold(text)
    found = [s for s in (NAME, ADDRESS, EMAIL) if fold(s) in folded]
    for digits in ("987654321", CCCD):
        if re.search(r"[\s.\-]?".join(digits), text):
            found.append(digits)
    return found


def body_text(response: Any) -> str:
    """A response as text: JSON unescaped, Word and Excel files read, other files decoded."""
    raw = (
        b"".join(response.streaming_content)
        if getattr(response, "streaming", False)
        else response.content
    )
    kind = response.get("Content-Type", "")
    if "json" in kind:
        try:
            return json.dumps(json.loads(raw), ensure_ascii=False)
        except ValueError:
            return raw.decode("utf-8", "replace")
    if raw[:2] == b"PK" and "wordprocessingml" in kind:
        doc = Document(io.BytesIO(raw))
        cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
        return "\n".join([p.text for p in doc.paragraphs] + cells)
    if raw[:2] == b"PK" and "spreadsheetml" in kind:
        book = load_workbook(io.BytesIO(raw), read_only=True)
        return "\n".join(
            str(v) for sheet in book for row in sheet.iter_rows(values_only=True) for v in row
        )
    return raw.decode("utf-8", "replace")


# --- The planted denunciation -----------------------------------------------------------------


@dataclass
class Planted:
    case: Case
    transferred: Case
    similar: Case  # a petition about the same matter: its duplicate panel lists `case`
    entry: ReceptionEntry
    day: ReceptionDay
    citizen: Citizen
    resolver: User
    assignee: User
    registrar: User
    others: dict[str, Client]  # who may not see the denouncer, by persona
    entitled: dict[str, Client]  # who may: the resolver and the assigned officer

    @property
    def attachment_id(self) -> int:
        return self.case.attachments.get().pk

    @property
    def response_id(self) -> int:
        return self.case.responses.get().pk

    @property
    def receipt_id(self) -> int:
        return self.entry.receipts.get().pk


def _client(user: User | None = None, **headers: str) -> Client:
    client = Client(**headers)
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def planted(
    ward_a, officer_a, leader_a, chairman_a, admin_a, province_reader, django_user_model
) -> Planted:
    today = timezone.localdate()
    registrar = make_user("registrar_a", ward_a, roles.RECEPTION_OFFICER)
    resolver = make_user(
        "vice_a", ward_a, roles.LEADER, post=User.Post.VICE_CHAIRMAN, first_name="Phó Chủ tịch"
    )
    assignee = make_user("assignee_a", ward_a, roles.HANDLING_OFFICER, first_name="Thụ lý")
    day = ReceptionDay.objects.create(
        unit=ward_a,
        leader=resolver,
        on=today - timedelta(days=3),
        starts_at=time(7, 30),
        ends_at=time(11),
        place="Phòng tiếp công dân",
        status=ReceptionDay.Status.HELD,
    )
    reception.save_session(day, participants="Phó Chủ tịch", raised="", conclusions="", today=today)
    entry = EntryFactory(
        unit=ward_a,
        day=day,
        received_on=day.on,
        received_by=registrar,
        kind=ReceptionEntry.Kind.DENUNCIATION,
        full_name=NAME,
        address=ADDRESS,
        id_number=CCCD,
        summary=LETTER,
        route=ReceptionEntry.Route.ACCEPT,
        notify_by=today - timedelta(days=1),
        oral_statement=True,
    )
    reception.add_receipt(
        entry,
        officer=registrar,
        received_at=timezone.now(),
        place=str(ward_a),
        provider_name=NAME,
        provider_id_number=CCCD,
        items=[ItemData("Đơn tố cáo", 2, "original")],
    )
    citizen = Citizen.objects.create(
        full_name=NAME, id_number=CCCD, phone=PHONE, email=EMAIL, address=ADDRESS
    )

    def denunciation(*, competent: bool = True) -> Case:
        intake = services.Intake(
            channel=Case.Channel.IN_PERSON,
            kind=Kind.DENUNCIATION,
            subject="Tố cáo cán bộ địa chính nhận tiền",
            content=LETTER,
            received_on=day.on,
            citizens=[(citizen, "submitter")],
            files=[CleanFile(f"don-to-cao-{NAME}.pdf", "application/pdf", LETTER.encode())],
            reception_entry=entry,
        )
        case = services.receive_case(intake, unit=ward_a, actor=registrar, today=day.on)
        classification = services.ClassifyInput(
            kind=Kind.DENUNCIATION, field=None, competent=competent
        )
        services.classify(case, classification, actor=registrar)
        return case

    case = denunciation()
    services.decide(case, actor=resolver, decision="accept", today=today)
    services.assign(case, actor=resolver, officer=assignee)
    services.add_note(case, actor=assignee, text=f"Đã gọi 0987654321 cho bà {NAME}.")
    response = answers.draft_answer(case, actor=assignee, text=f"Kính gửi bà {NAME}: đã xử lý.")
    answers.approve_answer(response, actor=resolver)
    answers.send_answer(response, actor=assignee, today=today)
    transferred = denunciation(competent=False)
    services.decide(
        transferred, actor=resolver, decision="transfer", target="Thanh tra tỉnh", today=today
    )
    similar = services.receive_case(
        services.Intake(
            channel=Case.Channel.IN_PERSON,
            kind=Kind.PETITION,
            subject="Cán bộ địa chính nhận tiền",
            content="Cán bộ địa chính phường nhận tiền để cấp giấy chứng nhận sai quy định.",
            received_on=today,
            citizens=[(Citizen.objects.create(full_name="Trần Văn Khác"), "submitter")],
        ),
        unit=ward_a,
        actor=officer_a,
        today=today,
    )
    root = django_user_model.objects.create_superuser("root", password="pw-for-tests-1")
    _key, plain = make_key(
        ward_a,
        "cases.view_case",
        "cases.answer_case",
        "cases.assign_case",
        "reception.view_reception",
    )
    others = {
        "officer not assigned": _client(officer_a),
        "leader not resolving": _client(leader_a),
        "chairman not resolving": _client(chairman_a),
        "unit admin": _client(admin_a),
        "province reader": _client(province_reader),
        "superuser": _client(root),
        "API key": _client(**bearer(plain)),
        "anonymous": _client(),
    }
    entitled = {"resolver": _client(resolver), "assignee": _client(assignee)}
    case.refresh_from_db()
    return Planted(
        case,
        transferred,
        similar,
        entry,
        day,
        citizen,
        resolver,
        assignee,
        registrar,
        others,
        entitled,
    )


# --- Pages ---------------------------------------------------------------------------------------

Request = str | tuple[str, dict[str, str]]  # a path to GET, or (path, form data) to POST
Paths = Callable[[Planted], list[Request]]


def _url(name: str, *args: Any) -> str:
    return reverse(name, args=args)


def _period(p: Planted) -> str:
    return f"start={p.entry.received_on:%Y-%m-%d}&end={timezone.localdate():%Y-%m-%d}"


def _admin(model: str) -> dict[str, Paths]:
    """The admin pages of a model that holds senders, on the planted record."""

    def pk(p: Planted) -> int:
        return {"cases_case": p.case.pk, "citizens_citizen": p.citizen.pk}.get(model, p.entry.pk)

    return {
        f"admin:{model}_changelist": lambda p: [
            _url(f"admin:{model}_changelist"),
            _url(f"admin:{model}_changelist") + "?q=Giang",
        ],
        f"admin:{model}_add": lambda p: [_url(f"admin:{model}_add")],
        f"admin:{model}_change": lambda p: [_url(f"admin:{model}_change", pk(p))],
        f"admin:{model}_history": lambda p: [_url(f"admin:{model}_history", pk(p))],
        f"admin:{model}_delete": lambda p: [_url(f"admin:{model}_delete", pk(p))],
    }


def _case_action(name: str) -> Paths:
    return lambda p: [_url(name, p.case.pk)]


def _awaiting(p: Planted) -> Response:
    """A second denunciation of the same denouncer, its subject naming her, whose draft awaits
    approval. Another leader resolves it and another officer handles it: no persona of the
    matrix may see who sent it. Made once per planted case (an API walk asks for it per
    persona)."""
    if hasattr(p, "awaiting"):
        return p.awaiting
    today = timezone.localdate()
    resolver = make_user("vice_b_a", p.case.unit, roles.LEADER, post=User.Post.VICE_CHAIRMAN)
    officer = make_user("handler_b_a", p.case.unit, roles.HANDLING_OFFICER)
    intake = services.Intake(
        channel=Case.Channel.IN_PERSON,
        kind=Kind.DENUNCIATION,
        subject=f"Bà {NAME} tố cáo cán bộ thu tiền sai quy định",
        content=LETTER,
        received_on=today,
        citizens=[(p.citizen, "submitter")],
    )
    case = services.receive_case(intake, unit=p.case.unit, actor=officer, today=today)
    services.classify(
        case, services.ClassifyInput(kind=Kind.DENUNCIATION, field=None), actor=officer
    )
    services.decide(case, actor=resolver, decision="accept", today=today)
    services.assign(case, actor=resolver, officer=officer)
    draft = answers.draft_answer(case, actor=officer, text=f"Kính gửi bà {NAME}: đã xác minh.")
    p.awaiting = answers.submit_answer(draft, actor=officer)
    return p.awaiting


def _approval_queue(p: Planted) -> list[Request]:
    _awaiting(p)
    return [_url("cases:approvals")]


def _return_refused(p: Planted) -> list[Request]:
    """A return without a comment: the case page again, with the error on the comment."""
    return [(_url("cases:return", _awaiting(p).pk), {"return-comment": " "})]


#: Pages the matrix requests, by URL name. Every persona that may not see the denouncer is
#: refused the identity on each of them.
EXERCISED: dict[str, Paths] = {
    "cases:list": lambda p: [
        "/don-thu/?view=all",
        "/don-thu/?view=all&q=Giang",
        "/don-thu/?view=all&q=hoang+thi+to+giang",
        "/don-thu/?view=all&q=0987654321",
        f"/don-thu/?view=all&q={CCCD}",
        "/don-thu/?view=overdue",
    ],
    "cases:new": lambda p: [_url("cases:new") + f"?entry={p.entry.pk}"],
    "cases:detail": lambda p: [
        _url("cases:detail", p.case.pk),
        _url("cases:detail", p.similar.pk),
    ],
    **{
        f"cases:{action}": _case_action(f"cases:{action}")
        for action in (
            "classify",
            "decide",
            "assign",
            "extend",
            "complex",
            "suspend",
            "resume",
            "note",
            "answer",
        )
    },
    "cases:notice": lambda p: [
        _url("cases:notice", p.case.pk),
        _url("cases:notice", p.transferred.pk),
    ],
    "cases:response_document": lambda p: [_url("cases:response_document", p.response_id)],
    "cases:attachment": lambda p: [_url("cases:attachment", p.attachment_id)],
    "cases:identity_log": lambda p: [_url("cases:identity_log")],
    "cases:approvals": _approval_queue,
    "cases:return": _return_refused,
    "cases:receipt": lambda p: [_url("cases:receipt", p.case.tracking_code)],
    "cases:track": lambda p: [_url("cases:track") + f"?code={p.case.tracking_code}"],
    "cases:track_case": lambda p: [_url("cases:track_case", p.case.tracking_code)],
    "cases:rate": lambda p: [_url("cases:rate", p.case.tracking_code)],
    "cases:reopen": lambda p: [_url("cases:reopen", p.case.tracking_code)],
    "reception:home": lambda p: [_url("reception:home")],
    "reception:day": lambda p: [_url("reception:day", p.day.pk)],
    "reception:session": lambda p: [_url("reception:session", p.day.pk)],
    "reception:conclusions_docx": lambda p: [_url("reception:conclusions_docx", p.day.pk)],
    "reception:book_list": lambda p: [_url("reception:book_list") + "?" + _period(p)],
    "reception:export": lambda p: [
        _url("reception:export", "xlsx") + "?" + _period(p),
        _url("reception:export", "csv") + "?" + _period(p),
    ],
    "reception:entry": lambda p: [_url("reception:entry", p.entry.pk)],
    "reception:entry_notified": lambda p: [_url("reception:entry_notified", p.entry.pk)],
    "reception:entry_refusal": lambda p: [_url("reception:entry_refusal", p.entry.pk)],
    "reception:entry_scan": lambda p: [_url("reception:entry_scan", p.entry.pk)],
    "reception:receipt_create": lambda p: [_url("reception:receipt_create", p.entry.pk)],
    "reception:entry_document": lambda p: [
        _url("reception:entry_document", p.entry.pk, "bien-ban")
    ],
    "reception:receipt_document": lambda p: [_url("reception:receipt_document", p.receipt_id)],
    **{
        f"cases:{action}": _case_action(f"cases:{action}")
        for action in ("mark_duplicate", "unmark_duplicate", "group_matter", "leave_matter")
    },
    "cases:similar_published": lambda p: [
        (
            _url("cases:similar_published", p.case.unit.code),
            {"subject": "Tố cáo cán bộ địa chính nhận tiền", "content": LETTER},
        )
    ],
    "cases:publish": lambda p: [_url("cases:publish", p.case.pk)],
    "cases:unpublish": lambda p: [_url("cases:unpublish", p.case.pk)],
    "cases:published_list": lambda p: [_url("cases:published_list", p.case.unit.code)],
    "cases:published_detail": lambda p: [_url("cases:published_detail", p.case.pk)],
    "open311:requests": lambda p: ["/open311/v2/requests.json"],
    "open311:request": lambda p: [f"/open311/v2/requests/{p.case.tracking_code}.json"],
    "open311:token": lambda p: [f"/open311/v2/tokens/{p.case.tracking_code}.json"],
    **_admin("cases_case"),
    **_admin("citizens_citizen"),
    **_admin("reception_receptionentry"),
}

#: Of those, the pages that show the denouncer to the resolver and the assigned officer (and
#: log it). Everything else stays redacted even for them: exports, the transfer slip, the
#: conclusions notice, the admin.
SHOWN_TO_ENTITLED: dict[str, Paths] = {
    "cases:detail": lambda p: [_url("cases:detail", p.case.pk)],
    "cases:notice": lambda p: [_url("cases:notice", p.case.pk)],
    "cases:response_document": lambda p: [_url("cases:response_document", p.response_id)],
    "cases:attachment": lambda p: [_url("cases:attachment", p.attachment_id)],
    "reception:entry": lambda p: [_url("reception:entry", p.entry.pk)],
    "reception:entry_document": lambda p: [
        _url("reception:entry_document", p.entry.pk, "bien-ban")
    ],
    "reception:receipt_document": lambda p: [_url("reception:receipt_document", p.receipt_id)],
    "reception:book_list": lambda p: [_url("reception:book_list") + "?" + _period(p)],
    "reception:day": lambda p: [_url("reception:day", p.day.pk)],
    "reception:home": lambda p: [_url("reception:home")],
}

_NO_CASE = "shows no case and no reception-book entry"
#: Pages that never show a case's senders, with the reason.
NEVER_SHOWS: dict[str, str] = {
    "public:home": "the public front page: unit figures and links",
    "public:healthz": "a health check",
    "set_language": "switches the language",
    **{
        f"accounts:{n}": "staff accounts: " + _NO_CASE
        for n in (
            "home",
            "login",
            "logout",
            "password_change",
            "password_change_done",
            "two_factor",
            "user_list",
            "user_create",
            "user_edit",
            "user_set_active",
            "user_password",
            "user_reset_two_factor",
            "user_unlock",
        )
    },
    "workcalendar:year": "the working-day calendar",
    "workcalendar:edit": "the working-day calendar",
    "workcalendar:delete": "the working-day calendar",
    **{
        f"reception:{n}": "public reception schedule and bookings (a booking is not a book "
        "entry and has no kind): " + _NO_CASE
        for n in ("index", "schedule", "unit_feed", "leader_feed", "book", "booking", "cancel")
    },
    **{
        f"reception:{n}": "reception days and schedules: no visitor is listed"
        for n in (
            "days",
            "day_create",
            "days_publish",
            "schedule_create",
            "day_publish",
            "day_postpone",
            "day_cancel",
            "day_link_test",
            "day_recording",
        )
    },
    "reception:attendance": "POST only: marks a booking attended, redirects",
    "reception:import": "the import form; its report lists row numbers and errors only",
    "reception:entry_create": "an empty entry form (a booking's name at most, never a book entry)",
    "reception:compliance": "Regulation 11 figures per leader",
    "cases:bulk_assign": "POST only: assigns, then redirects to the list",
    "cases:settings": "the unit's fields, periods and notice wording",
    "cases:close": "POST only: closes, then redirects to the case page",
    "cases:submit": "POST only: submits the draft, then redirects to the case page",
    "cases:approve": "POST only: approves the answer, then redirects to the case page; the "
    "edit box (and its error) is only for those who may see the denouncer",
    "cases:send": "POST only: sends the answer, then redirects to the case page",
    "cases:public_new": "the citizen's empty online form",
    "open311:discovery": "Open311 discovery document",
    "open311:services": "Open311 service list (the unit's fields)",
    "open311:service": "Open311 service definition",
    "integrations:key_list": "API keys of the unit",
    "integrations:key_revoke": "API keys of the unit",
    "api:openapi-json": "the API schema",
    "api:openapi-view": "the API documentation page",
    "api:api-root": "answers 404",
    **{
        f"{app}:{n}": f"{app}: " + _NO_CASE
        for app, names in {
            "directives": (
                "board",
                "mine",
                "create",
                "detail",
                "progress",
                "complete",
                "cancel",
                "evidence",
            ),
            "dialogues": (
                "list",
                "plan",
                "detail",
                "invite",
                "invitations_sent",
                "held",
                "add_issue",
                "add_commitment",
                "publish",
                "cancel",
                "minutes",
                "public_list",
                "public_detail",
            ),
            "mediation": (
                "home",
                "book",
                "team_new",
                "team",
                "team_add_mediator",
                "team_retire",
                "team_leader",
                "team_report",
                "case_new",
                "case",
                "case_assign",
                "case_session",
                "case_outcome",
                "case_agreement",
                "case_agreement_docx",
                "case_follow_up",
                "case_refer",
            ),
            "targets": (
                "list",
                "programme",
                "target_new",
                "target_edit",
                "export",
                "import",
                "rating",
                "enter_result",
            ),
        }.items()
        for n in names
    },
    **{
        f"reports:{n}": "reports and dashboards: figures (counts by kind, status, period, unit)"
        for n in ("list", "dashboard", "settings", "detail", "status", "download", "public")
    },
    **{
        f"privacy:{n}": "the privacy notice and data-subject requests: a person's own request, "
        "linked to no case"
        for n in (
            "notice",
            "request_new",
            "request_sent",
            "requests",
            "request",
            "request_create",
            "acknowledge",
            "close",
        )
    },
    **{
        f"notifications:{n}": "a person's own notifications: a case's number and a link, never "
        "its content or senders (tiepdan.notifications.kinds refuses other parameters)"
        for n in ("list", "open", "mark_read", "mark_all_read", "preferences")
    },
    "notifications:outbox": "the demo's outbox: a demo install's superusers only, who see every "
    "record anyway",
    "admin:auth_user_password_change": "sets a staff account's password",
    "admin:otp_totp_totpdevice_config": "two-factor device set-up",
    "admin:otp_totp_totpdevice_qrcode": "two-factor device set-up",
    # The admin's own pages.
    **{
        f"admin:{n}": "the admin's own pages: " + _NO_CASE
        for n in (
            "index",
            "login",
            "logout",
            "password_change",
            "password_change_done",
            "jsi18n",
            "app_list",
            "view_on_site",
            "autocomplete",
        )
    },
}

#: Admin pages of models that hold no case senders (admin:<app>_<model>_<page>).
ADMIN_WITHOUT_SENDERS = {
    "auth_group": "roles",
    "otp_totp_totpdevice": "two-factor devices",
    "axes_accessattempt": "sign-in attempts",
    "axes_accesslog": "sign-in log",
    "axes_accessfailurelog": "sign-in failures",
    "orgunits_orgunit": "units",
    "orgunits_department": "departments",
    "accounts_user": "staff accounts",
    "workcalendar_holiday": "holidays",
    "directives_directive": "directives",
    "reception_receptionminimum": "reception minimums",
    "reception_receptionschedule": "reception schedules",
    "reception_receptionday": "reception days",
    "cases_field": "case fields",
    "cases_casepolicy": "case periods",
    "cases_noticetemplate": "notice wording",
    "dialogues_dialogue": "dialogues",
    "mediation_mediationteam": "mediation teams",
    "mediation_mediationcase": "mediation cases (not denunciations)",
    "mediation_agreement": "mediation agreements",
    "targets_programme": "work programmes",
    "targets_targetresult": "target results",
    "targets_unitrating": "unit ratings",
    "reports_reportsettings": "report settings",
    "reports_generatedreport": "report files (figures)",
    "integrations_apikey": "API keys",
    "privacy_consent": "consents: form, record number, notice version and time, no person",
    "privacy_datasubjectrequest": "data-subject requests: a person's own request, no case",
}


def _classification(name: str) -> str | None:
    """Why `name` is covered ("exercised" or the reason it never shows senders), else None."""
    if name in EXERCISED:
        return "exercised"
    if name in NEVER_SHOWS:
        return NEVER_SHOWS[name]
    if name.startswith("api:"):
        return "an API operation: classified by the OpenAPI walk below"
    if name.startswith("admin:<unnamed "):
        return "the admin's redirects: to an object's change page (classified) or the index"
    match = re.fullmatch(r"admin:(\w+?)_(changelist|add|change|history|delete)", name)
    for model, reason in ADMIN_WITHOUT_SENDERS.items():
        if match and match.group(1) == model:
            return reason
    return None


def test_every_url_is_exercised_or_listed_with_a_reason():
    missing = sorted(f"{r.name} ({r.path})" for r in ROUTES if _classification(r.name) is None)
    assert not missing, (
        "These pages are not in the denouncer-identity matrix. If a page can show a case or "
        "its senders, add it to EXERCISED in tiepdan/cases/tests/test_identity_paths.py (and "
        "redact it through tiepdan.cases.identity); otherwise add it to NEVER_SHOWS with the "
        f"reason: {missing}"
    )


def test_the_lists_name_only_existing_pages():
    names = {r.name for r in ROUTES}
    assert set(EXERCISED) <= names, set(EXERCISED) - names
    assert set(SHOWN_TO_ENTITLED) <= set(EXERCISED)


def _requests(client: Client, requests: list[Request]) -> list[tuple[str, Any]]:
    done = []
    for request in requests:
        if isinstance(request, str):
            done.append((request, client.get(request)))
        else:
            done.append((request[0], client.post(*request)))
    return done


def _shown(path: str, response: Any) -> str:
    """The response's text without what the request itself typed (a search box shows its own
    words back): only what the system adds counts."""
    text = body_text(response)
    for value in parse_qs(urlsplit(path).query).values():
        for typed in value:
            text = text.replace(typed, "").replace(escape(typed), "")
    return text


@pytest.mark.parametrize("name", sorted(EXERCISED))
def test_a_page_never_shows_the_denouncer_to_those_who_may_not_see_it(planted, name):
    paths = EXERCISED[name](planted)
    found = {
        f"{who} {path} ({response.status_code})": leaks(_shown(path, response))
        for who, client in planted.others.items()
        for path, response in _requests(client, paths)
    }
    found = {k: v for k, v in found.items() if v}
    assert not found, found
    if name not in SHOWN_TO_ENTITLED:  # redacted for everyone, the entitled too
        found = {
            f"{who} {path}": leaks(_shown(path, response))
            for who, client in planted.entitled.items()
            for path, response in _requests(client, paths)
        }
        assert not {k: v for k, v in found.items() if v}, found


@pytest.mark.parametrize("name", sorted(SHOWN_TO_ENTITLED))
def test_a_page_shows_the_denouncer_to_the_resolver_and_assignee_and_logs_it(planted, name):
    for who, client in planted.entitled.items():
        for path, response in _requests(client, SHOWN_TO_ENTITLED[name](planted)):
            assert response.status_code == 200, (who, path)
            assert leaks(body_text(response)), (who, path)
            user = planted.resolver if who == "resolver" else planted.assignee
            assert IdentityAccess.objects.filter(user=user, path=path).exists(), (who, path)


SEARCHES = ["Giang", "hoang thi to giang", "0987654321", CCCD, EMAIL]


def test_searching_for_the_denouncer_finds_the_case_only_for_those_who_may_see_it(planted):
    """The staff list's and the API's ?q= never match a denouncer for the others (search.py
    filters with identity_visible_q); the resolver finds the case by the denouncer's name."""
    link = _url("cases:detail", planted.case.pk)
    for q in SEARCHES:
        for who, client in planted.others.items():
            page = client.get("/don-thu/", {"view": "all", "q": q})
            assert link not in body_text(page), (who, q)
            api = client.get(f"{V1}/cases", {"view": "all", "q": q})
            items = api.json().get("items", []) if api.status_code == 200 else []
            assert planted.case.pk not in [i["id"] for i in items], (who, q)
    resolver = planted.entitled["resolver"]
    assert link in body_text(resolver.get("/don-thu/", {"view": "all", "q": "hoang thi to giang"}))
    api = resolver.get(f"{V1}/cases", {"view": "all", "q": "hoang thi to giang"}).json()
    assert planted.case.pk in [i["id"] for i in api["items"]]


def test_a_registering_officer_sees_the_entry_they_recorded(planted):
    response = _client(planted.registrar).get(_url("reception:entry", planted.entry.pk))
    assert NAME in body_text(response)


# --- API operations -----------------------------------------------------------------------------

ApiCall = tuple[str, str, dict[str, Any] | None]  # method, path, JSON body
ApiCalls = Callable[[Planted], list[ApiCall]]

V1 = "/api/v1"

EXERCISED_API: dict[str, ApiCalls] = {
    "GET /api/v1/cases": lambda p: [
        ("get", f"{V1}/cases?view=all", None),
        ("get", f"{V1}/cases?view=all&q=Giang", None),
        ("get", f"{V1}/cases?view=all&q=0987654321", None),
        ("get", f"{V1}/cases?view=all&q={CCCD}", None),
        ("get", f"{V1}/cases?updated_since=2000-01-01T00:00:00Z", None),
    ],
    "GET /api/v1/cases/{case_id}": lambda p: [("get", f"{V1}/cases/{p.case.pk}", None)],
    "GET /api/v1/cases/{case_id}/events": lambda p: [
        ("get", f"{V1}/cases/{p.case.pk}/events", None)
    ],
    "POST /api/v1/cases/{case_id}/classify": lambda p: [
        ("post", f"{V1}/cases/{p.transferred.pk}/classify", {"kind": "denunciation"})
    ],
    "POST /api/v1/cases/{case_id}/decide": lambda p: [
        ("post", f"{V1}/cases/{p.case.pk}/decide", {"decision": "accept"})
    ],
    "POST /api/v1/cases/{case_id}/assign": lambda p: [
        ("post", f"{V1}/cases/{p.case.pk}/assign", {"officer_id": p.assignee.pk})
    ],
    "POST /api/v1/cases/{case_id}/notes": lambda p: [
        ("post", f"{V1}/cases/{p.case.pk}/notes", {"text": "Đã xem hồ sơ."})
    ],
    "POST /api/v1/cases/{case_id}/answer": lambda p: [
        ("post", f"{V1}/cases/{p.case.pk}/answer", {"text": "Dự thảo."})
    ],
    "POST /api/v1/responses/{response_id}/approve": lambda p: [
        ("post", f"{V1}/responses/{p.response_id}/approve", None)
    ],
    "GET /api/v1/responses/awaiting-approval": lambda p: [
        ("get", f"{V1}/responses/awaiting-approval", None) for _draft in [_awaiting(p)]
    ],
    "POST /api/v1/responses/{response_id}/submit": lambda p: [
        ("post", f"{V1}/responses/{p.response_id}/submit", None)
    ],
    # The first leader returns it: the answer comes back with her name in the draft and in the
    # comment, both redacted; the others are refused (already returned, or no capability).
    "POST /api/v1/responses/{response_id}/return": lambda p: [
        (
            "post",
            f"{V1}/responses/{_awaiting(p).pk}/return",
            {"comment": f"Bỏ tên bà {NAME} và số 0987654321 khỏi văn bản."},
        )
    ],
    "POST /api/v1/responses/{response_id}/send": lambda p: [
        ("post", f"{V1}/responses/{p.response_id}/send", None)
    ],
    "GET /api/v1/cases/{case_id}/duplicates": lambda p: [
        ("get", f"{V1}/cases/{p.similar.pk}/duplicates", None),
        ("get", f"{V1}/cases/{p.case.pk}/duplicates", None),
    ],
    "POST /api/v1/cases/{case_id}/duplicate-of": lambda p: [
        ("post", f"{V1}/cases/{p.similar.pk}/duplicate-of", {"original_id": p.case.pk})
    ],
    "DELETE /api/v1/cases/{case_id}/duplicate-of": lambda p: [
        ("delete", f"{V1}/cases/{p.similar.pk}/duplicate-of", None)
    ],
    "GET /api/v1/reception/entries": lambda p: [("get", f"{V1}/reception/entries", None)],
    "GET /api/v1/reception/entries/{entry_id}": lambda p: [
        ("get", f"{V1}/reception/entries/{p.entry.pk}", None)
    ],
    "GET /api/v1/published-answers": lambda p: [("get", f"{V1}/published-answers", None)],
    "GET /api/v1/published-answers/{case_id}": lambda p: [
        ("get", f"{V1}/published-answers/{p.case.pk}", None)
    ],
}

API_SHOWN_TO_ENTITLED: dict[str, ApiCalls] = {
    "GET /api/v1/cases/{case_id}": EXERCISED_API["GET /api/v1/cases/{case_id}"],
    "GET /api/v1/cases/{case_id}/events": EXERCISED_API["GET /api/v1/cases/{case_id}/events"],
}

_API_NO_CASE = "returns no case and no reception-book entry"
NEVER_SHOWS_API: dict[str, str] = {
    "GET /api/v1/me": "the caller's own account",
    "POST /api/v1/cases": "registers a case: the caller gets back what they just sent",
    "GET /api/v1/cases/fields": "the unit's case fields",
    "POST /api/v1/reception/entries": "records a visit: the caller gets back what they sent",
    **{
        op: "reception days and bookings: " + _API_NO_CASE
        for op in (
            "GET /api/v1/reception/schedules",
            "POST /api/v1/reception/schedules",
            "GET /api/v1/reception/days",
            "POST /api/v1/reception/days",
            "GET /api/v1/reception/days/{day_id}",
            "POST /api/v1/reception/days/{day_id}/publish",
            "POST /api/v1/reception/days/{day_id}/postpone",
            "POST /api/v1/reception/days/{day_id}/cancel",
            "GET /api/v1/reception/days/{day_id}/bookings",
            "POST /api/v1/reception/days/{day_id}/bookings",
        )
    },
}
#: Whole API areas that never hold a case's senders.
API_AREAS_WITHOUT_SENDERS = {
    "/api/v1/directives": "directives: " + _API_NO_CASE,
    "/api/v1/dialogues": "dialogues: " + _API_NO_CASE,
    "/api/v1/mediation": "mediation cases (not denunciations): " + _API_NO_CASE,
    "/api/v1/targets": "work programmes: " + _API_NO_CASE,
    "/api/v1/reports": "reports: figures only",
    "/api/v1/privacy": "data-subject requests: a person's own request, linked to no case",
}


def _operations() -> list[str]:
    schema = api.get_openapi_schema()
    return [
        f"{method.upper()} {path}"
        for path, ops in schema["paths"].items()
        for method in ops
        if method in ("get", "post", "put", "patch", "delete")
    ]


def _api_classification(op: str) -> str | None:
    if op in EXERCISED_API:
        return "exercised"
    if op in NEVER_SHOWS_API:
        return NEVER_SHOWS_API[op]
    path = op.split(" ", 1)[1]
    for prefix, reason in API_AREAS_WITHOUT_SENDERS.items():
        if path == prefix or path.startswith(prefix + "/"):
            return reason
    return None


def test_every_api_operation_is_exercised_or_listed_with_a_reason():
    missing = sorted(op for op in _operations() if _api_classification(op) is None)
    assert not missing, (
        "These API operations are not in the denouncer-identity matrix. If one can return a "
        "case or its senders, add it to EXERCISED_API in tiepdan/cases/tests/"
        "test_identity_paths.py (and redact through tiepdan.cases.identity); otherwise add it "
        f"to NEVER_SHOWS_API with the reason: {missing}"
    )


def test_the_api_lists_name_only_existing_operations():
    operations = set(_operations())
    assert set(EXERCISED_API) <= operations, set(EXERCISED_API) - operations


def _call(client: Client, call: ApiCall) -> Any:
    method, path, body = call
    if method in ("get", "delete"):
        return getattr(client, method)(path)
    return client.post(path, json.dumps(body or {}), content_type="application/json")


@pytest.mark.parametrize("op", sorted(EXERCISED_API))
def test_an_api_operation_never_returns_the_denouncer_to_those_who_may_not_see_it(planted, op):
    found = {}
    for who, client in planted.others.items():
        for call in EXERCISED_API[op](planted):
            response = _call(client, call)
            found[f"{who} {call[1]} ({response.status_code})"] = leaks(_shown(call[1], response))
    found = {k: v for k, v in found.items() if v}
    assert not found, found


@pytest.mark.parametrize("op", sorted(API_SHOWN_TO_ENTITLED))
def test_an_api_operation_shows_the_denouncer_to_the_resolver_and_assignee_and_logs_it(planted, op):
    for who, client in planted.entitled.items():
        for call in API_SHOWN_TO_ENTITLED[op](planted):
            response = _call(client, call)
            assert response.status_code == 200, (who, call)
            assert leaks(body_text(response)), (who, call)
            user = planted.resolver if who == "resolver" else planted.assignee
            assert IdentityAccess.objects.filter(user=user, via="api").exists(), (who, call)


# --- Management commands, exports and staff e-mails ------------------------------------------

COMMANDS_WITHOUT_SENDERS = {
    "import_reception_book": "reads a book into the database; prints counts and row errors",
    "check_directive_deadlines": "directives: no case",
    "import_old_units": "units",
    "import_province": "units",
    "create_api_key": "prints the new key",
    "demo_logins": "demo accounts",
    "seed_demo": "creates demo data; prints counts",
    "make_report": "reports: figures only",
    "export_mediation_book": "the mediation log book: mediation cases, never denunciations",
    "apply_retention": "prints counts of records purged or anonymised per record type",
    "rotate_data_key": "prints counts of rows re-encrypted",
}


def _project_commands() -> list[str]:
    return sorted(name for name, app in get_commands().items() if app.startswith("tiepdan"))


def test_every_command_is_exercised_or_listed_with_a_reason():
    exercised = {"export_reception_book", "check_deadlines"}
    missing = [
        n for n in _project_commands() if n not in exercised and n not in COMMANDS_WITHOUT_SENDERS
    ]
    assert not missing, (
        "These management commands are not in the denouncer-identity matrix: exercise them in "
        "tiepdan/cases/tests/test_identity_paths.py if they can output a case's senders, or "
        f"add them to COMMANDS_WITHOUT_SENDERS with the reason: {missing}"
    )


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_the_reception_book_export_command_never_names_a_denouncer(planted, tmp_path, suffix):
    output = tmp_path / f"book.{suffix}"
    call_command(
        "export_reception_book",
        f"--unit={planted.entry.unit.code}",
        f"--from={planted.entry.received_on - timedelta(days=1)}",
        f"--to={timezone.localdate()}",
        f"--output={output}",
        stdout=io.StringIO(),
    )
    if suffix == "xlsx":
        book = load_workbook(output, read_only=True)
        text = "\n".join(str(v) for s in book for r in s.iter_rows(values_only=True) for v in r)
    else:
        text = "\n".join(",".join(row) for row in csv.reader(output.open(encoding="utf-8")))
    assert "Tố cáo" in text and not leaks(text)


def test_staff_e_mails_never_name_a_denouncer(planted, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    for user in User.objects.filter(unit=planted.case.unit):
        user.email = f"{user.username}@phuong.example.vn"
        user.save(update_fields=["email"])
    mail.outbox.clear()
    case = planted.case
    Case.objects.filter(pk=case.pk).update(subject=f"Đơn của {NAME}", due_on=date(2020, 1, 1))
    case.refresh_from_db()
    notify.remind(case)
    notify.escalate(case)
    notify.digest(planted.assignee, [case], [case])
    call_command("check_deadlines", stdout=io.StringIO())
    staff = [m for m in mail.outbox if EMAIL not in m.to]
    assert staff
    assert not [m.subject for m in staff if leaks(f"{m.subject}\n{m.body}")]
