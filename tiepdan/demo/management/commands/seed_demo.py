from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import gettext as _

from tiepdan.demo.registry import count_rows, seed_all


class Command(BaseCommand):
    help = "Load the demo wards, users and records (idempotent: a second run adds nothing)."

    def handle(self, *args: object, **options: object) -> None:
        before = count_rows()
        with transaction.atomic():
            demo = seed_all()
        after = count_rows()
        for line in demo.log:
            self.stdout.write(line)
        made = [(label, after[label] - before.get(label, 0)) for label in after]
        made = [(label, n) for label, n in made if n]
        if not made:
            self.stdout.write(
                self.style.SUCCESS(_("The demo data was already loaded: nothing new."))
            )
            return
        self.stdout.write(_("Created:"))
        for label, n in made:
            self.stdout.write(f"  {label}: {n}")
        self.stdout.write(self.style.SUCCESS(_("Demo data loaded.")))
