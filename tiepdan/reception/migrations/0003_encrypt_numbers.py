"""Phone and document numbers of bookings, book entries and receipts encrypted at rest.

Law 91/2025 (rule 26). The columns become plain text, every row is encrypted (bookings also get
the phone's keyed hash, which now carries the one-booking-per-phone-per-day constraint), then the
columns are read through EncryptedCharField.
"""

from django.db import migrations, models

import tiepdan.lib.fields

COLUMNS = {
    "Appointment": {"phone": "phone", "id_number": None},
    "ReceptionEntry": {"id_number": None},
    "Receipt": {"provider_id_number": None},
}


def encrypt(apps, schema_editor, reverse=False):
    for model, columns in COLUMNS.items():
        tiepdan.lib.fields.encrypt_existing(
            apps.get_model("reception", model), columns, reverse=reverse
        )


def decrypt(apps, schema_editor):
    encrypt(apps, schema_editor, reverse=True)


def _fields(field_class):
    return [
        ("appointment", "phone", field_class(max_length=20, verbose_name="phone")),
        (
            "appointment",
            "id_number",
            field_class(blank=True, max_length=12, verbose_name="CCCD number"),
        ),
        (
            "receptionentry",
            "id_number",
            field_class(blank=True, max_length=30, verbose_name="document number"),
        ),
        (
            "receipt",
            "provider_id_number",
            field_class(blank=True, max_length=30, verbose_name="their document number"),
        ),
    ]


def _text(**kwargs):
    kwargs.pop("max_length", None)
    return models.TextField(**kwargs)


class Migration(migrations.Migration):
    dependencies = [("reception", "0002_online_sessions")]

    operations = [
        migrations.RemoveConstraint(
            model_name="appointment", name="appointment_one_per_phone_per_day"
        ),
        *[
            migrations.AlterField(model_name=model, name=name, field=field)
            for model, name, field in _fields(_text)
        ],
        migrations.AddField(
            model_name="appointment",
            name="phone_hash",
            field=tiepdan.lib.fields.LookupHashField(purpose="phone", source="phone"),
        ),
        migrations.RunPython(encrypt, decrypt, elidable=False),
        *[
            migrations.AlterField(model_name=model, name=name, field=field)
            for model, name, field in _fields(tiepdan.lib.fields.EncryptedCharField)
        ],
        migrations.AddConstraint(
            model_name="appointment",
            constraint=models.UniqueConstraint(
                condition=models.Q(("status", "cancelled"), _negated=True),
                fields=("day", "phone_hash"),
                name="appointment_one_per_phone_per_day",
            ),
        ),
    ]
