from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tiepdan.mediation.exports import book_xlsx
from tiepdan.orgunits.models import OrgUnit


class Command(BaseCommand):
    help = "Export the mediation log book (Sổ theo dõi hoạt động hòa giải ở cơ sở) as XLSX."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--unit", required=True, help="official code of the ward or commune")
        parser.add_argument("--year", required=True, type=int)
        parser.add_argument("-o", "--output", required=True, help="the .xlsx file to write")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            unit = OrgUnit.objects.get(code=options["unit"])
        except OrgUnit.DoesNotExist as exc:
            raise CommandError(f"no unit with the official code {options['unit']}") from exc
        path = Path(options["output"])
        if path.suffix.lower() != ".xlsx":
            raise CommandError("the output file must end in .xlsx")
        path.write_bytes(book_xlsx(unit, options["year"]))
        self.stdout.write(f"{path} ({unit.name}, {options['year']})")
