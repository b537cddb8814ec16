from django.core.management.base import BaseCommand

from tiepdan.accounts.models import User
from tiepdan.demo.registry import DEMO_PASSWORD


class Command(BaseCommand):
    help = "Print the demo accounts and their password."

    def handle(self, *args: object, **options: object) -> None:
        users = User.objects.filter(username__contains=".").select_related("unit").order_by("username")
        if not users:
            return
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
        for user in users:
            roles = ", ".join(user.role_names())
            self.stdout.write(f"  {user.username:<22} {roles:<20} {user.unit}")
