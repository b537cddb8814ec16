"""Two-factor sign-in and the unit administrator's user pages.

Login, logout and password change are Django's own views (see urls.py); the staff home is the
inbox's page (tiepdan.inbox), which shows the account's summary from templates/accounts/.
"""

from __future__ import annotations

from base64 import b32encode
from typing import Any

import segno
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from tiepdan.accounts import services
from tiepdan.accounts.access import get_user_for, scoped
from tiepdan.accounts.forms import TokenForm, UserCreateForm, UserEditForm, UserPasswordForm
from tiepdan.accounts.models import User
from tiepdan.accounts.roles import ROLE_LABELS
from tiepdan.web.actions import perform, submit
from tiepdan.web.request import StaffRequest

MANAGE = "accounts.manage_unit_users"


def _next_url(request: StaffRequest) -> str:
    next_url = request.POST.get("next") or request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(
        next_url, {request.get_host()}, require_https=request.is_secure()
    ):
        return next_url
    return ""


def two_factor(request: StaffRequest) -> HttpResponse:
    """Verify a TOTP code; on first use, enrol an authenticator app with a QR code."""
    user: User = request.user
    if user.is_verified():  # type: ignore[attr-defined]
        return redirect(_next_url(request) or "accounts:home")
    device, enrolling = services.two_factor_device(user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        allowed, _details = device.verify_is_allowed()
        if not allowed:
            form.add_error("token", _("Too many wrong codes. Wait a moment, then try again."))
        elif device.verify_token(form.cleaned_data["token"]):
            services.confirm_two_factor(device)
            otp_login(request, device)
            return redirect(_next_url(request) or "accounts:home")
        else:
            form.add_error("token", _("The code is wrong or has expired; enter the current one."))
    context = {"form": form, "enrolling": enrolling, "next": _next_url(request)}
    if enrolling:
        context["qr_svg"] = segno.make(device.config_url).svg_inline(scale=4)
        key = b32encode(device.bin_key).decode()
        context["secret"] = " ".join(key[i : i + 4] for i in range(0, len(key), 4))
    return render(request, "accounts/two_factor.html", context)


# --- The unit administrator's pages: users of their unit and the units below it ----------


@permission_required(MANAGE, raise_exception=True)
def user_list(request: StaffRequest) -> HttpResponse:
    actor: User = request.user
    users = scoped(User.objects.people().filter(is_superuser=False), actor)
    query = request.GET.get("q", "").strip()
    if query:
        users = users.filter(
            Q(username__icontains=query)
            | Q(last_name__icontains=query)
            | Q(first_name__icontains=query)
        )
    users = users.select_related("unit", "department").prefetch_related("groups")
    users = users.order_by("-is_active", "unit__path", "first_name", "last_name")  # by given name
    page = Paginator(users, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "accounts/user_list.html",
        {"page": page, "query": query, "role_labels": ROLE_LABELS},
    )


@permission_required(MANAGE, raise_exception=True)
def user_create(request: StaffRequest) -> HttpResponse:
    actor: User = request.user
    form = UserCreateForm(request.POST or None, actor=actor, initial={"unit": actor.unit})

    def create(data: dict[str, Any]) -> User:
        data = dict(data)
        return services.create_user(
            actor=actor,
            username=data.pop("username"),
            password=data.pop("password1"),
            roles=data.pop("roles"),
            **{k: v for k, v in data.items() if k != "password2"},
        )

    if request.method == "POST":
        user = submit(request, form, create).value
        if user is not None:
            messages.success(request, _("Account %(name)s created.") % {"name": user.username})
            return redirect("accounts:user_list")
    return render(request, "accounts/user_form.html", {"form": form, "creating": True})


def user_edit(request: StaffRequest, pk: int) -> HttpResponse:
    actor: User = request.user
    target = get_user_for(actor, pk, write=request.method == "POST")
    form = UserEditForm(request.POST or None, instance=target, actor=actor)

    def save(data: dict[str, Any]) -> None:
        data = dict(data)
        services.update_user(
            User.objects.get(pk=target.pk), actor=actor, roles=data.pop("roles"), **data
        )

    if request.method == "POST" and submit(request, form, save).ok:
        messages.success(request, _("Account %(name)s saved.") % {"name": target.username})
        return redirect("accounts:user_list")
    return render(
        request, "accounts/user_form.html", {"form": form, "target": target, "creating": False}
    )


@require_POST
def user_set_active(request: StaffRequest, pk: int) -> HttpResponse:
    actor: User = request.user
    target = get_user_for(actor, pk, write=True)
    active = request.POST.get("active") == "1"
    message = _("Account %(name)s enabled.") if active else _("Account %(name)s disabled.")
    perform(
        request,
        lambda: services.set_user_active(target, actor=actor, active=active),
        success=message % {"name": target.username},
    )
    return redirect("accounts:user_list")


def user_password(request: StaffRequest, pk: int) -> HttpResponse:
    actor: User = request.user
    target = get_user_for(actor, pk, write=request.method == "POST")
    form = UserPasswordForm(request.POST or None, user=target)
    if request.method == "POST" and form.is_valid():
        services.set_user_password(target, actor=actor, password=form.cleaned_data["password1"])
        messages.success(request, _("New password set for %(name)s.") % {"name": target.username})
        return redirect("accounts:user_list")
    return render(request, "accounts/user_password.html", {"form": form, "target": target})


@require_POST
def user_reset_two_factor(request: StaffRequest, pk: int) -> HttpResponse:
    actor: User = request.user
    target = get_user_for(actor, pk, write=True)
    services.reset_two_factor(target, actor=actor)
    messages.success(
        request,
        _("Two-factor sign-in of %(name)s reset: they set up a new app at their next login.")
        % {"name": target.username},
    )
    return redirect("accounts:user_list")


@require_POST
def user_unlock(request: StaffRequest, pk: int) -> HttpResponse:
    actor: User = request.user
    target = get_user_for(actor, pk, write=True)
    services.unlock_user(target, actor=actor)
    messages.success(request, _("Account %(name)s can log in again.") % {"name": target.username})
    return redirect("accounts:user_edit", pk=target.pk)
