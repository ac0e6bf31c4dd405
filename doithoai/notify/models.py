"""The outbox: every message to a petitioner or a staff member, its attempts and its templates.

A message row is the audit of what was sent to whom; the body of a message to a petitioner holds
no more than the template gives (tracking code, state, link), never another person's data.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from doithoai.petitions.models import Petition


class MessageChannel(models.TextChoices):
    EMAIL = "email", _("Thư điện tử")
    SMS = "sms", _("Tin nhắn SMS")


class MessageState(models.TextChoices):
    PENDING = "pending", _("Chờ gửi")
    SENT = "sent", _("Đã gửi")
    FAILED = "failed", _("Gửi không thành công")
    SUPPRESSED = "suppressed", _("Không gửi (chưa có sự đồng ý)")


class MessageTemplate(models.Model):
    """A Vietnamese message template, editable by an administrator ({code}, {link}... fields)."""

    key = models.SlugField(_("mã"), max_length=40, unique=True)
    description = models.CharField(_("dùng khi"), max_length=200, blank=True)
    subject = models.CharField(_("tiêu đề thư"), max_length=200)
    body = models.TextField(_("nội dung thư"))
    sms = models.CharField(_("nội dung SMS"), max_length=320, blank=True)

    class Meta:
        ordering = ["key"]
        verbose_name = _("mẫu thông báo")
        verbose_name_plural = _("mẫu thông báo")

    def __str__(self) -> str:
        return self.key


class NotificationConsent(models.Model):
    """A petitioner's consent to be notified; required for SMS and for confidential petitions."""

    petition = models.OneToOneField(Petition, on_delete=models.CASCADE, related_name="+")
    email = models.BooleanField(_("đồng ý nhận thư"), default=False)
    sms = models.BooleanField(_("đồng ý nhận SMS"), default=False)
    given_at = models.DateTimeField(auto_now=True)
    source = models.CharField(max_length=100, blank=True)

    def __str__(self) -> str:
        return f"{self.petition_id}: email={self.email} sms={self.sms}"


class Message(models.Model):
    channel = models.CharField(max_length=8, choices=MessageChannel.choices)
    template_key = models.CharField(max_length=40)
    to = models.CharField(_("người nhận"), max_length=254, blank=True)
    subject = models.CharField(max_length=200, blank=True)
    body = models.TextField(blank=True)
    petition = models.ForeignKey(
        Petition, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    about = models.CharField(max_length=40, blank=True)  # "issue:12", "directive:3"
    state = models.CharField(
        max_length=12, choices=MessageState.choices, default=MessageState.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    provider_id = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["state", "next_attempt_at"])]
        verbose_name = _("thông báo đã gửi")
        verbose_name_plural = _("thông báo đã gửi")

    def __str__(self) -> str:
        # No address: a petitioner's is personal data, and this text shows in the admin.
        return f"{self.channel} {self.template_key} #{self.pk} ({self.state})"


class DeliveryAttempt(models.Model):
    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="delivery_attempts")
    at = models.DateTimeField(auto_now_add=True)
    ok = models.BooleanField()
    error = models.TextField(blank=True)

    def __str__(self) -> str:
        return f"{self.message_id} {'ok' if self.ok else 'error'}"
