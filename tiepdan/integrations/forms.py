from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tiepdan.accounts.models import User
from tiepdan.integrations.services import grantable_capabilities
from tiepdan.orgunits.models import OrgUnit


def capability_label(capability: str) -> str:
    from django.contrib.auth.models import Permission

    app_label, _dot, codename = capability.partition(".")
    permission = Permission.objects.filter(
        content_type__app_label=app_label, codename=codename
    ).first()
    # Stored names are the English msgids of the apps' Meta.permissions: translate them here.
    return f"{gettext(permission.name)} ({capability})" if permission else capability


class ApiKeyForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=120,
        help_text=_("Who or what uses the key, e.g. “Tổng đài 1022 của thành phố”."),
    )
    unit = forms.ModelChoiceField(
        label=_("Unit"),
        queryset=OrgUnit.objects.none(),
        help_text=_("The key sees this unit and the units below it."),
    )
    capabilities = forms.MultipleChoiceField(
        label=_("Capabilities"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("What the key may do; it can never manage users or keys."),
    )

    def __init__(self, *args: Any, actor: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = actor.visible_units().current()  # type: ignore[attr-defined]
        self.fields["unit"].initial = actor.unit_id
        self.fields["capabilities"].choices = [  # type: ignore[attr-defined]
            (capability, capability_label(capability)) for capability in grantable_capabilities()
        ]
