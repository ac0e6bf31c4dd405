from django.apps import AppConfig


class DialoguesConfig(AppConfig):
    name = "doithoai.dialogues"
    label = "dialogues"
    verbose_name = "Đối thoại"
