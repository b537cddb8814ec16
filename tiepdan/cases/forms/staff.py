"""The staff's case forms: intake, classification, decisions, assignment, notes, answers, the
work list's filter. Forms check the shape of input; the rules are in services and rules."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Case as Case_
from django.db.models import Count, OuterRef, Subquery, When
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tiepdan.accounts.models import User
from tiepdan.cases.forms.common import (
    CitizenFieldsMixin,
    MultipleFileField,
    UnitFieldChoice,
    choice,
)
from tiepdan.cases.models import Case, Status
from tiepdan.cases.models.settings import Field
from tiepdan.cases.rules import ComplexReason, Decision, InadmissibleReason, Kind
from tiepdan.cases.services.intake import Intake
from tiepdan.citizens.models import Citizen
from tiepdan.lib.ids import parse_cccd
from tiepdan.lib.uploads import CleanFile
from tiepdan.orgunits.models import Department, OrgUnit
from tiepdan.reception.models import ReceptionEntry
from tiepdan.web.forms import BootstrapMixin


class IntakeForm(BootstrapMixin, CitizenFieldsMixin):
    """Staff intake for every channel, with the received date that starts every deadline."""

    channel = forms.ChoiceField(label=_("Channel"), choices=Case.Channel.choices)
    source = forms.ChoiceField(label=_("Forwarded by"), choices=Case.Source.choices, required=False)
    source_name = forms.CharField(label=_("Forwarding body"), max_length=200, required=False)
    incoming_number = forms.CharField(
        label=_("Incoming document number"), max_length=60, required=False
    )
    received_on = forms.DateField(
        label=_("Received on"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("The day the letter arrived; every deadline counts from it."),
    )
    kind = forms.ChoiceField(label=pgettext_lazy("case", "Kind"), choices=Kind.choices)
    field = UnitFieldChoice(label=_("Field"), required=False)
    subject = forms.CharField(label=pgettext_lazy("case", "Subject"), max_length=300)
    content = forms.CharField(label=_("Content"), widget=forms.Textarea(attrs={"rows": 6}))
    location_text = forms.CharField(label=_("Place"), max_length=300, required=False)
    latitude = forms.DecimalField(
        label=_("Latitude"), max_digits=9, decimal_places=6, required=False
    )
    longitude = forms.DecimalField(
        label=_("Longitude"), max_digits=9, decimal_places=6, required=False
    )
    signer_count = forms.IntegerField(label=_("Number of signers"), min_value=1, initial=1)
    is_anonymous = forms.BooleanField(label=_("Anonymous or false name"), required=False)
    accused_is_party_member = forms.BooleanField(
        label=_("Accused is a Party member"), required=False
    )
    is_remote_area = forms.BooleanField(label=_("Remote area"), required=False)
    id_kind = forms.ChoiceField(
        label=_("Identity document"), choices=Citizen.IdKind.choices, required=False
    )
    id_number = forms.CharField(label=_("Document number"), max_length=30, required=False)
    attachments = MultipleFileField(label=_("Scans or photos"), required=False)
    entry = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, unit: OrgUnit, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice(self, "field").list_fields_of(unit)
        self.style()

    def intake(self, files: list[CleanFile], entry: ReceptionEntry | None) -> Intake:
        d = self.cleaned_data
        return Intake(
            channel=d["channel"],
            kind=d["kind"],
            subject=d["subject"],
            content=d["content"],
            received_on=d["received_on"],
            field=d["field"],
            location_text=d["location_text"],
            latitude=d["latitude"],
            longitude=d["longitude"],
            incoming_number=d["incoming_number"],
            signer_count=d["signer_count"],
            source=d["source"] or "",
            source_name=d["source_name"],
            is_anonymous=d["is_anonymous"],
            accused_is_party_member=d["accused_is_party_member"],
            is_remote_area=d["is_remote_area"],
            files=files,
            reception_entry=entry,
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("id_kind") == Citizen.IdKind.CCCD and data.get("id_number"):
            try:
                data["id_number"] = parse_cccd(data["id_number"]).number
            except ValidationError as exc:
                self.add_error("id_number", exc)
        if data.get("channel") == Case.Channel.FORWARDED and not data.get("source"):
            self.add_error("source", _("Say who forwarded the letter."))
        if not data.get("is_anonymous") and not data.get("full_name"):
            self.add_error("full_name", _("Enter the sender's name, or tick 'anonymous'."))
        return data


class ClassifyForm(BootstrapMixin, forms.Form):
    kind = forms.ChoiceField(label=pgettext_lazy("case", "Kind"), choices=Kind.choices)
    field = UnitFieldChoice(label=_("Field"), required=False)
    signer_count = forms.IntegerField(label=_("Number of signers"), min_value=1)
    admissible = forms.BooleanField(
        label=_("Admissible (meets the conditions to be handled)"), required=False
    )
    inadmissible_reason = forms.ChoiceField(
        label=_("Why not admissible"),
        choices=[("", "—"), *InadmissibleReason.choices],
        required=False,
    )
    competent = forms.BooleanField(label=_("Within the unit's competence"), required=False)
    is_anonymous = forms.BooleanField(label=_("Anonymous or false name"), required=False)
    has_evidence = forms.BooleanField(
        label=_("Names the violator with verifiable evidence"), required=False
    )
    accused_is_party_member = forms.BooleanField(
        label=_("Accused is a Party member"), required=False
    )
    party_rule_breach = forms.BooleanField(label=_("Breach of Party rules"), required=False)
    is_remote_area = forms.BooleanField(label=_("Remote area"), required=False)
    is_complex = forms.BooleanField(label=_("Complex"), required=False)
    complex_reason = forms.ChoiceField(
        label=_("Why complex"), choices=[("", "—"), *ComplexReason.choices], required=False
    )

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        kwargs.setdefault(
            "initial",
            {
                "kind": case.kind,
                "field": case.field.code if case.field else None,
                "signer_count": case.signer_count,
                "admissible": case.is_admissible,
                "inadmissible_reason": case.inadmissible_reason,
                "competent": case.is_competent,
                "is_anonymous": case.is_anonymous,
                "has_evidence": case.has_evidence,
                "accused_is_party_member": case.accused_is_party_member,
                "party_rule_breach": case.party_rule_breach,
                "is_remote_area": case.is_remote_area,
                "is_complex": case.is_complex,
                "complex_reason": case.complex_reason,
            },
        )
        super().__init__(*args, **kwargs)
        cast(UnitFieldChoice, self.fields["field"]).list_fields_of(case.unit)


class DecideForm(BootstrapMixin, forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), choices=Decision.choices)
    target = forms.CharField(label=_("Body it goes to"), max_length=200, required=False)
    number = forms.CharField(
        label=pgettext_lazy("case", "Document number"),
        max_length=60,
        required=False,
        help_text=_("Leave empty to take the next number of the unit's notice register."),
    )
    note = forms.CharField(
        label=_("Reason or note"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args: Any, allowed: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice(self, "decision").choices = [(d, Decision(d).label) for d in allowed]
        self.style()


class OfficerChoice(forms.ModelChoiceField):
    """An officer, labelled with their department and how many open cases they hold now."""

    def label_from_instance(self, obj: Any) -> str:
        name = obj.get_full_name() or obj.username
        department = obj.department.name if obj.department else _("no department")
        if getattr(obj, "open_cases", None) is None:
            return _("%(name)s — %(department)s") % {"name": name, "department": department}
        return _("%(name)s — %(department)s · %(count)s open") % {
            "name": name,
            "department": department,
            "count": obj.open_cases,
        }


class AssignForm(BootstrapMixin, forms.Form):
    department = forms.ModelChoiceField(
        label=_("Department"), queryset=Department.objects.none(), required=False
    )
    officer = OfficerChoice(label=_("Officer"), queryset=User.objects.none(), required=False)

    def __init__(
        self,
        *args: Any,
        unit_id: int,
        department_id: int | None = None,
        workload: bool = True,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        choice(self, "department").queryset = Department.objects.filter(
            unit_id=unit_id, is_active=True
        )
        officers = officers_of(unit_id, first=department_id)
        choice(self, "officer").queryset = with_workload(officers) if workload else officers
        self.style()


def officers_of(unit_id: int, *, first: int | None = None) -> Any:
    """The unit's officers by department, those of department `first` first."""
    return (
        User.objects.people()
        .filter(unit_id=unit_id, is_active=True)
        .select_related("department")
        .annotate(preferred=Case_(When(department_id=first, then=0), default=1))
        .order_by("preferred", "department__name", "first_name", "last_name")
    )


