from django.core.management.base import BaseCommand
from django.utils import translation
from django.utils.translation import gettext as _

from tiepdan.accounts.models import User
from tiepdan.accounts.roles import ROLE_LABELS
from tiepdan.demo.registry import DEMO_PASSWORD


class Command(BaseCommand):
    help = "Print the demo accounts, their roles and their password."

    def handle(self, *args: object, **options: object) -> None:
        users = (
            User.objects.filter(username__contains=".", is_active=True)
            .select_related("unit")
            .prefetch_related("groups")
            .order_by("unit__path", "username")
        )
        if not users:
            return
        with translation.override("vi"):
            self.stdout.write(
                _("Demo logins (the same password for all: %(password)s):")
                % {"password": DEMO_PASSWORD}
            )
            for user in users:
                roles = ", ".join(str(ROLE_LABELS.get(g.name, g.name)) for g in user.groups.all())
                if user.post:
                    roles += f" ({user.get_post_display()})"
                self.stdout.write(f"  {user.username:<20} {roles:<34} {user.unit or ''}")
