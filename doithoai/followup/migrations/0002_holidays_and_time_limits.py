"""Load the holidays table (data/holidays_vn.csv, 2016-2027) and the default time limits."""

import datetime

from django.db import migrations


def load(apps, schema_editor):  # type: ignore[no-untyped-def]
    from doithoai.followup.calendar import DEFAULT_TIME_LIMITS, read_holiday_rows

    Holiday = apps.get_model("followup", "Holiday")
    TimeLimit = apps.get_model("followup", "TimeLimit")
    for row in read_holiday_rows():
        Holiday.objects.get_or_create(
            date=datetime.date.fromisoformat(row["date"]),
            defaults={
                "kind": row["kind"],
                "name": row["name"],
                "source": row["source"],
                "confirmed": row["confirmed"] == "1",
            },
        )
    for key, (days, basis, confirmed) in DEFAULT_TIME_LIMITS.items():
        TimeLimit.objects.get_or_create(
            key=str(key), defaults={"working_days": days, "basis": basis, "confirmed": confirmed}
        )


class Migration(migrations.Migration):
    dependencies = [("followup", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
