"""Search by PostgreSQL's full-text search instead of the word-pair function of 0005/0007.

The GIN index `petition_words` on `doithoai_words(text_folded)` and the function go (reverse: both
come back, as 0007 left them); `search_vector`, a stored generated tsvector of the folded words,
and its GIN index `petition_search` on the unit and the vector (btree_gin, so that a search
within a commune's units reads only their entries) come, declared in the model
(docs/adr/0008-search.md). On SQLite the column is NULL and the index is not built
(petitions/search.py)."""

import importlib

import django.contrib.postgres.search
from django.contrib.postgres.operations import BtreeGinExtension
from django.db import migrations, models

import doithoai.petitions.search


def drop_word_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS petition_words")
    schema_editor.execute("DROP FUNCTION IF EXISTS doithoai_words(text)")


def restore_word_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    plpgsql = importlib.import_module("doithoai.petitions.migrations.0007_words_function_plpgsql")
    schema_editor.execute(plpgsql.WORDS_FUNCTION)
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS petition_words "
        "ON petitions_petition USING gin (doithoai_words(text_folded))"
    )


class Migration(migrations.Migration):
    dependencies = [("petitions", "0010_petition_public_id_unique")]

    operations = [
        migrations.RunPython(drop_word_index, restore_word_index),
        BtreeGinExtension(),
        migrations.AddField(
            model_name="petition",
            name="search_vector",
            field=models.GeneratedField(
                db_persist=True,
                expression=doithoai.petitions.search.FoldedWordsVector("text_folded"),
                output_field=django.contrib.postgres.search.SearchVectorField(),
            ),
        ),
        migrations.AddIndex(
            model_name="petition",
            index=doithoai.petitions.search.PostgresGinIndex(
                fields=["unit", "search_vector"], name="petition_search"
            ),
        ),
    ]
