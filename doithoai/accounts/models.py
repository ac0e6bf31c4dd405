"""Staff accounts and their memberships: a user holds a role in an organisation."""

from collections.abc import Iterator

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from doithoai.units.models import Organisation


class Role(models.TextChoices):
    WARD_OFFICER = "ward_officer", _("Cán bộ phường, xã")
    MTTQ_OFFICER = "mttq_officer", _("Cán bộ Mặt trận Tổ quốc")
    SECRETARIAT = "secretariat", _("Văn phòng (điều phối)")
    DEPARTMENT_OFFICER = "dept_officer", _("Chuyên viên phòng, ban")
    DEPARTMENT_HEAD = "dept_head", _("Lãnh đạo phòng, ban")
    LEADER = "leader", _("Lãnh đạo (chủ trì)")
    ADMINISTRATOR = "admin", _("Quản trị hệ thống")
    PRESS = "press", _("Phóng viên")
    DATA_PROTECTION_OFFICER = "dpo", _("Cán bộ bảo vệ dữ liệu cá nhân")


# Django's own salt: with generation 0 the hash is Django's, so sessions made before the field
# existed stay valid.
_SESSION_HASH_SALT = "django.contrib.auth.models.AbstractBaseUser.get_session_auth_hash"


class User(AbstractUser):
    full_name = models.CharField(_("họ và tên"), max_length=150, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=20, blank=True)
    # "Log out everywhere" (`services_security.sessions_end_all`) adds one: the session hash below
    # changes, so every session made before no longer authenticates.
    session_generation = models.PositiveIntegerField(
        _("lần đăng xuất khỏi mọi thiết bị"), default=0, editable=False
    )

    class Meta:
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")

    def __str__(self) -> str:
        return self.full_name or self.username

    # Django's documented override point: a session stays valid while this hash is unchanged.
    def get_session_auth_hash(self) -> str:
        return self._session_hash(secret=None)

    def get_session_auth_fallback_hash(self) -> Iterator[str]:
        for secret in settings.SECRET_KEY_FALLBACKS:
            yield self._session_hash(secret=secret)

    def _session_hash(self, *, secret: str | bytes | None) -> str:
        value = self.password
        if self.session_generation:
            value = f"{self.password}:{self.session_generation}"
        return salted_hmac(_SESSION_HASH_SALT, value, secret=secret, algorithm="sha256").hexdigest()


class Membership(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("cơ quan"),
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    role = models.CharField(_("vai trò"), max_length=16, choices=Role.choices)
    active = models.BooleanField(_("đang hiệu lực"), default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation", "role"], name="membership_unique"
            )
        ]
        verbose_name = _("vai trò của người dùng")
        verbose_name_plural = _("vai trò của người dùng")

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} — {self.organisation}"


class ApiToken(models.Model):
    """A bearer token of a staff member or a partner system; only its hash is stored."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("tên"), max_length=100)
    prefix = models.CharField(max_length=8, db_index=True)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("khóa API")
        verbose_name_plural = _("khóa API")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
