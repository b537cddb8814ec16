"""The unit administrator's page for API keys: list, create (the key is shown once), revoke."""

from __future__ import annotations

from django.contrib.auth.decorators import permission_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tiepdan.accounts.models import User
from tiepdan.integrations import services
from tiepdan.integrations.access import MANAGE, get_api_key_for, keys_visible_to
from tiepdan.integrations.forms import ApiKeyForm
from tiepdan.web.actions import perform, submit
from tiepdan.web.request import StaffRequest


@permission_required(MANAGE, raise_exception=True)
def key_list(request: StaffRequest) -> HttpResponse:
    actor: User = request.user
    form = ApiKeyForm(request.POST or None, actor=actor)
    if request.method == "POST":
        created = submit(
            request,
            form,
            lambda data: services.create_api_key(
                unit=data["unit"],
                name=data["name"],
                capabilities=data["capabilities"],
                created_by=actor,
            ),
        ).value
        if created is not None:
            api_key, plain = created
            # Rendered, never redirected: the plain key exists only in this response.
            response = render(
                request, "integrations/key_created.html", {"api_key": api_key, "plain": plain}
            )
            response["Cache-Control"] = "no-store"
            return response
    keys = keys_visible_to(actor)[:200]
    return render(request, "integrations/key_list.html", {"form": form, "keys": keys})


@require_POST
@permission_required(MANAGE, raise_exception=True)
def key_revoke(request: StaffRequest, pk: int) -> HttpResponse:
    api_key = get_api_key_for(request.user, pk, write=True)
    perform(
        request,
        lambda: services.revoke_api_key(api_key, actor=request.user),
        success=_("The key “%(name)s” is revoked.") % {"name": api_key.name},
    )
    return redirect("integrations:key_list")
