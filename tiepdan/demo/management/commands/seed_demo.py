from django.core.management.base import BaseCommand

from tiepdan.demo.registry import seed_all


class Command(BaseCommand):
    help = "Load the demo wards, users and records (idempotent)."

    def handle(self, *args: object, **options: object) -> None:
        demo = seed_all()
        for line in demo.log:
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
