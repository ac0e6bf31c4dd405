# The Front's synthesis report of a round and its per-theme summaries.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('dialogues', '0004_agenda_duration_kinds_task_updates'),
        ('synthesis', '0002_issue_area_title_confirmed_outside_rounds'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='SynthesisReport',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('state', models.CharField(choices=[('draft', 'Dự thảo'), ('approved', 'Đã duyệt')], default='draft', max_length=16, verbose_name='trạng thái')),
                ('report_date', models.DateField(verbose_name='ngày báo cáo')),
                ('opening', models.TextField(blank=True, verbose_name='đoạn mở đầu')),
                ('proposals', models.TextField(blank=True, verbose_name='kiến nghị, đề xuất')),
                ('signer_title', models.CharField(blank=True, max_length=100, verbose_name='chức vụ người ký')),
                ('signer_name', models.CharField(blank=True, max_length=100, verbose_name='họ tên người ký')),
                ('approved_at', models.DateTimeField(blank=True, null=True, verbose_name='duyệt lúc')),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('approved_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('round', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='synthesis_report', to='dialogues.round', verbose_name='kỳ đối thoại')),
            ],
            options={
                'verbose_name': 'báo cáo tổng hợp của Mặt trận',
                'verbose_name_plural': 'báo cáo tổng hợp của Mặt trận',
            },
        ),
        migrations.CreateModel(
            name='SynthesisReportTheme',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('key', models.CharField(max_length=32)),
                ('summary', models.TextField(blank=True, verbose_name='tóm tắt')),
                ('edited', models.BooleanField(default=False)),
                ('report', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='themes', to='synthesis.synthesisreport')),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('report', 'key'), name='report_theme_key_unique')],
            },
        ),
    ]
