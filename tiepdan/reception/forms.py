"""Forms check the shape of input; the rules live in services and show up as field errors."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tiepdan.accounts.models import User
from tiepdan.citizens.models import Citizen
from tiepdan.orgunits.models import Department
from tiepdan.privacy.consent import ConsentMixin
from tiepdan.reception.models import ReceiptItem, ReceptionDay, ReceptionEntry, ReceptionSchedule
from tiepdan.web.forms import BootstrapMixin

DATE = forms.DateInput(attrs={"type": "date", "class": "form-control"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time", "class": "form-control"}, format="%H:%M")


def leaders_of(unit_id: int | None) -> Any:
    return User.objects.filter(unit_id=unit_id, is_active=True).exclude(post="").order_by("post")


class DayDetailsForm(BootstrapMixin, forms.Form):
    leader = forms.ModelChoiceField(label=_("Leader"), queryset=User.objects.none())
    starts_at = forms.TimeField(label=_("From"), widget=TIME)
    ends_at = forms.TimeField(label=_("Until"), widget=TIME)
    place = forms.CharField(label=_("Place"), max_length=300)
    attendees = forms.CharField(
        label=_("Attendees"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    topics = forms.CharField(
        label=_("Topics"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    capacity = forms.IntegerField(
        label=_("Bookings per day"), min_value=1, max_value=500, initial=20
    )

    def __init__(self, *args: Any, unit_id: int | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["leader"].queryset = leaders_of(unit_id)  # type: ignore[attr-defined]


class DayForm(DayDetailsForm):
    on = forms.DateField(label=_("Date"), widget=DATE)
    adhoc_reason = forms.ChoiceField(
        label=_("Unscheduled session: reason"),
        choices=[("", _("— periodic day, not unscheduled —")), *ReceptionDay.AdhocReason.choices],
        required=False,
    )
    adhoc_note = forms.CharField(label=_("Details of the reason"), max_length=300, required=False)
    mode = forms.ChoiceField(label=_("Form"), choices=ReceptionDay.Mode.choices)
    online_link = forms.URLField(
        label=_("Online meeting link"), required=False, assume_scheme="https"
    )
    field_order = ["leader", "on", "starts_at", "ends_at", "place", "attendees", "topics"]


class ScheduleForm(DayDetailsForm):
    weekday = forms.TypedChoiceField(
        label=_("Weekday"), choices=ReceptionSchedule.Weekday.choices, coerce=int
    )
    weeks_of_month = forms.CharField(
        label=_("Weeks of the month"),
        required=False,
        max_length=20,
        help_text=_("E.g. '2,4' for the 2nd and 4th week, '-1' for the last; empty: every week."),
    )
    valid_from = forms.DateField(label=_("Valid from"), widget=DATE)
    valid_until = forms.DateField(label=_("Valid until"), widget=DATE, required=False)
    generate_until = forms.DateField(
        label=_("Plan the days up to"),
        widget=DATE,
        help_text=_("The days are created as drafts; publish each at least 5 working days ahead."),
    )
    field_order = ["leader", "weekday", "weeks_of_month", "starts_at", "ends_at"]


class LinkTestForm(BootstrapMixin, forms.Form):
    on = forms.DateField(label=_("Connection tested on"), widget=DATE)


class RecordingForm(BootstrapMixin, forms.Form):
    recording = forms.FileField(label=_("Recording of the online session"))


class ReasonForm(BootstrapMixin, forms.Form):
    reason = forms.CharField(label=_("Reason (published)"), max_length=300)


class PostponeForm(ReasonForm):
    new_on = forms.DateField(label=_("New date"), widget=DATE)
    starts_at = forms.TimeField(label=_("From"), widget=TIME, required=False)
    ends_at = forms.TimeField(label=_("Until"), widget=TIME, required=False)


class BookingForm(BootstrapMixin, ConsentMixin):
    field_order = ["full_name", "phone", "id_number", "subject", "consent"]
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    phone = forms.CharField(
        label=_("Phone"), max_length=20, widget=forms.TextInput(attrs={"inputmode": "tel"})
    )
    id_number = forms.CharField(
        label=_("CCCD number (optional)"),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    subject = forms.CharField(label=_("What you want to raise (one line)"), max_length=200)


class CancelBookingForm(BootstrapMixin, forms.Form):
    code = forms.CharField(label=_("Booking code"), max_length=20)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class EntryForm(BootstrapMixin, forms.Form):
    received_on = forms.DateField(label=_("Date"), widget=DATE)
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    address = forms.CharField(label=_("Address"), max_length=300)
    id_kind = forms.ChoiceField(label=_("Identity document"), choices=Citizen.IdKind.choices)
    id_number = forms.CharField(label=_("Document number"), max_length=30, required=False)
    summary = forms.CharField(
        label=_("Summary of the matter"), widget=forms.Textarea(attrs={"rows": 3})
    )
    kind = forms.ChoiceField(label=_("Type"), choices=ReceptionEntry.Kind.choices)
    people_count = forms.IntegerField(
        label=_("People with the same content"), min_value=1, initial=1
    )
    members = forms.CharField(
        label=_("Group members (one name per line)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    representatives = forms.CharField(
        label=_("Representatives (one name per line, from the members)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    appointment_signed = forms.BooleanField(
        label=_("Written appointment of representatives signed by all"), required=False
    )
    prior_handling = forms.CharField(label=_("Bodies that have already handled it"), required=False)
    route = forms.ChoiceField(label=_("Handling"), choices=ReceptionEntry.Route.choices)
    route_body = forms.CharField(
        label=_("Guided or transferred to"), required=False, max_length=300
    )
    route_document = forms.CharField(
        label=_("Guidance or transfer document number"), required=False, max_length=60
    )
    refusal_ground = forms.ChoiceField(
        label=_("Ground for refusal"),
        choices=[("", "—"), *ReceptionEntry.RefusalGround.choices],
        required=False,
    )
    refusal_note = forms.CharField(
        label=_("Details of the refusal"), required=False, max_length=300
    )
    oral_statement = forms.BooleanField(label=_("Oral statement (no letter)"), required=False)
    statement_signed = forms.BooleanField(label=_("Record signed or fingerprinted"), required=False)
    result = forms.CharField(
        label=_("Result tracking"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    notes = forms.CharField(label=_("Notes"), required=False)

    def entry_values(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["members"] = _lines(data["members"])
        data["representatives"] = _lines(data["representatives"])
        return data


class NotifiedForm(BootstrapMixin, forms.Form):
    notified_on = forms.DateField(label=_("Notice sent on"), widget=DATE)
    reference = forms.CharField(label=_("Notice number"), max_length=60, required=False)


AUTO_NUMBER = _("Leave empty to take the unit's next notice number.")


class RefusalNoticeForm(BootstrapMixin, forms.Form):
    number = forms.CharField(
        label=_("Notice number"), max_length=40, required=False, help_text=AUTO_NUMBER
    )
    issued_on = forms.DateField(label=_("Issued on"), widget=DATE)


class ScanForm(BootstrapMixin, forms.Form):
    scan = forms.FileField(label=_("Scan of the signed record"))


class ReceiptForm(BootstrapMixin, forms.Form):
    provider_name = forms.CharField(label=_("Handed over by"), max_length=200)
    provider_id_number = forms.CharField(
        label=_("Their document number"), max_length=30, required=False
    )
    items = forms.CharField(
        label=_("Documents, one per line: description; pages; original / copy / certified"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("E.g. 'Đơn kiến nghị; 2; original'."),
    )

    CONDITIONS = {
        "original": ReceiptItem.Condition.ORIGINAL,
        "ban chinh": ReceiptItem.Condition.ORIGINAL,
        "copy": ReceiptItem.Condition.COPY,
        "ban sao": ReceiptItem.Condition.COPY,
        "photo": ReceiptItem.Condition.COPY,
        "certified": ReceiptItem.Condition.CERTIFIED,
        "sao y": ReceiptItem.Condition.CERTIFIED,
        "ban sao chung thuc": ReceiptItem.Condition.CERTIFIED,
    }

    def clean_items(self) -> list[tuple[str, int, str]]:
        from tiepdan.lib.text import fold

        items: list[tuple[str, int, str]] = []
        for line in _lines(self.cleaned_data["items"]):
            parts = [p.strip() for p in line.split(";")]
            if len(parts) != 3 or not parts[1].isdigit() or fold(parts[2]) not in self.CONDITIONS:
                raise forms.ValidationError(
                    _("Write each line as: description; pages; condition (%(line)s)"),
                    params={"line": line},
                )
            items.append((parts[0], int(parts[1]), str(self.CONDITIONS[fold(parts[2])])))
        return items


class PeriodForm(BootstrapMixin, forms.Form):
    start = forms.DateField(label=_("From"), widget=DATE)
    end = forms.DateField(label=_("To"), widget=DATE)


class ImportForm(BootstrapMixin, forms.Form):
    file = forms.FileField(label=_("Legacy reception book (.xlsx or .csv)"))
    dry_run = forms.BooleanField(label=_("Check only, import nothing"), required=False)


class SessionForm(BootstrapMixin, forms.Form):
    participants = forms.CharField(
        label=_("Who took part"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    raised = forms.CharField(
        label=_("What citizens raised"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    conclusions = forms.CharField(
        label=_("Conclusions of the leader"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )


class ConclusionItemForm(BootstrapMixin, forms.Form):
    content = forms.CharField(label=_("Task"), widget=forms.Textarea(attrs={"rows": 2}))
    owner_department = forms.ModelChoiceField(
        label=_("Owner department"), queryset=Department.objects.none(), required=False
    )
    owner_user = forms.ModelChoiceField(
        label=_("Owner officer"), queryset=User.objects.none(), required=False
    )
    due_on = forms.DateField(label=_("Deadline"), widget=DATE)

    def __init__(self, *args: Any, unit_id: int | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner_department"].queryset = Department.objects.filter(unit_id=unit_id)  # type: ignore[attr-defined]
        people = User.objects.people().filter(unit_id=unit_id, is_active=True)
        self.fields["owner_user"].queryset = people  # type: ignore[attr-defined]


class IssueConclusionsForm(BootstrapMixin, forms.Form):
    number = forms.CharField(
        label=_("Notice number"), max_length=40, required=False, help_text=AUTO_NUMBER
    )
    issued_on = forms.DateField(label=_("Issued on"), widget=DATE)
