"""The one door to an API key: keys of the admin's subtree, for holders of manage_api_keys."""

from __future__ import annotations

from django.db.models import QuerySet

from tiepdan.accounts.access import get_in_scope, scoped
from tiepdan.accounts.models import User
from tiepdan.integrations.models import ApiKey

MANAGE = "integrations.manage_api_keys"


def keys_visible_to(user: User) -> QuerySet[ApiKey]:
    return scoped(ApiKey.objects.select_related("unit", "created_by"), user)


def get_api_key_for(user: User, pk: object, *, write: bool = False) -> ApiKey:
    return get_in_scope(
        ApiKey.objects.select_related("unit"), user, pk, read=MANAGE, write=MANAGE, for_write=write
    )
