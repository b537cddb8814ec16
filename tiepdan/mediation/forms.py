"""Forms for mediation: the shape of the input; the rules live in rules and services."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tiepdan.mediation.models import FollowUp, MediationCase, MediationTeam, Mediator
from tiepdan.orgunits.models import OrgUnit
from tiepdan.web.forms import BootstrapMixin

DATE = {"type": "date"}


class MediatorRowForm(BootstrapMixin, forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=200, required=False)
    sex = forms.ChoiceField(
        label=_("Sex"), choices=[("", "—"), *Mediator.Sex.choices], required=False
    )
    birth_year = forms.IntegerField(
        label=_("Year of birth"), min_value=1920, max_value=2010, required=False
    )
    phone = forms.CharField(
        label=pgettext_lazy("mediation", "Phone"), max_length=20, required=False
    )
    occupation = forms.CharField(label=_("Occupation or post"), max_length=200, required=False)


MediatorFormSet = forms.formset_factory(MediatorRowForm, extra=6, max_num=12)


class TeamForm(BootstrapMixin, forms.Form):
    group = forms.ModelChoiceField(
        label=_("Village or residential group"), queryset=OrgUnit.objects.none()
    )
    name = forms.CharField(label=_("Team name"), max_length=200)
    established_on = forms.DateField(
        label=_("Established on"), required=False, widget=forms.DateInput(attrs=DATE)
    )
    leader_row = forms.IntegerField(
        label=_("Leader: row number in the list above"), min_value=1, max_value=12, required=False
    )
    leader_decision_number = forms.CharField(
        label=_("Chairman's decision recognising the leader"),
        max_length=60,
        required=False,
        help_text=_("E.g. 125/QĐ-UBND (Law 35/2013 Art. 14)."),
    )
    leader_decision_on = forms.DateField(
        label=_("Decision date"), required=False, widget=forms.DateInput(attrs=DATE)
    )

    def __init__(self, *args: Any, unit: OrgUnit, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        groups = cast(forms.ModelChoiceField, self.fields["group"])
        groups.queryset = OrgUnit.objects.filter(
            path__startswith=unit.path, level=OrgUnit.Level.GROUP
        )


class MediatorForm(MediatorRowForm):
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    sex = forms.ChoiceField(label=_("Sex"), choices=Mediator.Sex.choices)
    address = forms.CharField(
        label=pgettext_lazy("mediation", "Address"), max_length=300, required=False
    )
    recognition_decision = forms.CharField(
        label=_("Recognition decision"), max_length=60, required=False
    )
    recognised_on = forms.DateField(
        label=_("Recognised on"), required=False, widget=forms.DateInput(attrs=DATE)
    )


class LeaderForm(BootstrapMixin, forms.Form):
    mediator = forms.ModelChoiceField(label=_("Team leader"), queryset=Mediator.objects.none())
    decision_number = forms.CharField(
        label=_("Chairman's decision recognising the leader"), max_length=60
    )
    decision_on = forms.DateField(label=_("Decision date"), widget=forms.DateInput(attrs=DATE))

    def __init__(self, *args: Any, team: MediationTeam, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelChoiceField, self.fields["mediator"])
        field.queryset = team.mediators.filter(is_active=True)


def _mediator_field(required: bool = False) -> forms.ModelMultipleChoiceField:
    return forms.ModelMultipleChoiceField(
        label=_("Mediators"),
        queryset=Mediator.objects.none(),
        required=required,
        widget=forms.CheckboxSelectMultiple,
    )


class CaseForm(BootstrapMixin, forms.Form):
    team = forms.ModelChoiceField(label=_("Mediation team"), queryset=MediationTeam.objects.none())
    received_on = forms.DateField(
        label=pgettext_lazy("mediation", "Received on"), widget=forms.DateInput(attrs=DATE)
    )
    origin = forms.ChoiceField(
        label=_("How it came (Art. 16)"), choices=MediationCase.Origin.choices
    )
    requested_by = forms.CharField(
        label=_("Requested or assigned by"), max_length=200, required=False
    )
    field = forms.ChoiceField(label=_("Field"), choices=MediationCase.Field.choices)
    summary = forms.CharField(label=_("The dispute"), widget=forms.Textarea(attrs={"rows": 3}))
    a_name = forms.CharField(label=_("First party: full name"), max_length=200)
    a_birth_year = forms.IntegerField(
        label=_("Year of birth"), required=False, min_value=1900, max_value=2026
    )
    a_address = forms.CharField(
        label=pgettext_lazy("mediation", "Address"), max_length=300, required=False
    )
    b_name = forms.CharField(label=_("Second party: full name"), max_length=200, required=False)
    b_birth_year = forms.IntegerField(
        label=_("Year of birth"), required=False, min_value=1900, max_value=2026
    )
    b_address = forms.CharField(
        label=pgettext_lazy("mediation", "Address"), max_length=300, required=False
    )
    mediators = _mediator_field()
    assigned_on = forms.DateField(
        label=_("Mediators assigned on"), required=False, widget=forms.DateInput(attrs=DATE)
    )
    exclusion = forms.ChoiceField(
        label=_("Excluded matter (Law 35/2013 Art. 3)"),
        choices=MediationCase.Exclusion.choices,
        required=False,
    )
    refusal_note = forms.CharField(
        label=_("Reason given to the parties"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, unit: OrgUnit, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        teams = MediationTeam.objects.filter(group__path__startswith=unit.path)
        cast(forms.ModelChoiceField, self.fields["team"]).queryset = teams
        mediators = Mediator.objects.filter(team__in=teams, is_active=True).select_related("team")
        field = cast(forms.ModelMultipleChoiceField, self.fields["mediators"])
        field.queryset = mediators
        field.label_from_instance = lambda m: f"{m.full_name} ({m.team})"  # type: ignore[method-assign,assignment]


class AssignForm(BootstrapMixin, forms.Form):
    mediators = _mediator_field(required=True)
    assigned_on = forms.DateField(label=_("Assigned on"), widget=forms.DateInput(attrs=DATE))

    def __init__(self, *args: Any, case: MediationCase, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelMultipleChoiceField, self.fields["mediators"])
        field.queryset = case.team.mediators.filter(is_active=True)


class SessionForm(AssignForm):
    mediators = _mediator_field()
    assigned_on = None  # type: ignore[assignment]
    held_on = forms.DateField(
        label=pgettext_lazy("mediation", "Date"), widget=forms.DateInput(attrs=DATE)
    )
    place = forms.CharField(label=pgettext_lazy("mediation", "Place"), max_length=300)
    is_public = forms.BooleanField(label=_("Held in public (the parties chose so)"), required=False)
    notes = forms.CharField(label=_("What happened"), widget=forms.Textarea(attrs={"rows": 3}))


class OutcomeForm(BootstrapMixin, forms.Form):
    ENDED = [
        (MediationCase.Status.SUCCESSFUL, MediationCase.Status.SUCCESSFUL.label),
        (MediationCase.Status.UNSUCCESSFUL, MediationCase.Status.UNSUCCESSFUL.label),
        (MediationCase.Status.STOPPED, MediationCase.Status.STOPPED.label),
    ]
    status = forms.ChoiceField(label=_("Outcome (Art. 23)"), choices=ENDED)
    ended_on = forms.DateField(label=_("Ended on"), widget=forms.DateInput(attrs=DATE))
    stop_reason = forms.ChoiceField(
        label=_("If stopped: why"), choices=MediationCase.StopReason.choices, required=False
    )
    note = forms.CharField(
        label=pgettext_lazy("mediation", "Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class AgreementForm(BootstrapMixin, forms.Form):
    made_on = forms.DateField(label=_("Made on"), widget=forms.DateInput(attrs=DATE))
    place = forms.CharField(label=pgettext_lazy("mediation", "Place"), max_length=300)
    grounds = forms.CharField(
        label=_("Grounds for mediating"), widget=forms.Textarea(attrs={"rows": 2})
    )
    parties = forms.CharField(label=_("The parties"), widget=forms.Textarea(attrs={"rows": 2}))
    summary = forms.CharField(
        label=_("Main content of the case"), widget=forms.Textarea(attrs={"rows": 2})
    )
    course = forms.CharField(
        label=_("Course of the mediation"), widget=forms.Textarea(attrs={"rows": 2})
    )
    agreement = forms.CharField(
        label=_("Agreement reached and solution"), widget=forms.Textarea(attrs={"rows": 2})
    )
    rights_and_duties = forms.CharField(
        label=_("Rights and duties of the parties"), widget=forms.Textarea(attrs={"rows": 2})
    )
    method_and_deadline = forms.CharField(
        label=_("Method and time limit for carrying it out"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    carry_out_by = forms.DateField(
        label=_("To be carried out by"), required=False, widget=forms.DateInput(attrs=DATE)
    )
    signed = forms.BooleanField(
        label=_("Signed or fingerprinted by the parties and mediators"), required=False
    )


class FollowUpForm(BootstrapMixin, forms.Form):
    checked_on = forms.DateField(label=_("Checked on"), widget=forms.DateInput(attrs=DATE))
    result = forms.ChoiceField(
        label=pgettext_lazy("mediation", "Result"), choices=FollowUp.Result.choices
    )
    note = forms.CharField(label=pgettext_lazy("mediation", "Note"), required=False)


class ReferralForm(BootstrapMixin, forms.Form):
    referred_to = forms.CharField(label=_("Referred to"), max_length=200)
    referred_on = forms.DateField(label=_("Referred on"), widget=forms.DateInput(attrs=DATE))
    open_case = forms.BooleanField(
        label=_("Open a case at the ward for it"), required=False, initial=True
    )
