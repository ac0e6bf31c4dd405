"""Copy the default Vietnamese message templates into the table administrators edit."""

from django.db import migrations


def load(apps, schema_editor):  # type: ignore[no-untyped-def]
    from doithoai.notify.defaults import TEMPLATES

    MessageTemplate = apps.get_model("notify", "MessageTemplate")
    for key, values in TEMPLATES.items():
        MessageTemplate.objects.get_or_create(key=key, defaults=values)


class Migration(migrations.Migration):
    dependencies = [("notify", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
