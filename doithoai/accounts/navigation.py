"""The accounts app's links on the staff home (registered in `AccountsConfig.ready()`)."""

from django.utils.translation import gettext_lazy as _

from doithoai.accounts.policies import is_administrator, is_staff_member
from doithoai.core.navigation import Link, nav_link_register


def register() -> None:
    nav_link_register("staff", Link(_("Khóa API"), "api-token-list", is_staff_member), order=110)
    nav_link_register(
        "staff",
        Link(_("Tài khoản của tôi: xác thực hai lớp, phiên đăng nhập"), "account", is_staff_member),
        order=120,
    )
    nav_link_register(
        "staff", Link(_("Khóa đăng nhập"), "login-lockouts", is_administrator), order=130
    )
    nav_link_register(
        "staff",
        Link(_("Quản trị danh mục, người dùng"), "admin:index", is_administrator),
        order=140,
    )
