"""Names loaded as "Thành Phố …" (the data package's spelling of two provincial cities) are
written "Thành phố …", as `units.services.unit_name` now loads them."""

from django.db import migrations


def lower_kind(apps, schema_editor):
    Unit = apps.get_model("units", "Unit")
    for unit in Unit.objects.filter(name__startswith="Thành Phố "):
        unit.name = "Thành phố " + unit.name[len("Thành Phố ") :]
        unit.save(update_fields=["name"])


class Migration(migrations.Migration):
    dependencies = [("units", "0001_initial")]

    operations = [migrations.RunPython(lower_kind, migrations.RunPython.noop)]
