"""The chair's conclusion notice (thông báo kết luận) of a round: its own texts and approval.

The notice's facts (key issues, directives, assignees, deadlines) come from the conference's
record; what the chair writes is kept here. Drafted from the round, edited by the secretariat or
the leader, approved by the leader; an approved notice is locked until it is un-approved."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from doithoai.dialogues.models.rounds import Round


class ConclusionNotice(models.Model):
    round = models.OneToOneField(
        Round,
        verbose_name=_("kỳ đối thoại"),
        on_delete=models.CASCADE,
        related_name="conclusion_notice",
    )
    opening = models.TextField(_("đoạn mở đầu"), blank=True)
    # The chair's conclusion on each key issue: {"<issue id>": "text"}.
    points = models.JSONField(_("kết luận từng vấn đề"), default=dict, blank=True)
    general_directives = models.TextField(
        _("chỉ đạo chung đối với các phòng, ban và xã, phường"), blank=True
    )
    answers_due_on = models.DateField(
        _("thời hạn trả lời các kiến nghị khác"), null=True, blank=True
    )
    approved_at = models.DateTimeField(_("thời điểm duyệt"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người duyệt"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("thông báo kết luận")
        verbose_name_plural = _("thông báo kết luận")

    def __str__(self) -> str:
        return f"conclusion notice of round {self.round_id}"

    @property
    def approved(self) -> bool:
        return self.approved_at is not None
