"""`Actor`: who a service is told acts — a signed-in user, an anonymous visitor of a public page
(a petitioner, a registrant) or no one (`None`: the system, a scheduled job, a management
command). `acting_user` is the user to store in a "by whom" field; `acting_staff` the same where
only a signed-in user may act."""

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from doithoai.accounts.models import User

type Actor = User | AnonymousUser | None


def acting_user(actor: Actor) -> User | None:
    """The signed-in user behind `actor`, or None for a visitor or the system."""
    return actor if isinstance(actor, User) else None


def acting_staff(actor: Actor) -> User:
    """The signed-in user behind `actor`; a visitor or the system is refused."""
    if not isinstance(actor, User):
        raise PermissionDenied(_("Bạn cần đăng nhập để thực hiện thao tác này."))
    return actor
