from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "doithoai.core"
    label = "core"
    verbose_name = _("Lõi hệ thống")

    def ready(self) -> None:
        from django.db.models import fields
        from django.utils.translation import gettext_lazy

        from doithoai.core import lookups  # noqa: F401  (registers `__any_of`)

        # Django's "- Select an option -" on every select with a blank choice, in our words.
        fields.BLANK_CHOICE_LABEL = gettext_lazy("— Chọn —")
