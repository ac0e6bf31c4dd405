from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DataprotectionConfig(AppConfig):
    name = "doithoai.dataprotection"
    label = "dataprotection"
    verbose_name = _("Bảo vệ dữ liệu cá nhân")

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from doithoai.core.navigation import Link, nav_link_register
        from doithoai.core.worklist import worklist_register
        from doithoai.dataprotection.policies import is_dpo
        from doithoai.dataprotection.services.viewlog import log_contact_views
        from doithoai.dataprotection.withdrawals import petition_opted_out
        from doithoai.dataprotection.worklist import requests_work
        from doithoai.notify.hooks import on_petitioner_opted_out
        from doithoai.petitions.hooks import on_contact_viewed

        on_contact_viewed(log_contact_views)
        on_petitioner_opted_out(petition_opted_out)
        worklist_register("dataprotection", requests_work, order=90)
        nav_link_register(
            "staff", Link(_("Bảo vệ dữ liệu cá nhân"), "dp-request-list", is_dpo), order=150
        )
