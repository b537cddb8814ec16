"""Staff pages for the reception book: recording visits, notices, receipts, exports, import."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tiepdan.cases.identity import (
    log_entry_access,
    may_see_entry_identity,
    redact_entries,
    redact_entry,
)
from tiepdan.reception import documents, exports, imports, services
from tiepdan.reception.access import get_day_for, get_entry_for
from tiepdan.reception.forms import (
    EntryForm,
    ImportForm,
    NotifiedForm,
    PeriodForm,
    ReceiptForm,
    RefusalNoticeForm,
    ScanForm,
)
from tiepdan.reception.models import Appointment, Receipt, ReceptionEntry
from tiepdan.reception.services.book import EntryData, ItemData
from tiepdan.web.actions import perform, submit
from tiepdan.web.request import StaffRequest

VIEW = "reception.view_reception"
RECORD = "reception.record_entry"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _period(request: StaffRequest) -> PeriodForm:
    today = timezone.localdate()
    return PeriodForm(request.GET or {"start": today.replace(day=1), "end": today})


@permission_required(VIEW, raise_exception=True)
def book(request: StaffRequest) -> HttpResponse:
    form = _period(request)
    entries: list[ReceptionEntry] = []
    if form.is_valid():
        found = (
            ReceptionEntry.objects.visible_to(request.user)
            .period(form.cleaned_data["start"], form.cleaned_data["end"])
            .select_related("unit")
            .order_by("-received_on", "-number")[:500]
        )
        entries = redact_entries(request.user, found, request.get_full_path())
    return render(
        request,
        "reception/book.html",
        {"form": form, "entries": entries, "today": timezone.localdate()},
    )


def _download(body: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@permission_required("reception.export_book", raise_exception=True)
def export(request: StaffRequest, fmt: str) -> HttpResponse:
    form = _period(request)
    unit = request.user.unit
    if not form.is_valid() or unit is None:
        raise Http404
    start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    entries = ReceptionEntry.objects.visible_to(request.user).period(start, end)
    name = f"so-tiep-cong-dan-{unit.code}-{start:%Y%m%d}-{end:%Y%m%d}"
    if fmt == "xlsx":
        return _download(exports.write_xlsx(entries, unit, start, end), XLSX, f"{name}.xlsx")
    return _download(exports.csv_bytes(entries), "text/csv; charset=utf-8", f"{name}.csv")


@permission_required(RECORD, raise_exception=True)
def entry_create(request: StaffRequest) -> HttpResponse:
    user = request.user
    day = get_day_for(user, request.GET["day"]) if request.GET.get("day") else None  # type: ignore[arg-type]
    appointment = None
    if day and request.GET.get("appointment"):
        appointment = get_object_or_404(Appointment, pk=request.GET["appointment"], day=day)
    initial = {"received_on": day.on if day else timezone.localdate(), "id_kind": "cccd"}
    if appointment:
        initial.update(
            full_name=appointment.full_name,
            id_number=appointment.id_number,
            summary=appointment.subject,
        )
    form = EntryForm(request.POST or None, initial=initial)

    def record(data: dict[str, Any]) -> ReceptionEntry:
        values = EntryData(**form.entry_values(), day=day, appointment=appointment)
        return services.record_entry(user.unit, values, actor=user)  # type: ignore[arg-type, union-attr]

    if request.method == "POST":
        entry = submit(request, form, record).value
        if entry is not None:
            messages.success(
                request,
                _("Entry %(number)s recorded in the reception book.") % {"number": entry.number},
            )
            return redirect(entry)
    return render(
        request, "reception/entry_form.html", {"form": form, "day": day, "appointment": appointment}
    )


def _shows_visitor(request: StaffRequest, entry: ReceptionEntry) -> bool:
    """May the user see who came for `entry` (a denunciation's visitor is protected, rule 19)?
    Each view by someone who may is logged."""
    if not may_see_entry_identity(request.user, entry):
        return False
    log_entry_access(request.user, entry, request.get_full_path())
    return True


def _visitor_document(request: StaffRequest, entry: ReceptionEntry) -> None:
    """Records naming a protected visitor go only to those who may see them."""
    if not _shows_visitor(request, entry):
        raise PermissionDenied(_("This document shows the denouncer's identity."))


@permission_required(VIEW, raise_exception=True)
def entry_detail(request: StaffRequest, pk: int) -> HttpResponse:
    entry = get_entry_for(request.user, pk)
    today = timezone.localdate()
    hidden = not _shows_visitor(request, entry)
    if hidden:
        redact_entry(entry)
    context = {
        "entry": entry,
        "today": today,
        "identity_hidden": hidden,
        "members": [] if hidden else entry.members.all(),
        "receipts": entry.receipts.prefetch_related("items"),
        "refusal": getattr(entry, "refusal_notice", None),
        "notified_form": NotifiedForm(initial={"notified_on": today}),
        "refusal_form": RefusalNoticeForm(initial={"issued_on": today}),
        "scan_form": ScanForm(),
        "overdue": entry.is_notice_overdue(today),
    }
    return render(request, "reception/entry.html", context)


def _entry_action(request: StaffRequest, pk: int, form_class: type, action: object) -> HttpResponse:
    entry = get_entry_for(request.user, pk, write=True)
    form = form_class(request.POST, request.FILES)
    if form.is_valid():
        perform(request, lambda: action(entry, form.cleaned_data), success=_("Saved."))  # type: ignore[operator]
    else:
        messages.error(
            request, "; ".join(str(e) for errors in form.errors.values() for e in errors)
        )
    return redirect(entry)


@require_POST
def entry_notified(request: StaffRequest, pk: int) -> HttpResponse:
    return _entry_action(
        request,
        pk,
        NotifiedForm,
        lambda e, d: services.mark_notified(e, on=d["notified_on"], reference=d["reference"]),
    )


@require_POST
def entry_refusal(request: StaffRequest, pk: int) -> HttpResponse:
    def issue(entry: ReceptionEntry, data: dict) -> None:
        if not hasattr(entry, "refusal_notice"):
            raise Http404
        services.issue_refusal_notice(
            entry.refusal_notice, number=data["number"], issued_on=data["issued_on"]
        )

    return _entry_action(request, pk, RefusalNoticeForm, issue)


@require_POST
def entry_scan(request: StaffRequest, pk: int) -> HttpResponse:
    return _entry_action(
        request, pk, ScanForm, lambda e, d: services.attach_statement_scan(e, d["scan"])
    )


@permission_required(RECORD, raise_exception=True)
def receipt_create(request: StaffRequest, pk: int) -> HttpResponse:
    entry = get_entry_for(request.user, pk, write=True)
    _visitor_document(request, entry)
    form = ReceiptForm(
        request.POST or None,
        initial={"provider_name": entry.full_name, "provider_id_number": entry.id_number},
    )

    def receive(data: dict[str, Any]) -> None:
        services.add_receipt(
            entry,
            officer=request.user,
            received_at=timezone.now(),
            place=str(entry.unit),
            provider_name=data["provider_name"],
            provider_id_number=data["provider_id_number"],
            items=[ItemData(*item) for item in data["items"]],
        )

    if request.method == "POST" and submit(request, form, receive).ok:
        return redirect(entry)
    return render(
        request,
        "reception/form.html",
        {"form": form, "title": _("Receipt of documents (Form 02/TCD)")},
    )


@permission_required(VIEW, raise_exception=True)
def entry_document(request: StaffRequest, pk: int, kind: str) -> HttpResponse:
    entry = get_entry_for(request.user, pk)
    _visitor_document(request, entry)
    if kind == "bien-ban":
        body = documents.oral_statement_record(entry)
    elif kind == "mau-01" and hasattr(entry, "refusal_notice"):
        body = documents.refusal_notice(entry)
    else:
        raise Http404
    return _download(body, DOCX, f"{kind}-{entry.year}-{entry.number}.docx")


@permission_required(VIEW, raise_exception=True)
def receipt_document(request: StaffRequest, pk: int) -> HttpResponse:
    receipt = get_object_or_404(Receipt.objects.select_related("entry__unit", "officer"), pk=pk)
    _visitor_document(request, get_entry_for(request.user, receipt.entry_id))
    return _download(documents.receipt_document(receipt), DOCX, f"bien-nhan-{receipt.pk}.docx")


@permission_required("reception.import_book", raise_exception=True)
def import_book(request: StaffRequest) -> HttpResponse:
    unit = request.user.unit
    if unit is None:
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        report = imports.import_book(
            unit, upload.name, upload.read(), dry_run=form.cleaned_data["dry_run"]
        )
    return render(request, "reception/import.html", {"form": form, "report": report})
