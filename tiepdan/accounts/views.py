"""Staff home and two-factor sign-in (login, logout and password change are Django's views)."""

import segno
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from tiepdan.accounts.forms import TokenForm
from tiepdan.accounts.roles import ROLE_LABELS


@login_required
def home(request: HttpRequest) -> HttpResponse:
    roles = [ROLE_LABELS.get(name, name) for name in request.user.role_names()]  # type: ignore[union-attr]
    return render(request, "accounts/home.html", {"roles": roles})


@login_required
def two_factor(request: HttpRequest) -> HttpResponse:
    """Verify a TOTP code; on first use, enrol an authenticator app with a QR code."""
    user = request.user
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    enrolling = device is None
    if enrolling:
        device, _created = TOTPDevice.objects.get_or_create(
            user=user, confirmed=False, defaults={"name": "default"}
        )
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            if enrolling:
                device.confirmed = True
                device.save(update_fields=["confirmed"])
            otp_login(request, device)
            next_url = request.GET.get("next", "")
            if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
                next_url = ""
            return redirect(next_url or "accounts:home")
        form.add_error("token", _("The code is wrong or has expired; enter the current one."))
    context = {"form": form, "enrolling": enrolling}
    if enrolling:
        context["qr_svg"] = segno.make(device.config_url).svg_inline(scale=4)
        context["secret"] = device.config_url.split("secret=")[1].split("&")[0]
    return render(request, "accounts/two_factor.html", context)
