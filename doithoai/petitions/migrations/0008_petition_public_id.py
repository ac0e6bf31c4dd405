"""A public id for each petition, separate from its tracking code (which is a secret).

Three steps, as Django's "migrations that add unique fields": the column (empty), filled with
random ids (0009), then unique and required (0010)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("petitions", "0007_words_function_plpgsql")]

    operations = [
        migrations.AddField(
            model_name="petition",
            name="public_id",
            field=models.CharField(
                editable=False, max_length=32, null=True, verbose_name="mã công khai"
            ),
        ),
    ]
