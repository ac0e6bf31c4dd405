from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "doithoai.core"
    label = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        from doithoai.core import lookups  # noqa: F401  (registers `__any_of`)
