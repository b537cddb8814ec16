"""Writes on accounts: keeping the role groups in line with `roles.CAPABILITIES`."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from tiepdan.accounts.roles import CAPABILITIES


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
