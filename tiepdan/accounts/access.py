"""The one door to a record: scope (which units) then capability (what the role may do).

Every app's `access.py` builds its `get_<thing>_for(user, pk, write=False)` on `get_in_scope`:
a record outside the user's units is a 404 (its existence is not revealed), a record in scope
without the capability is a 403.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db import models
from django.http import Http404

from tiepdan.accounts.models import User
from tiepdan.accounts.roles import TWO_FACTOR_ROLES
from tiepdan.orgunits.models import Department, OrgUnit

M = TypeVar("M", bound=models.Model)


def scoped(
    queryset: models.QuerySet[M], user: User, unit_field: str = "unit"
) -> models.QuerySet[M]:
    """Restrict `queryset` to the records of the units `user` may see."""
    if user.is_superuser:
        return queryset
    if not user.is_authenticated or user.unit_id is None:
        return queryset.none()
    return queryset.filter(**{f"{unit_field}__path__startswith": user.unit.path})  # type: ignore[union-attr]


def require(user: User, *capabilities: str) -> None:
    """Raise PermissionDenied unless `user` holds every capability."""
    if not user.has_perms(capabilities):
        raise PermissionDenied


def get_in_scope(
    queryset: models.QuerySet[M],
    user: User,
    pk: object,
    *,
    read: str | None = None,
    write: str | None = None,
    for_write: bool = False,
    unit_field: str = "unit",
) -> M:
    """Fetch one record through scope, then check the read (or write) capability."""
    try:
        obj = scoped(queryset, user, unit_field).get(pk=pk)
    except (ObjectDoesNotExist, ValueError, TypeError, ValidationError) as exc:
        raise Http404 from exc
    needed = write if for_write else read
    if needed:
        require(user, needed)
    return obj


def get_user_for(actor: User, pk: object, *, write: bool = False) -> User:
    """A staff account of the actor's subtree, for a unit administrator (superusers excluded)."""
    users = User.objects.filter(is_superuser=False).select_related("unit", "department")
    return get_in_scope(
        users,
        actor,
        pk,
        read="accounts.manage_unit_users",
        write="accounts.manage_unit_users",
        for_write=write,
    )


def owes_second_factor(user: Any) -> bool:
    """Whether this signed-in user must still pass TOTP (the pages send them to it; the API
    refuses)."""
    if not settings.TIEPDAN_REQUIRE_2FA or not user.is_authenticated:
        return False
    if user.is_verified():
        return False
    return bool(user.is_superuser or set(user.role_names()) & TWO_FACTOR_ROLES)


def own_unit(user: User) -> OrgUnit:
    """The caller's unit, where new records are made (a 404 for an account without one)."""
    if user.unit is None:
        raise Http404
    return user.unit


def person_in_scope(user: User, pk: int | None) -> User | None:
    """A staff member of the caller's units (never a key's account); unknown → 404."""
    if pk is None:
        return None
    people = scoped(User.objects.people().filter(is_active=True), user)
    found = people.filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def department_in_scope(user: User, pk: int | None) -> Department | None:
    if pk is None:
        return None
    found = scoped(Department.objects.all(), user).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found
