"""The filter of the denouncer-identity access log page."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tiepdan.accounts.access import scoped
from tiepdan.accounts.models import User
from tiepdan.web.forms import BootstrapMixin


class LogFilter(BootstrapMixin, forms.Form):
    case = forms.CharField(
        label=_("Case"),
        required=False,
        max_length=40,
        widget=forms.TextInput(attrs={"placeholder": _("e.g. 12/2026")}),
    )
    user = forms.ModelChoiceField(
        label=_("Viewed by"), queryset=User.objects.none(), required=False, empty_label=_("Anyone")
    )
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: Any, actor: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        people = scoped(User.objects.people(), actor).order_by("first_name", "last_name")
        self.fields["user"].queryset = people  # type: ignore[attr-defined]
        self.style()
