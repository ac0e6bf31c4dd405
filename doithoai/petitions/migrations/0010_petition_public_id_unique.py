from django.db import migrations, models

import doithoai.petitions.codes


class Migration(migrations.Migration):
    dependencies = [("petitions", "0009_fill_petition_public_id")]

    operations = [
        migrations.AlterField(
            model_name="petition",
            name="public_id",
            field=models.CharField(
                default=doithoai.petitions.codes.new_public_id,
                editable=False,
                max_length=32,
                unique=True,
                verbose_name="mã công khai",
            ),
        ),
    ]
