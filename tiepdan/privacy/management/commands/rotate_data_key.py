"""Re-encrypt and re-hash every encrypted value with the newest TIEPDAN_DATA_KEY.

Key rotation (docs/operations.md): put the new key first (`TIEPDAN_DATA_KEY=<new>,<old>`), run
this command, then drop the old key. Until then both keys decrypt and both hashes are found.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from tiepdan.lib.fields import EncryptedCharField, hash_fields


class Command(BaseCommand):
    help = "Re-encrypt and re-hash encrypted personal data with the first TIEPDAN_DATA_KEY."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch", type=int, default=500)

    def handle(self, *args: Any, **options: Any) -> None:
        for model in apps.get_models():
            encrypted = [
                f.name for f in model._meta.concrete_fields if isinstance(f, EncryptedCharField)
            ]
            if not encrypted:
                continue
            hashes = hash_fields(model)
            names = encrypted + [f.name for f in hashes]
            done = 0
            rows = model._default_manager.only("pk", *encrypted).order_by("pk")
            batch: list[Any] = []
            for row in rows.iterator(chunk_size=options["batch"]):
                for field in hashes:
                    setattr(row, field.attname, field.compute(row))
                batch.append(row)
                if len(batch) >= options["batch"]:
                    done += self._write(model, batch, names)
            done += self._write(model, batch, names)
            self.stdout.write(f"{model._meta.label}: {done} rows re-encrypted")

    @staticmethod
    def _write(model: Any, batch: list[Any], names: list[str]) -> int:
        # bulk_update writes each encrypted value through get_prep_value: the newest key.
        count = len(batch)
        if count:
            with transaction.atomic():
                model._default_manager.bulk_update(batch, names)
            batch.clear()
        return count
