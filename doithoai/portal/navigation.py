"""The portal's link on the public home (registered in `PortalConfig.ready()`)."""

from django.utils.translation import gettext_lazy as _

from doithoai.core.navigation import Link, always, nav_link_register


def register() -> None:
    nav_link_register(
        "public", Link(_("Kết quả giải quyết kiến nghị"), "portal-results", always), order=30
    )
