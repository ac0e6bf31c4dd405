"""`Petition.text_folded` is now the folded text after Telex/VNI leftovers are repaired
(`core.text.search_key`: "dduwowngf" is kept as "duong"), so a search for "đường" finds a
petition typed with keystrokes left in. Rows whose key changes are rewritten; the generated
`search_vector` follows. Reverse: nothing to undo (the old key is `fold` of the same text)."""

from django.db import migrations

from doithoai.core.text import search_key

BATCH = 2000


def rekey(apps, schema_editor):
    Petition = apps.get_model("petitions", "Petition")
    changed = []
    rows = Petition.objects.only("id", "text", "text_folded").order_by("id")
    for petition in rows.iterator(chunk_size=BATCH):
        key = search_key(petition.text)
        if key != petition.text_folded:
            petition.text_folded = key
            changed.append(petition)
        if len(changed) >= BATCH:
            Petition.objects.bulk_update(changed, ["text_folded"])
            changed = []
    if changed:
        Petition.objects.bulk_update(changed, ["text_folded"])


class Migration(migrations.Migration):
    dependencies = [("petitions", "0011_full_text_search")]

    operations = [migrations.RunPython(rekey, migrations.RunPython.noop)]
