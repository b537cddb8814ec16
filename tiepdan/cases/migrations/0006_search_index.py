"""The accent-insensitive search index over cases (filled in by the search work)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("cases", "0005_case_duplicates_matters_identity_log")]

    operations: list[migrations.operations.base.Operation] = []
