"""Contact views are also logged from the staff API, the follow-up pages and the letters list."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("dataprotection", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="contactview",
            name="place",
            field=models.CharField(
                choices=[
                    ("detail", "Trang chi tiết kiến nghị"),
                    ("export", "Tệp xuất danh sách kiến nghị"),
                    ("access", "Bản sao dữ liệu cho người yêu cầu"),
                    ("api", "API cho cán bộ"),
                    ("followup", "Trang xử lý, trả lời kiến nghị"),
                    ("letters", "Danh sách thư trả lời của phường, xã"),
                    ("other", "Trang khác"),
                ],
                max_length=16,
            ),
        ),
    ]
