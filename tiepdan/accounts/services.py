"""Writes on accounts: role groups in line with `roles.CAPABILITIES`, and a unit's users."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from axes.utils import reset as axes_reset
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from tiepdan.accounts.models import User
from tiepdan.accounts.roles import CAPABILITIES, ROLE_LABELS
from tiepdan.lib.errors import DomainError, NotAllowed
from tiepdan.orgunits.models import Department, OrgUnit

log = logging.getLogger(__name__)

# The fields a unit administrator may set on a user of their subtree.
PROFILE_FIELDS = (
    "last_name",
    "first_name",
    "email",
    "phone",
    "unit",
    "department",
    "post",
    "position",
)


def sync_roles() -> None:
    """Create or update one group per role with exactly the capabilities listed for it."""
    with transaction.atomic():
        for role, codenames in CAPABILITIES.items():
            group, _created = Group.objects.get_or_create(name=role)
            perms = []
            for dotted in sorted(codenames):
                app_label, codename = dotted.split(".", 1)
                perm = Permission.objects.filter(
                    content_type__app_label=app_label, codename=codename
                ).first()
                if perm is not None:  # an app not migrated yet gets its turn next migrate
                    perms.append(perm)
            group.permissions.set(perms)


def _check_placement(actor: User, unit: OrgUnit | None, department: Department | None) -> None:
    """Refuse a unit outside the actor's subtree or a department of another unit."""
    if unit is None or not actor.can_see_unit(unit):
        raise NotAllowed(_("You can only place users in your own unit or below it."), field="unit")
    if department is not None and department.unit_id != unit.pk:
        raise DomainError(
            _("The department %(department)s does not belong to %(unit)s.")
            % {"department": department, "unit": unit},
            field="department",
        )


def _set_roles(user: User, roles: Iterable[str]) -> None:
    names = set(roles)
    unknown = names - set(ROLE_LABELS)
    if unknown:
        raise DomainError(_("Unknown role: %(role)s.") % {"role": ", ".join(sorted(unknown))})
    user.groups.set(Group.objects.filter(name__in=names))


def create_user(
    *, actor: User, username: str, password: str, roles: Iterable[str], **profile: object
) -> User:
    """Create an active staff account in the actor's subtree with the given roles."""
    unit = profile.get("unit")
    department = profile.get("department")
    _check_placement(actor, unit, department)  # type: ignore[arg-type]
    fields = {name: profile[name] for name in PROFILE_FIELDS if name in profile}
    with transaction.atomic():
        if User.objects.filter(username__iexact=username).exists():
            raise DomainError(_("This user name is already taken."), field="username")
        user = User(username=username, **fields)
        user.set_password(password)
        user.save()
        _set_roles(user, roles)
    log.info("user %s created by %s", user.username, actor.username)
    return user


def update_user(user: User, *, actor: User, roles: Iterable[str], **profile: object) -> User:
    """Change a user's profile, unit and roles."""
    _check_placement(actor, profile.get("unit"), profile.get("department"))  # type: ignore[arg-type]
    changed = [name for name in PROFILE_FIELDS if name in profile]
    if user.pk == actor.pk and set(roles) != set(user.role_names()):
        raise DomainError(_("You cannot change your own roles."), field="roles")
    with transaction.atomic():
        for name in changed:
            setattr(user, name, profile[name])
        user.save(update_fields=changed)
        _set_roles(user, roles)
    log.info("user %s updated by %s", user.username, actor.username)
    return user


def set_user_active(user: User, *, actor: User, active: bool) -> User:
    """Disable an account (it can no longer log in) or enable it again."""
    if user.pk == actor.pk:
        raise DomainError(_("You cannot disable your own account."))
    with transaction.atomic():
        user.is_active = active
        user.save(update_fields=["is_active"])
    log.info("user %s active=%s by %s", user.username, active, actor.username)
    return user


def set_user_password(user: User, *, actor: User, password: str) -> User:
    """Give a user a new password (validated by the caller's form against the password rules)."""
    with transaction.atomic():
        user.set_password(password)
        user.save(update_fields=["password"])
    log.info("password of %s set by %s", user.username, actor.username)
    return user


def reset_two_factor(user: User, *, actor: User) -> int:
    """Remove a user's authenticator devices; they enrol a new one at their next login."""
    with transaction.atomic():
        count, _details = TOTPDevice.objects.filter(user=user).delete()
    log.info("two-factor devices of %s reset by %s", user.username, actor.username)
    return count


def unlock_user(user: User, *, actor: User) -> int:
    """Clear the failed-login lockout of a user's name; return how many records were cleared."""
    cleared = axes_reset(username=user.username)
    log.info("login lockout of %s cleared by %s", user.username, actor.username)
    return cleared


def two_factor_device(user: User) -> tuple[TOTPDevice, bool]:
    """Return the user's confirmed TOTP device, or a pending one to enrol (and True)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is not None:
        return device, False
    pending = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if pending is None:
        pending = TOTPDevice.objects.create(user=user, name="tiepdan", confirmed=False)
    return pending, True


def confirm_two_factor(device: TOTPDevice) -> None:
    """Mark a device as enrolled once its first code has been verified."""
    if not device.confirmed:
        device.confirmed = True
        device.save(update_fields=["confirmed"])
