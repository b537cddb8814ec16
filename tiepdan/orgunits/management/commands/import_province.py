from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from tiepdan.lib.errors import DomainError
from tiepdan.orgunits.services import import_province


class Command(BaseCommand):
    help = "Create a province and all its wards/communes from the official two-tier register."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("code", type=int, help="official province code, e.g. 79")

    def handle(self, *args: object, code: int, **options: object) -> None:
        try:
            province, created = import_province(code)
        except DomainError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(
            _("%(province)s: %(count)s new commune-level units (%(total)s in all).")
            % {"province": province.name, "count": created, "total": province.children.count()}
        )
