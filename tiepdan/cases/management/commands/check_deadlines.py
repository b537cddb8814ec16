from django.core.management.base import BaseCommand
from django.utils import timezone

from tiepdan.cases.services import deadlines


class Command(BaseCommand):
    help = "Send reminders for cases due soon and escalate overdue cases (safe to run twice)."

    def handle(self, *args: object, **options: object) -> None:
        result = deadlines.check_deadlines(today=timezone.localdate())
        self.stdout.write(f"reminded={result.reminded} escalated={result.escalated}")
