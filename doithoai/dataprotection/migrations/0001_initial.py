import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("petitions", "0007_words_function_plpgsql"),
        ("units", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="DataSubjectRequest",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("access", "Xem, nhận bản sao dữ liệu"),
                            ("correction", "Chỉnh sửa dữ liệu"),
                            ("erasure", "Xóa dữ liệu"),
                            ("withdrawal", "Rút lại sự đồng ý"),
                            ("restriction", "Hạn chế xử lý"),
                            ("objection", "Phản đối xử lý"),
                        ],
                        max_length=16,
                        verbose_name="loại yêu cầu",
                    ),
                ),
                (
                    "requester_name",
                    models.CharField(
                        blank=True, max_length=150, verbose_name="họ và tên người yêu cầu"
                    ),
                ),
                (
                    "requester_phone",
                    models.CharField(blank=True, max_length=20, verbose_name="điện thoại"),
                ),
                (
                    "requester_email",
                    models.EmailField(blank=True, max_length=254, verbose_name="thư điện tử"),
                ),
                (
                    "identified_by",
                    models.CharField(
                        choices=[
                            ("in_person", "Trực tiếp, xem giấy tờ tùy thân"),
                            ("email_on_file", "Thư từ địa chỉ đã ghi trong kiến nghị"),
                            ("phone_on_file", "Gọi lại số điện thoại đã ghi trong kiến nghị"),
                            ("tracking_code", "Xuất trình mã tra cứu của kiến nghị"),
                            ("representative", "Người đại diện có giấy ủy quyền"),
                        ],
                        max_length=16,
                        verbose_name="cách xác minh người yêu cầu",
                    ),
                ),
                ("details", models.TextField(blank=True, verbose_name="nội dung yêu cầu")),
                ("received_on", models.DateField(verbose_name="ngày nhận")),
                ("acknowledge_by", models.DateField(verbose_name="hạn xác nhận đã nhận")),
                ("due_on", models.DateField(verbose_name="hạn hoàn thành")),
                ("extended", models.BooleanField(default=False, verbose_name="đã gia hạn")),
                (
                    "state",
                    models.CharField(
                        choices=[
                            ("received", "Đã tiếp nhận"),
                            ("acknowledged", "Đã xác nhận với người yêu cầu"),
                            ("done", "Đã thực hiện"),
                            ("refused", "Từ chối (có lý do)"),
                        ],
                        default="received",
                        max_length=16,
                        verbose_name="trạng thái",
                    ),
                ),
                ("outcome", models.TextField(blank=True, verbose_name="kết quả")),
                (
                    "closed_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="kết thúc lúc"),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                (
                    "handled_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="người xử lý",
                    ),
                ),
                (
                    "organisation",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="units.organisation",
                        verbose_name="cơ quan tiếp nhận",
                    ),
                ),
            ],
            options={
                "verbose_name": "yêu cầu của chủ thể dữ liệu",
                "verbose_name_plural": "yêu cầu của chủ thể dữ liệu",
                "ordering": ["due_on", "id"],
                "indexes": [
                    models.Index(
                        fields=["organisation", "state", "due_on"], name="dsr_org_state_due"
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="Anonymisation",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "cause",
                    models.CharField(
                        choices=[
                            ("request", "Theo yêu cầu xóa dữ liệu"),
                            ("retention", "Hết thời hạn lưu giữ"),
                        ],
                        max_length=16,
                    ),
                ),
                ("at", models.DateTimeField(auto_now_add=True)),
                ("attachments_removed", models.PositiveSmallIntegerField(default=0)),
                ("fragments_scrubbed", models.PositiveIntegerField(default=0)),
                (
                    "by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "petition",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="petitions.petition",
                    ),
                ),
                (
                    "request",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="dataprotection.datasubjectrequest",
                    ),
                ),
            ],
        ),
        migrations.CreateModel(
            name="ConsentWithdrawal",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("at", models.DateTimeField(auto_now_add=True)),
                (
                    "petition",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="petitions.petition",
                    ),
                ),
                (
                    "request",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="dataprotection.datasubjectrequest",
                    ),
                ),
            ],
        ),
        migrations.CreateModel(
            name="ContactView",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "place",
                    models.CharField(
                        choices=[
                            ("detail", "Trang chi tiết kiến nghị"),
                            ("export", "Tệp xuất danh sách kiến nghị"),
                            ("access", "Bản sao dữ liệu cho người yêu cầu"),
                            ("other", "Trang khác"),
                        ],
                        max_length=16,
                    ),
                ),
                ("at", models.DateTimeField(auto_now_add=True)),
                (
                    "petition",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="petitions.petition",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "lượt xem thông tin liên hệ",
                "verbose_name_plural": "lượt xem thông tin liên hệ",
                "ordering": ["-at", "-id"],
                "indexes": [
                    models.Index(fields=["-at", "-id"], name="contactview_recent"),
                    models.Index(fields=["user", "-at"], name="contactview_user_recent"),
                    models.Index(fields=["petition", "-at"], name="contactview_petition_recent"),
                ],
            },
        ),
        migrations.CreateModel(
            name="RetentionRun",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("at", models.DateTimeField(auto_now_add=True)),
                ("dry_run", models.BooleanField()),
                ("today", models.DateField()),
                ("report", models.JSONField(default=dict)),
                ("total", models.PositiveIntegerField(default=0)),
                (
                    "by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={"ordering": ["-at", "-id"]},
        ),
    ]
