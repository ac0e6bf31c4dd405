"""The search vector holds the petition's unit marker too (`@<unit id>`, petitions/search.py), and
`petition_search` becomes a GIN index of the vector alone: a search bounded by a few units asks
the index for the words and the units' markers together (docs/adr/0008-search.md), so the
btree_gin unit column is no longer needed. A generated column cannot be altered: the column is
dropped and added again, which rewrites the table (1M petitions: see bench/README-petitions.md).
Reverse: the vector and the two-column index of 0011 come back. On SQLite the column is NULL and
no index is built."""

import django.contrib.postgres.search
from django.db import migrations, models

import doithoai.petitions.search


class Migration(migrations.Migration):
    dependencies = [("petitions", "0012_text_folded_repairs_typing")]

    operations = [
        migrations.RemoveIndex(model_name="petition", name="petition_search"),
        migrations.RemoveField(model_name="petition", name="search_vector"),
        migrations.AddField(
            model_name="petition",
            name="search_vector",
            field=models.GeneratedField(
                db_persist=True,
                expression=doithoai.petitions.search.SearchDocument("text_folded", "unit_id"),
                output_field=django.contrib.postgres.search.SearchVectorField(),
            ),
        ),
        migrations.AddIndex(
            model_name="petition",
            index=doithoai.petitions.search.PostgresGinIndex(
                fields=["search_vector"], name="petition_search"
            ),
        ),
    ]
