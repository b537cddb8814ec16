"""Import a legacy reception book (XLSX or CSV, Form 03/TCD columns) into a unit's book."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tiepdan.orgunits.models import OrgUnit
from tiepdan.reception.imports import import_book


class Command(BaseCommand):
    help = "Import a legacy reception book; bad rows are reported, good rows imported at once."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--unit", required=True, help="the unit's official code, e.g. 26743")
        parser.add_argument("file", help="FILE.xlsx or FILE.csv")
        parser.add_argument("--dry-run", action="store_true", help="validate only, import nothing")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            unit = OrgUnit.objects.get(code=options["unit"])
        except OrgUnit.DoesNotExist as exc:
            raise CommandError(f"no unit has the code {options['unit']}") from exc
        path = Path(options["file"])
        if not path.exists():
            raise CommandError(f"no such file: {path}")
        report = import_book(unit, path.name, path.read_bytes(), dry_run=options["dry_run"])
        for row, reason in report.rejected:
            self.stdout.write(f"row {row}: {reason}")
        verb = "would be imported" if report.dry_run else "imported"
        self.stdout.write(
            f"{report.accepted} rows {verb}, {report.duplicates} already imported, "
            f"{len(report.rejected)} rejected"
        )
