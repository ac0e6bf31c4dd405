"""Every existing petition gets a random public id (`codes.new_public_id`: 128 random bits as 32
letters a–p) in one statement on each database, so a million rows take seconds: from
gen_random_uuid() on PostgreSQL, from randomblob() on SQLite, the digits spelled as letters.
Elsewhere, in batches from Python."""

from django.db import migrations

DIGITS, LETTERS = "0123456789", "ghijklmnop"
BATCH = 2000


def _sqlite_value() -> str:
    value = "lower(hex(randomblob(16)))"
    for digit, letter in zip(DIGITS, LETTERS, strict=True):
        value = f"replace({value}, '{digit}', '{letter}')"
    return value


def fill(apps, schema_editor):  # type: ignore[no-untyped-def]
    from doithoai.petitions.codes import new_public_id

    petition = apps.get_model("petitions", "Petition")
    table = schema_editor.quote_name(petition._meta.db_table)
    vendor = schema_editor.connection.vendor
    if vendor in ("postgresql", "sqlite"):
        value = (
            f"translate(replace(gen_random_uuid()::text, '-', ''), '{DIGITS}', '{LETTERS}')"
            if vendor == "postgresql"
            else _sqlite_value()
        )
        schema_editor.execute(
            f"UPDATE {table} SET public_id = {value} WHERE public_id IS NULL"  # noqa: S608
        )
        return
    while True:
        rows = list(petition.objects.filter(public_id__isnull=True).only("pk")[:BATCH])
        if not rows:
            return
        for row in rows:
            row.public_id = new_public_id()
        petition.objects.bulk_update(rows, ["public_id"])


class Migration(migrations.Migration):
    dependencies = [("petitions", "0008_petition_public_id")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
