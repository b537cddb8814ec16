"""The duplicate-detection index: each case's rarest n-gram hashes and their document counts."""

from __future__ import annotations

from django.db import models

from tiepdan.cases.models.case import Case
from tiepdan.orgunits.models import OrgUnit


class DuplicateKey(models.Model):
    """The hashes of a case's rarest n-grams: where duplicate detection finds candidates.

    `province` is the case's top unit, so a look-up stays inside one province (lib/similarity).
    """

    key = models.BigIntegerField()
    province = models.ForeignKey(
        OrgUnit, on_delete=models.CASCADE, related_name="+", db_constraint=False
    )
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="+")

    class Meta:
        # The case id is in the index: a look-up reads thousands of rows, and fetching each
        # from the table (24 million rows at 1,000,000 cases) costs more than the search.
        indexes = [models.Index(fields=["key", "province", "case"], name="duplicate_key_cases")]

    def __str__(self) -> str:
        return f"{self.key} → {self.case_id}"


class TermCount(models.Model):
    """How many cases contain an n-gram (by `lib.similarity.key_hash`): the TF-IDF statistics."""

    key = models.BigIntegerField(primary_key=True)
    df = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.key}: {self.df}"
