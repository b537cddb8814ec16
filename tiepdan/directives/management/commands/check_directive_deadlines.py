from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from tiepdan.directives.services import check_directive_deadlines


class Command(BaseCommand):
    help = "Remind owners of directives due soon and escalate overdue ones (idempotent)."

    def handle(self, *args: Any, **options: Any) -> None:
        reminded, escalated = check_directive_deadlines(today=timezone.localdate())
        self.stdout.write(f"reminded={reminded} escalated={escalated}")
