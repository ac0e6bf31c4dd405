"""A dialogue round: one plan with its conference (the `dialogues` app's table).

The class lives here, in `petitions`, because every app from `petitions` up hangs on a round:
a petition joins one, synthesis groups the petitions of one, dialogues plans and holds it. Its
app label stays "dialogues" (table `dialogues_round`, its migrations and admin in `dialogues`),
so moving the class changed no table; `dialogues.models` re-exports it (docs/adr: layers).
"""

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
    purposes = models.TextField(_("mục đích, yêu cầu"), blank=True)
    participants = models.TextField(_("đối tượng tiếp xúc, đối thoại"), blank=True)
    content = models.TextField(_("nội dung"), blank=True)
    forms = models.TextField(_("hình thức"), blank=True)
    online_link = models.URLField(_("đường dẫn trực tuyến"), blank=True)
    open_seats = models.PositiveIntegerField(_("số chỗ cho người dân đăng ký"), default=0)
    invitation_number = models.CharField(_("số giấy mời"), max_length=50, blank=True)
    minutes_number = models.CharField(_("số biên bản"), max_length=50, blank=True)
    conclusion_number = models.CharField(_("số thông báo kết luận"), max_length=50, blank=True)
    conclusion_on = models.DateField(_("ngày thông báo kết luận"), null=True, blank=True)
    duration_minutes = models.PositiveSmallIntegerField(
        _("thời lượng hội nghị (phút)"), default=180
    )
    minutes_per_issue = models.PositiveSmallIntegerField(
        _("thời lượng mỗi vấn đề (phút)"), default=10
    )
    # Issues staff removed from the agenda: a rebuild of the proposal does not bring them back.
    agenda_excluded = models.JSONField(default=list, blank=True)
    state = models.CharField(
        _("trạng thái"), max_length=16, choices=RoundState.choices, default=RoundState.DRAFT
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = "dialogues"
        ordering = ["-starts_at", "-id"]
        verbose_name = _("kỳ đối thoại")
        verbose_name_plural = _("kỳ đối thoại")

    def __str__(self) -> str:
        return self.title
