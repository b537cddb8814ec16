"""Writes on API keys: create (the plain key is returned once), revoke, record use."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from django.contrib.auth.models import Permission
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tiepdan.accounts.models import User
from tiepdan.accounts.roles import CAPABILITIES
from tiepdan.integrations import keys
from tiepdan.integrations.models import ApiKey
from tiepdan.lib.errors import Conflict, DomainError

if TYPE_CHECKING:
    from tiepdan.orgunits.models import OrgUnit

# Capabilities a key may never hold: managing people and keys stays with people.
NOT_GRANTABLE = {
    "accounts.manage_unit_users",
    "accounts.view_staff_pages",
    "integrations.manage_api_keys",
    "workcalendar.manage_calendar",
}
# Recording the last use at most this often keeps a busy key from writing on every request.
LAST_USED_RESOLUTION = timedelta(minutes=1)


def grantable_capabilities() -> list[str]:
    """Every capability some role holds, except the administrative ones."""
    granted = set().union(*CAPABILITIES.values())
    return sorted(granted - NOT_GRANTABLE)


def _permissions(capabilities: list[str]) -> list[Permission]:
    found = []
    for capability in capabilities:
        app_label, _dot, codename = capability.partition(".")
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission is None:
            raise DomainError(
                _("Unknown capability: %(capability)s.") % {"capability": capability},
                field="capabilities",
            )
        found.append(permission)
    return found


def create_api_key(
    *, unit: OrgUnit, name: str, capabilities: list[str], created_by: User | None
) -> tuple[ApiKey, str]:
    """Create a key for `unit`'s subtree with `capabilities`; return it and the plain key (once)."""
    name = name.strip()
    if not name:
        raise DomainError(_("Give the key a name."), field="name")
    capabilities = sorted(set(capabilities))
    refused = set(capabilities) - set(grantable_capabilities())
    if refused:
        raise DomainError(
            _("A key cannot hold: %(capabilities)s.")
            % {"capabilities": ", ".join(sorted(refused))},
            field="capabilities",
        )
    permissions = _permissions(capabilities)
    prefix, plain = keys.new_key()
    with transaction.atomic():
        account = User(
            username=f"apikey-{prefix}",
            unit=unit,
            first_name=name[:150],
            last_name="API",
            is_service_account=True,
        )
        account.set_unusable_password()
        account.save()
        account.user_permissions.set(permissions)
        api_key = ApiKey.objects.create(
            name=name,
            unit=unit,
            capabilities=capabilities,
            prefix=prefix,
            secret_hash=keys.hash_key(plain),
            user=account,
            created_by=created_by,
        )
    return api_key, plain


def revoke_api_key(api_key: ApiKey, *, actor: User | None) -> ApiKey:
    """Revoke a key for good: it stops working on the next request."""
    if api_key.revoked_at is not None:
        raise Conflict(_("This key has already been revoked."))
    with transaction.atomic():
        api_key.revoked_at = timezone.now()
        api_key.save(update_fields=["revoked_at"])
        User.objects.filter(pk=api_key.user_id).update(is_active=False)
    return api_key


def authenticate_key(plain: str) -> ApiKey | None:
    """The active key `plain` is, with its account, or None; records the use."""
    prefix = keys.prefix_of(plain)
    if prefix is None:
        return None
    api_key = (
        ApiKey.objects.active()
        .select_related("user", "user__unit", "unit")
        .filter(prefix=prefix, user__is_active=True)
        .first()
    )
    if api_key is None or not keys.matches(plain, api_key.secret_hash):
        return None
    now = timezone.now()
    if api_key.last_used_at is None or now - api_key.last_used_at > LAST_USED_RESOLUTION:
        ApiKey.objects.filter(pk=api_key.pk).update(last_used_at=now)
        api_key.last_used_at = now
    return api_key
