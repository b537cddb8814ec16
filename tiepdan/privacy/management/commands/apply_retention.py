"""Purge or anonymise personal data past its retention period (Law 91/2025; rule 26).

A dry run by default: it prints what would be done. `--apply` does it and logs the counts.
Run it daily or weekly from cron, e.g. `manage.py apply_retention --apply`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from tiepdan.privacy import retention


class Command(BaseCommand):
    help = "Report (default) or --apply the purging and anonymising of expired personal data."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--apply", action="store_true", help="do it (default: dry run)")
        parser.add_argument("--today", type=date.fromisoformat, help="YYYY-MM-DD (for tests)")

    def handle(self, *args: Any, **options: Any) -> None:
        today = options["today"] or timezone.localdate()
        applying = options["apply"]
        lines = retention.apply(today) if applying else retention.plan(today)
        verb = "done" if applying else "would"
        self.stdout.write(f"Retention on {today:%Y-%m-%d} ({'applied' if applying else 'dry run'})")
        for line in lines:
            record = line.record_type
            if line.cutoff is None:
                self.stdout.write(f"  {record.key}: kept (no period set)")
                continue
            self.stdout.write(
                f"  {record.key}: {verb} {record.verb} {line.count} "
                f"(older than {line.days} days, before {line.cutoff:%Y-%m-%d})"
            )
        if not applying:
            self.stdout.write("Nothing was changed. Run with --apply to do it.")
