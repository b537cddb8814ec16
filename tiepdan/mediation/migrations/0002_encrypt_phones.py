"""Phone numbers of mediators and parties encrypted at rest (Law 91/2025, rule 26)."""

from django.db import migrations, models

import tiepdan.lib.fields

MODELS = ("Mediator", "Party")


def encrypt(apps, schema_editor, reverse=False):
    for model in MODELS:
        tiepdan.lib.fields.encrypt_existing(
            apps.get_model("mediation", model), {"phone": None}, reverse=reverse
        )


def decrypt(apps, schema_editor):
    encrypt(apps, schema_editor, reverse=True)


class Migration(migrations.Migration):
    dependencies = [("mediation", "0001_teams_mediators_cases")]

    operations = [
        *[
            migrations.AlterField(
                model_name=model.lower(),
                name="phone",
                field=models.TextField(blank=True, verbose_name="phone"),
            )
            for model in MODELS
        ],
        migrations.RunPython(encrypt, decrypt, elidable=False),
        *[
            migrations.AlterField(
                model_name=model.lower(),
                name="phone",
                field=tiepdan.lib.fields.EncryptedCharField(
                    blank=True, max_length=20, verbose_name="phone"
                ),
            )
            for model in MODELS
        ],
    ]
