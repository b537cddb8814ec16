"""python manage.py make_report --unit 26743 --period 2026-H1 --type state -o bao-cao.docx"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tiepdan.lib.errors import DomainError
from tiepdan.orgunits.models import OrgUnit
from tiepdan.reports import services
from tiepdan.reports.models import GeneratedReport


class Command(BaseCommand):
    help = "Generate a periodic report (the file's ending, .docx or .xlsx, picks the format)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--unit", required=True, help="official code of the unit (e.g. 26743)")
        parser.add_argument(
            "--period", required=True, help="2026-01, 2026-Q1, 2026-H1, 2026-9M, 2026"
        )
        parser.add_argument("--type", dest="kind", choices=["state", "party"], default="state")
        parser.add_argument("-o", "--output", required=True, help="file to write (.docx or .xlsx)")

    def handle(self, *args: Any, **options: Any) -> None:
        output = Path(options["output"])
        fmt = output.suffix.lower().lstrip(".")
        if fmt not in GeneratedReport.Format.values:
            raise CommandError("the output file must end in .docx or .xlsx")
        unit = OrgUnit.objects.filter(code=options["unit"]).first()
        if unit is None:
            raise CommandError(f"no unit with the code {options['unit']}")
        try:
            report = services.request_report(
                unit=unit, kind=options["kind"], period=options["period"], fmt=fmt, actor=None
            )
            services.generate(report)
        except DomainError as error:
            raise CommandError(error.message) from error
        with report.file.open("rb") as source:
            output.write_bytes(source.read())
        number = f" {report.number}" if report.number else ""
        self.stdout.write(f"{output}{number} ({output.stat().st_size} bytes)")
