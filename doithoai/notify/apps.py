from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotifyConfig(AppConfig):
    name = "doithoai.notify"
    label = "notify"
    verbose_name = _("Thông báo")

    def ready(self) -> None:
        from doithoai.notify.receipts import petition_received
        from doithoai.petitions.hooks import on_received

        on_received(petition_received)