def with_workload(officers: Any) -> Any:
    """Each officer with the open cases they hold (one unit's officers: a bounded count, kept
    off the work list, whose pages never count)."""
    held = Case.objects.open().filter(assignee=OuterRef("pk")).values("assignee")
    return officers.annotate(
        open_cases=Coalesce(Subquery(held.annotate(n=Count("pk")).values("n")), 0)
    )


class NoteForm(BootstrapMixin, forms.Form):
    text = forms.CharField(
        label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), max_length=5000
    )
    public = forms.BooleanField(label=_("Show to the citizen"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.style()


class AnswerForm(BootstrapMixin, forms.Form):
    text = forms.CharField(
        label=_("Answer"), widget=forms.Textarea(attrs={"rows": 8}), max_length=20000
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.style()


class ApproveForm(BootstrapMixin, forms.Form):
    """The leader's box: the submitted wording, which they may edit before approving. Without
    `editable` (a denunciation whose denouncer they may not see: the text is shown redacted)
    there is no box, and the wording is approved as it stands."""

    text = forms.CharField(
        label=_("Wording of the answer"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=20000,
        required=False,
    )

    def __init__(self, *args: Any, editable: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not editable:
            del self.fields["text"]

    def edited_text(self) -> str | None:
        """The wording as sent, or None when none was (no box, or a plain approve button)."""
        if "text" not in self.fields or self.add_prefix("text") not in self.data:
            return None
        return str(self.cleaned_data["text"])


class ReturnForm(BootstrapMixin, forms.Form):
    # Not required here: the service refuses a blank comment with the message that says why.
    comment = forms.CharField(
        label=_("What should change"),
        widget=forms.Textarea(attrs={"rows": 3, "required": True}),
        max_length=2000,
        required=False,
    )


VIEWS = [
    ("mine", _("Mine")),
    ("department", _("My department")),
    ("unassigned", _("Unassigned")),
    ("week", _("Due this week")),
    ("overdue", _("Overdue")),
    ("all", _("All")),
]


class WorklistFilter(BootstrapMixin, forms.Form):
    view = forms.ChoiceField(choices=VIEWS, required=False)
    # No max_length: an over-long paste is cut by the search parser, never an invalid form.
    q = forms.CharField(
        label=_("Search"),
        required=False,
        strip=True,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": _("Words, name, number or code")}
        ),
    )
    kind = forms.ChoiceField(
        label=pgettext_lazy("case", "Kind"),
        choices=[("", _("All kinds")), *Kind.choices],
        required=False,
    )
    field = forms.ModelChoiceField(
        label=_("Field"), queryset=Field.objects.none(), required=False, empty_label=_("All fields")
    )
    channel = forms.ChoiceField(
        label=_("Channel"), choices=[("", _("All channels")), *Case.Channel.choices], required=False
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Any status")), *Status.choices], required=False
    )
    received_from = forms.DateField(
        label=_("Received from"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    received_to = forms.DateField(
        label=_("Received to"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    sort = forms.ChoiceField(
        label=_("Sort"),
        # Default: the view's own order, or best match first when searching.
        choices=[
            ("", _("Default order")),
            ("due", _("Due date")),
            ("received", _("Newest received")),
        ],
        required=False,
    )

    def __init__(self, *args: Any, unit_ids: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice(self, "field").queryset = Field.objects.filter(unit_id__in=unit_ids, is_active=True)
        self.style()


class ComplexForm(BootstrapMixin, forms.Form):
    reason = forms.ChoiceField(label=_("Why complex"), choices=ComplexReason.choices)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.style()
