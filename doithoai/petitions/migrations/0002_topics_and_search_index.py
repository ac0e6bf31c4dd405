"""Seed the topic schema and, on PostgreSQL, a trigram index for diacritic-free search."""

from django.db import migrations

TOPICS = [
    ("dat_dai", "Đất đai"),
    ("quy_hoach", "Quy hoạch"),
    ("xay_dung", "Xây dựng"),
    ("gpmb", "Giải phóng mặt bằng, bồi thường, tái định cư"),
    ("do_thi", "Quản lý đô thị"),
    ("giao_thong", "Giao thông"),
    ("moi_truong", "Môi trường"),
    ("kinh_doanh", "Kinh doanh, chợ, thuế phí"),
    ("an_sinh", "Chính sách xã hội"),
    ("y_te_giao_duc", "Y tế, giáo dục"),
    ("an_ninh", "An ninh trật tự"),
    ("hanh_chinh", "Thủ tục hành chính, cán bộ"),
    ("dien_nuoc", "Điện, nước sinh hoạt"),
    ("khac", "Khác"),
]


def seed_topics(apps, schema_editor):
    Topic = apps.get_model("petitions", "Topic")
    for code, name in TOPICS:
        Topic.objects.get_or_create(code=code, defaults={"name": name})


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
