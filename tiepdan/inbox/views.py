"""The staff home page: the signed-in official's inbox ("Việc của tôi")."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from tiepdan.accounts.roles import ROLE_LABELS
from tiepdan.inbox import blocks
from tiepdan.web.request import StaffRequest


def home(request: StaffRequest) -> HttpResponse:
    """The work waiting for the user, one block per kind, then their account."""
    user = request.user
    today = timezone.localdate()
    context = {
        "blocks": blocks.for_user(user, today),
        "roles": [ROLE_LABELS.get(name, name) for name in user.role_names()],
        "today": today,
    }
    return render(request, "inbox/home.html", context)
