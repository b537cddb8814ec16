"""The preferences form: for each kind of notification, how it comes by e-mail."""

from __future__ import annotations

from typing import Any

from django import forms

from tiepdan.accounts.models import User
from tiepdan.notifications.kinds import Delivery, Kind
from tiepdan.notifications.models import Preference
from tiepdan.web.forms import BootstrapMixin


class PreferencesForm(BootstrapMixin, forms.Form):
    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        kwargs.setdefault("initial", Preference.objects.for_user(user))
        super().__init__(*args, **kwargs)
        for kind in Kind:
            self.fields[kind.value] = forms.ChoiceField(label=kind.label, choices=Delivery.choices)
        self.style()
