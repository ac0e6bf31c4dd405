from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "doithoai.portal"
    label = "portal"
    verbose_name = _("Công khai kết quả")

    def ready(self) -> None:
        from doithoai.core.home import HomeSection, home_section_register
        from doithoai.portal import navigation
        from doithoai.portal.home import home_rounds

        home_section_register(
            HomeSection("portal-rounds", "portal/_home_rounds.html", home_rounds, order=10)
        )
        navigation.register()
