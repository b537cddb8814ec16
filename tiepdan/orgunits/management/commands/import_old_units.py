from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from tiepdan.lib.errors import DomainError
from tiepdan.orgunits.history import read_history
from tiepdan.orgunits.services import import_history


class Command(BaseCommand):
    help = (
        "Keep an old three-tier list (province, district, commune) from a CSV file as history. "
        "Columns: province_code, province_name, district_code, district_name, commune_code, "
        "commune_name[, commune_kind], or the GSO export's Vietnamese headings. "
        "Nothing is saved if any row is wrong."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("csv_file", type=Path, help="UTF-8 CSV file")

    def handle(self, *args: object, csv_file: Path, **options: object) -> None:
        try:
            with csv_file.open(encoding="utf-8-sig", newline="") as handle:
                rows, errors = read_history(handle)
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(
                _("Cannot read %(file)s as UTF-8 text: %(error)s")
                % {"file": csv_file, "error": exc}
            ) from exc
        if errors:
            raise CommandError("\n".join([_("Nothing was imported:"), *errors]))
        try:
            result = import_history(rows)
        except DomainError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(
            _(
                "Imported as history: %(provinces)s provinces, %(districts)s districts, "
                "%(communes)s communes."
            )
            % {
                "provinces": result.provinces,
                "districts": result.districts,
                "communes": result.communes,
            }
        )
        if result.already_current:
            self.stdout.write(
                _("Already current units, left as they are: %(units)s")
                % {"units": ", ".join(result.already_current)}
            )
