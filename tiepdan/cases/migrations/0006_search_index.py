"""The accent-insensitive search index over cases (see tiepdan.cases.search_index).

SQLite: an FTS5 table fed by triggers. PostgreSQL: the `unaccent` extension (the migration
stops with what to do if the database user may not create it), a `vn` text-search configuration,
a stored `search_vector` column with a GIN index. Both: triggers that keep `Case.search_names`
equal to the names of the case's citizens. Existing rows are indexed.
"""

from typing import Any

from django.db import migrations

from tiepdan.cases.search import index as search_index


def create(apps: Any, schema_editor: Any) -> None:
    search_index.create(schema_editor.connection)


def drop(apps: Any, schema_editor: Any) -> None:
    search_index.drop(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0005_case_duplicates_matters_identity_log"),
        ("citizens", "0001_initial"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
