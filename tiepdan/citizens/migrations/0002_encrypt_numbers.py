"""CCCD and phone numbers encrypted at rest, with keyed hashes to find them (Law 91/2025).

Three steps: the columns lose their clear-text indexes (PostgreSQL: and become `text`) and hash
columns are added; every row is encrypted and hashed; the columns are then read through
EncryptedCharField. The columns are changed in place with SQL, never by Django's SQLite table
rebuild, which would drop the triggers other apps keep on this table (the case search index).
"""

from django.db import migrations, models

import tiepdan.lib.fields

TABLE = "citizens_citizen"
COLUMNS = {"id_number": "id_number", "phone": "phone"}
LENGTHS = {"id_number": 30, "phone": 20}


def _single_column_indexes(schema_editor, column):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, TABLE)
    return [
        name
        for name, c in constraints.items()
        if c["columns"] == [column] and c["index"] and not c["unique"] and not c["primary_key"]
    ]


def _hash_index(schema_editor, column):
    return schema_editor._create_index_name(TABLE, [f"{column}_hash"], suffix="")


def change_columns(apps, schema_editor):
    postgres = schema_editor.connection.vendor == "postgresql"
    for column in COLUMNS:
        for name in _single_column_indexes(schema_editor, column):
            schema_editor.execute(f"DROP INDEX {schema_editor.quote_name(name)}")
        if postgres:
            schema_editor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN {column} TYPE text")
        schema_editor.execute(
            f"ALTER TABLE {TABLE} ADD COLUMN {column}_hash varchar(64) NOT NULL DEFAULT ''"
        )
        index = schema_editor.quote_name(_hash_index(schema_editor, column))
        schema_editor.execute(f"CREATE INDEX {index} ON {TABLE} ({column}_hash)")


def restore_columns(apps, schema_editor):
    postgres = schema_editor.connection.vendor == "postgresql"
    for column, length in LENGTHS.items():
        index = schema_editor.quote_name(_hash_index(schema_editor, column))
        schema_editor.execute(f"DROP INDEX {index}")
        schema_editor.execute(f"ALTER TABLE {TABLE} DROP COLUMN {column}_hash")
        if postgres:
            schema_editor.execute(
                f"ALTER TABLE {TABLE} ALTER COLUMN {column} TYPE varchar({length})"
            )
        name = schema_editor.quote_name(schema_editor._create_index_name(TABLE, [column], ""))
        schema_editor.execute(f"CREATE INDEX {name} ON {TABLE} ({column})")


def encrypt(apps, schema_editor):
    tiepdan.lib.fields.encrypt_existing(apps.get_model("citizens", "Citizen"), COLUMNS)


def decrypt(apps, schema_editor):
    tiepdan.lib.fields.encrypt_existing(
        apps.get_model("citizens", "Citizen"), COLUMNS, reverse=True
    )


def _hash_field(column):
    return tiepdan.lib.fields.LookupHashField(db_index=True, purpose=column, source=column)


class Migration(migrations.Migration):
    dependencies = [("citizens", "0001_initial")]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunPython(change_columns, restore_columns)],
            state_operations=[
                migrations.AlterField(
                    model_name="citizen",
                    name="id_number",
                    field=models.TextField(blank=True, verbose_name="document number"),
                ),
                migrations.AlterField(
                    model_name="citizen",
                    name="phone",
                    field=models.TextField(blank=True, verbose_name="phone (E.164)"),
                ),
                migrations.AddField(
                    model_name="citizen", name="id_number_hash", field=_hash_field("id_number")
                ),
                migrations.AddField(
                    model_name="citizen", name="phone_hash", field=_hash_field("phone")
                ),
            ],
        ),
        migrations.RunPython(encrypt, decrypt, elidable=False),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="citizen",
                    name="id_number",
                    field=tiepdan.lib.fields.EncryptedCharField(
                        blank=True, max_length=30, verbose_name="document number"
                    ),
                ),
                migrations.AlterField(
                    model_name="citizen",
                    name="phone",
                    field=tiepdan.lib.fields.EncryptedCharField(
                        blank=True, max_length=20, verbose_name="phone (E.164)"
                    ),
                ),
            ],
        ),
    ]
