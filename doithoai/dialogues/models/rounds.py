"""A dialogue round's directives and the round's state table.

The `Round` model class itself is defined in `petitions.round_model` (app label "dialogues"),
because petitions and synthesis, lower apps, need it (docs/adr: layers).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from doithoai.core.states import StateTable
from doithoai.petitions.round_model import Round, RoundState
from doithoai.units.models import Organisation


class DirectiveState(models.TextChoices):
    OPEN = "open", _("Chưa thực hiện")
    IN_PROGRESS = "in_progress", _("Đang thực hiện")
    EXTENSION_REQUESTED = "extension_requested", _("Xin gia hạn")
    DONE = "done", _("Đã hoàn thành")
    VERIFIED = "verified", _("MTTQ đã xác nhận")
    REOPENED = "reopened", _("Mở lại")


class DirectiveSource(models.TextChoices):
    CONFERENCE = "conference", _("Tại hội nghị")
    CONCLUSION = "conclusion", _("Thông báo kết luận")
    OTHER = "other", _("Khác")


class Directive(models.Model):
    """A leader's instruction (chỉ đạo): who must do what by when. Followed up in `followup`."""

    round = models.ForeignKey(
        Round, verbose_name=_("kỳ đối thoại"), on_delete=models.PROTECT, related_name="directives"
    )
    issue = models.ForeignKey(
        "synthesis.Issue",
        verbose_name=_("vấn đề"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="directives",
    )
    text = models.TextField(_("nội dung chỉ đạo"))
    assignee = models.ForeignKey(
        Organisation,
        verbose_name=_("cơ quan thực hiện"),
        on_delete=models.PROTECT,
        related_name="directives",
    )
    deadline = models.DateField(_("thời hạn"))
    source = models.CharField(
        _("nguồn"),
        max_length=16,
        choices=DirectiveSource.choices,
        default=DirectiveSource.CONFERENCE,
    )
    state = models.CharField(
        _("trạng thái"), max_length=20, choices=DirectiveState.choices, default=DirectiveState.OPEN
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["deadline", "id"]
        indexes = [models.Index(fields=["assignee", "state", "deadline"])]
        verbose_name = _("chỉ đạo")
        verbose_name_plural = _("chỉ đạo")

    def __str__(self) -> str:
        return self.text[:80]


# From state → the states `round_transition` may move a round to.
ROUND_TRANSITIONS = StateTable(
    RoundState,
    {
        RoundState.DRAFT: {RoundState.APPROVED},
        RoundState.APPROVED: {RoundState.DRAFT, RoundState.ANNOUNCED},
        RoundState.ANNOUNCED: {RoundState.HELD},
        RoundState.HELD: {RoundState.CONCLUDED},
        RoundState.CONCLUDED: set(),
    },
    message=_("Kỳ đối thoại đang ở trạng thái “%(a)s”, không chuyển sang “%(b)s” được."),
)
