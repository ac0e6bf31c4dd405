from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo data and its `demo` command (no tables of its own)."""

    name = "doithoai.demo"
    label = "demo"
    verbose_name = "Demo"
