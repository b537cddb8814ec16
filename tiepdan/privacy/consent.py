"""The privacy notice and the explicit consent the public forms ask for (Law 91/2025).

Silence is not consent and nothing is pre-ticked (DOMAIN §8): every public form that takes
personal data carries `ConsentMixin`, whose box is required and starts unticked, and a
`Consent` row with the notice version is written in the transaction that creates the record
(the view hands `record_consent` to the lower app's service), so neither exists without the other.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django import forms
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tiepdan.orgunits.models import OrgUnit
from tiepdan.privacy.models import Consent

#: Change it whenever the notice's content changes: consents record which text they agreed to.
NOTICE_VERSION = "2026-11-23"


class ConsentMixin(forms.Form):
    """The consent box: required, never pre-ticked, with a link to the notice."""

    consent = forms.BooleanField(
        label=gettext_lazy(
            "I have read the privacy notice and agree that my personal data is processed to "
            "handle this request."
        ),
        required=True,
        initial=False,
        error_messages={
            "required": gettext_lazy(
                "Tick the box to agree to the privacy notice: without your consent we cannot "
                "take your personal data online. You can also come to the reception office."
            )
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["consent"].help_text = format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>',
            reverse("privacy:notice"),
            _("Read the privacy notice (what we collect, why, for how long, your rights)"),
        )


def record_consent(
    form: str, record_id: int, unit: OrgUnit, *, at: datetime | None = None
) -> Consent:
    """Keep the proof of consent: which form, which record, which notice version, when.

    A retried submission (same record) keeps the first proof.
    """
    consent, _created = Consent.objects.get_or_create(
        form=form,
        record_id=record_id,
        defaults={"unit": unit, "notice_version": NOTICE_VERSION, "given_at": at or timezone.now()},
    )
    return consent
