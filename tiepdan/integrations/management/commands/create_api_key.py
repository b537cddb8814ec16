"""Create an API key for a unit and print it once: `create_api_key --unit 26743 --name …`."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tiepdan.integrations.services import create_api_key, grantable_capabilities
from tiepdan.lib.errors import DomainError
from tiepdan.orgunits.models import OrgUnit


class Command(BaseCommand):
    help = "Create an API key scoped to a unit's subtree; the key is printed once."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--unit", help="Official code of the unit, e.g. 26743")
        parser.add_argument("--name", help="Who or what uses the key")
        parser.add_argument(
            "--capability",
            action="append",
            default=[],
            help="app_label.codename; repeat for more. --list-capabilities shows them.",
        )
        parser.add_argument(
            "--list-capabilities", action="store_true", help="Print what a key may hold."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["list_capabilities"]:
            self.stdout.write("\n".join(grantable_capabilities()))
            return
        if not options["unit"] or not options["name"]:
            raise CommandError("Give --unit and --name.")
        unit = OrgUnit.objects.filter(code=options["unit"]).first()
        if unit is None:
            raise CommandError(f"No unit with code {options['unit']!r}.")
        try:
            api_key, plain = create_api_key(
                unit=unit,
                name=options["name"],
                capabilities=options["capability"],
                created_by=None,
            )
        except DomainError as exc:
            known = ", ".join(grantable_capabilities())
            raise CommandError(f"{exc.message}\nCapabilities: {known}") from exc
        granted = ", ".join(api_key.capabilities) or "no capability"
        self.stderr.write(
            f"Key {api_key.prefix} for {unit} ({granted}). Store it now; it is not shown again."
        )
        self.stdout.write(plain)
