"""A dialogue round: one plan with its conference."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from doithoai.units.models import Organisation, Unit


class RoundState(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    APPROVED = "approved", _("Đã phê duyệt")
    ANNOUNCED = "announced", _("Đã thông báo")
    HELD = "held", _("Đã tổ chức")
    CONCLUDED = "concluded", _("Đã kết luận")


class Round(models.Model):
    unit = models.ForeignKey(
        Unit, verbose_name=_("địa bàn"), on_delete=models.PROTECT, related_name="+"
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("cơ quan ban hành"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("tên kỳ đối thoại"), max_length=300)
    document_number = models.CharField(_("số, ký hiệu kế hoạch"), max_length=50, blank=True)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    starts_at = models.DateTimeField(_("thời gian hội nghị"), null=True, blank=True)
    venue = models.CharField(_("địa điểm"), max_length=300, blank=True)
    intake_deadline = models.DateField(_("hạn gửi kiến nghị"), null=True, blank=True)
    state = models.CharField(
        _("trạng thái"), max_length=16, choices=RoundState.choices, default=RoundState.DRAFT
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_at", "-id"]
        verbose_name = _("kỳ đối thoại")
        verbose_name_plural = _("kỳ đối thoại")

    def __str__(self) -> str:
        return self.title
