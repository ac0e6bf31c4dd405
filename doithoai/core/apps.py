from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "doithoai.core"
    label = "core"
    verbose_name = "Core"
