"""Seed the topic schema and, on PostgreSQL, a trigram index for diacritic-free search."""

from django.db import migrations

from doithoai.petitions.topics import topics_ensure



def seed_topics(apps, schema_editor):
    topics_ensure(apps.get_model("petitions", "Topic"))


def trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS petition_text_folded_trgm "
        "ON petitions_petition USING gin (text_folded gin_trgm_ops)"
    )


def drop_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS petition_text_folded_trgm")


class Migration(migrations.Migration):
    dependencies = [("petitions", "0001_initial")]

    operations = [
        migrations.RunPython(seed_topics, migrations.RunPython.noop),
        migrations.RunPython(trigram_index, drop_trigram_index),
    ]
