"""Login, two-factor and the unit administrator's forms for staff accounts."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, BaseUserCreationForm
from django.utils.translation import gettext_lazy as _

from tiepdan.accounts.models import User
from tiepdan.accounts.roles import ROLE_LABELS
from tiepdan.orgunits.models import Department, OrgUnit

PROFILE_FIELDS = [
    "last_name",
    "first_name",
    "position",
    "unit",
    "department",
    "post",
    "email",
    "phone",
]


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "The user name or password is wrong. Both are case-sensitive; after "
            "%(limit)s failed attempts the account is locked for a while."
        ),
        "inactive": _("This account has been disabled. Ask your unit administrator."),
    }

    def get_invalid_login_error(self) -> forms.ValidationError:
        return forms.ValidationError(
            self.error_messages["invalid_login"] % {"limit": settings.AXES_FAILURE_LIMIT},
            code="invalid_login",
        )


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("6-digit code from your authenticator app"),
        max_length=6,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
        error_messages={"required": _("Enter the 6-digit code.")},
    )

    def clean_token(self) -> str:
        token = "".join(self.cleaned_data["token"].split())
        if len(token) != 6 or not token.isdigit():
            raise forms.ValidationError(_("The code is 6 digits."))
        return token


def role_choices() -> list[tuple[str, str]]:
    return [(name, str(label)) for name, label in ROLE_LABELS.items()]


class UnitUserFieldsMixin:
    """Limit unit and department choices to the administrator's subtree; add the roles."""

    fields: dict[str, forms.Field]

    def limit_to(self, actor: User) -> None:
        self.fields["last_name"].label = _("Family and middle name")
        self.fields["first_name"].label = _("Given name")
        units = actor.visible_units().current().exclude(level=OrgUnit.Level.GROUP)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]
        self.fields["unit"].required = True
        self.fields["unit"].empty_label = None  # type: ignore[attr-defined]
        departments = Department.objects.filter(unit__in=units, is_active=True)
        self.fields["department"].queryset = departments.select_related("unit")  # type: ignore[attr-defined]
        self.fields["department"].label_from_instance = (  # type: ignore[attr-defined]
            lambda d: f"{d.name} ({d.unit.name})"
        )

    def clean_department(self) -> Department | None:
        department = self.cleaned_data.get("department")  # type: ignore[attr-defined]
        unit = self.cleaned_data.get("unit")  # type: ignore[attr-defined]
        if department and unit and department.unit_id != unit.pk:
            raise forms.ValidationError(_("This department belongs to another unit."))
        return department


class UserCreateForm(UnitUserFieldsMixin, BaseUserCreationForm):
    roles = forms.MultipleChoiceField(
        label=_("Roles"), choices=role_choices, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = User
        fields = ["username", *PROFILE_FIELDS]

    def __init__(self, *args: Any, actor: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.limit_to(actor)
        self.fields["last_name"].required = True
        self.fields["first_name"].required = True

    def clean_username(self) -> str:
        username = self.cleaned_data["username"]
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("This user name is already taken."))
        return username


class UserEditForm(UnitUserFieldsMixin, forms.ModelForm):
    roles = forms.MultipleChoiceField(
        label=_("Roles"), choices=role_choices, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = User
        fields = PROFILE_FIELDS

    def __init__(self, *args: Any, actor: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.limit_to(actor)
        self.fields["last_name"].required = True
        self.fields["first_name"].required = True
        if self.instance.pk and not self.is_bound:
            self.initial["roles"] = self.instance.role_names()


class UserPasswordForm(forms.Form):
    """A new password for someone else's account, checked against the password rules."""

    password1 = forms.CharField(
        label=_("New password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("New password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password2(self) -> str:
        first = self.cleaned_data.get("password1")
        second = self.cleaned_data["password2"]
        if first and first != second:
            raise forms.ValidationError(_("The two passwords are not the same."))
        password_validation.validate_password(second, self.user)
        return second
