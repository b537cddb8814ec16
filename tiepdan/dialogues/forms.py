"""Forms for dialogues: the shape of the input; the rules live in services and rules."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from tiepdan.accounts.models import User
from tiepdan.cases.models import Case
from tiepdan.dialogues.models import Dialogue, Participant
from tiepdan.directives.forms import DirectiveForm
from tiepdan.orgunits.models import OrgUnit
from tiepdan.web.forms import BootstrapMixin


class PlanForm(BootstrapMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Kind of dialogue"), choices=Dialogue.Kind.choices)
    topic = forms.CharField(label=_("Topic"), max_length=300)
    description = forms.CharField(
        label=_("Purpose and content"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    held_at = forms.DateTimeField(
        label=_("Date and time"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    place = forms.CharField(label=_("Place"), max_length=300)
    chaired_by = forms.ModelChoiceField(label=_("Chaired by"), queryset=User.objects.none())
    residential_groups = forms.ModelMultipleChoiceField(
        label=_("Residential groups concerned"),
        queryset=OrgUnit.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    cases = forms.ModelMultipleChoiceField(
        label=_("Cases concerned"),
        queryset=Case.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )

    def __init__(self, *args: Any, unit: OrgUnit, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        chairs = cast(forms.ModelChoiceField, self.fields["chaired_by"])
        chairs.queryset = User.objects.filter(unit=unit, is_active=True).exclude(post="")
        groups = cast(forms.ModelMultipleChoiceField, self.fields["residential_groups"])
        groups.queryset = OrgUnit.objects.filter(parent=unit, level=OrgUnit.Level.GROUP)
        cases = cast(forms.ModelMultipleChoiceField, self.fields["cases"])
        cases.queryset = Case.objects.filter(unit=unit).order_by("-received_on")[:200]


class InviteForm(BootstrapMixin, forms.Form):
    name = forms.CharField(label=_("Full name or body"), max_length=200)
    affiliation = forms.CharField(label=_("Post, body or address"), max_length=300, required=False)
    role = forms.ChoiceField(
        label=_("Role"), choices=Participant.Role.choices, initial=Participant.Role.CITIZEN
    )


class InvitationsSentForm(BootstrapMixin, forms.Form):
    invitations_sent_on = forms.DateField(
        label=_("Invitations sent on"), widget=forms.DateInput(attrs={"type": "date"})
    )


class HeldForm(BootstrapMixin, forms.Form):
    attended = forms.MultipleChoiceField(
        label=_("Present"), required=False, widget=forms.CheckboxSelectMultiple
    )
    result = forms.CharField(
        label=_("Result of the dialogue (conclusions)"), widget=forms.Textarea(attrs={"rows": 4})
    )
    ended_at = forms.TimeField(
        label=_("Ended at"), required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )
    minutes_copies = forms.IntegerField(label=_("Copies of the minutes"), min_value=1, initial=3)

    def __init__(self, *args: Any, dialogue: Dialogue, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        attended = cast(forms.MultipleChoiceField, self.fields["attended"])
        attended.choices = [(str(p.pk), str(p)) for p in dialogue.participants.all()]


class IssueForm(BootstrapMixin, forms.Form):
    raised_by = forms.CharField(label=_("Raised by"), max_length=200)
    content = forms.CharField(label=_("Matter raised"), widget=forms.Textarea(attrs={"rows": 2}))
    answer = forms.CharField(
        label=_("Answer given"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    answered_by = forms.CharField(label=_("Answered by"), max_length=200, required=False)


class CommitmentForm(DirectiveForm):
    """A commitment: a directive whose source and issue date come from the dialogue."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("source_kind", "source_label", "issued_on"):
            del self.fields[name]
        self.fields["title"].label = _("Commitment")


class PublishForm(BootstrapMixin, forms.Form):
    public_summary = forms.CharField(
        label=_("Summary for the public"), widget=forms.Textarea(attrs={"rows": 4})
    )


class CancelForm(BootstrapMixin, forms.Form):
    reason = forms.CharField(
        label=_("Reason for cancelling"), widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
