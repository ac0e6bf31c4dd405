from django.apps import AppConfig


class NotifyConfig(AppConfig):
    name = "doithoai.notify"
    label = "notify"
    verbose_name = "Thông báo"
