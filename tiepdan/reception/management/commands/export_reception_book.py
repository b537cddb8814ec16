"""Export a unit's reception book for a period as XLSX or CSV (by the file's ending)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tiepdan.orgunits.models import OrgUnit
from tiepdan.reception import exports
from tiepdan.reception.models import ReceptionEntry


def parse_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"not a date (YYYY-MM-DD): {value}") from exc


class Command(BaseCommand):
    help = "Export the reception book (Form 03/TCD) of a unit for a period to .xlsx or .csv."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--unit", required=True, help="the unit's official code, e.g. 26743")
        parser.add_argument("--from", dest="start", required=True, type=parse_date)
        parser.add_argument("--to", dest="end", required=True, type=parse_date)
        parser.add_argument("-o", "--output", required=True, help="FILE.xlsx or FILE.csv")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            unit = OrgUnit.objects.get(code=options["unit"])
        except OrgUnit.DoesNotExist as exc:
            raise CommandError(f"no unit has the code {options['unit']}") from exc
        start, end, output = options["start"], options["end"], Path(options["output"])
        entries = ReceptionEntry.objects.filter(unit=unit).period(start, end)
        if output.suffix.lower() == ".xlsx":
            output.write_bytes(exports.write_xlsx(entries, unit, start, end))
        elif output.suffix.lower() == ".csv":
            with output.open("w", encoding="utf-8", newline="") as out:
                exports.write_csv(entries, out)
        else:
            raise CommandError("the output file must end in .xlsx or .csv")
        self.stdout.write(f"{entries.count()} entries written to {output}")
