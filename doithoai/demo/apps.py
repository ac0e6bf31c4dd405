from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo data and its `demo` command (no tables of its own)."""

    name = "doithoai.demo"
    label = "demo"
    verbose_name = _("Dữ liệu mẫu")
