"""Issues (vấn đề) that group petitions, the engine's suggestions, model versions and routing."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from doithoai.core.states import StateTable
from doithoai.petitions.models import Petition, Topic
from doithoai.petitions.round_model import Round
from doithoai.units.models import Organisation, Unit


class IssueState(models.TextChoices):
    OPEN = "open", _("Mới tổng hợp")
    ASSIGNED = "assigned", _("Đã giao")
    ANSWERED = "answered", _("Đã trả lời")
    IN_PROGRESS = "in_progress", _("Đang thực hiện")
    RESOLVED = "resolved", _("Đã giải quyết")
    CLOSED = "closed", _("Đã kết thúc")


class Issue(models.Model):
    """One concrete concern raised by one or more petitions."""

    round = models.ForeignKey(
        Round,
        verbose_name=_("kỳ đối thoại"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="issues",
    )
    # The unit whose issues these are: the round's unit, or for petitions outside every round the
    # unit whose "outside rounds" board holds the issue. Null only on issues made before it existed.
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("đơn vị"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # The ward most of the issue's petitions come from; set by each run (a theme is topic × area).
    area = models.ForeignKey(
        Unit,
        verbose_name=_("địa bàn"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    title = models.CharField(_("tiêu đề"), max_length=300)
    title_folded = models.CharField(max_length=300, blank=True, editable=False)
    # A person confirmed the title as fit for the public; re-runs never overwrite it.
    title_confirmed = models.BooleanField(_("tiêu đề đã xác nhận"), default=False)
    topic = models.ForeignKey(
        Topic,
        verbose_name=_("lĩnh vực"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    topic_confidence = models.FloatField(null=True, blank=True)
    topic_confirmed = models.BooleanField(_("lĩnh vực đã xác nhận"), default=False)
    department = models.ForeignKey(
        Organisation,
        verbose_name=_("cơ quan tham mưu đề xuất"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # Set by an officer's merge, split or creation: a re-run of synthesis keeps such an issue.
    locked = models.BooleanField(default=False)
    engine_key = models.CharField(max_length=64, blank=True)
    state = models.CharField(
        _("trạng thái"), max_length=16, choices=IssueState.choices, default=IssueState.OPEN
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-id"]
        indexes = [
            models.Index(fields=["round", "state"]),
            models.Index(fields=["unit", "round"]),
        ]
        verbose_name = _("vấn đề")
        verbose_name_plural = _("vấn đề")

    def __str__(self) -> str:
        return self.title


class IssueMembership(models.Model):
    """A petition's place in an issue. `pinned` is an officer's decision that re-runs keep."""

    petition = models.OneToOneField(Petition, on_delete=models.CASCADE, related_name="issue_link")
    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="memberships")
    pinned = models.BooleanField(default=False)

    def __str__(self) -> str:
        return f"{self.petition_id} → {self.issue_id}"


class ModelVersion(models.Model):
    version = models.CharField(max_length=64, unique=True)
    path = models.CharField(max_length=500, blank=True, help_text="Empty for the shipped model.")
    active = models.BooleanField(default=False)
    trained_examples = models.PositiveIntegerField(default=0)
    confirmed_examples = models.PositiveIntegerField(default=0)
    quality = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    def __str__(self) -> str:
        return self.version


class Suggestion(models.Model):
    """What the engine said about one petition, with the model version that said it."""

    petition = models.OneToOneField(Petition, on_delete=models.CASCADE, related_name="suggestion")
    topic_code = models.CharField(max_length=32)
    confidence = models.FloatField()
    top_terms = models.JSONField(default=list)
    group_key = models.CharField(max_length=64)
    department_code = models.CharField(max_length=64, blank=True)
    model_version = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.petition_id}: {self.topic_code}"


class RoutingRule(models.Model):
    """Topic (× unit) → the department that drafts the answer; edited by the secretariat."""

    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["topic", "unit"], name="routing_topic_unit_unique")
        ]

    def __str__(self) -> str:
        return f"{self.topic_id}/{self.unit_id} → {self.organisation_id}"


class RunState(models.TextChoices):
    QUEUED = "queued", _("Đang chờ")
    RUNNING = "running", _("Đang chạy")
    DONE = "done", _("Hoàn thành")
    FAILED = "failed", _("Lỗi")


class SynthesisRun(models.Model):
    """One run of the engine over a round's petitions, or (round empty) over the petitions of
    `unit` that belong to no round."""

    round = models.ForeignKey(
        Round, null=True, blank=True, on_delete=models.CASCADE, related_name="synthesis_runs"
    )
    unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    state = models.CharField(max_length=16, choices=RunState.choices, default=RunState.QUEUED)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    issues_created = models.PositiveIntegerField(default=0)
    model_version = models.CharField(max_length=64, blank=True)
    error = models.TextField(blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"run {self.pk} ({self.state})"


# --- The Front's synthesis report (báo cáo tổng hợp ý kiến, kiến nghị) -----------------------


class ReportState(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    APPROVED = "approved", _("Đã duyệt")


# From state → the states `synthesis_report_approve` / `synthesis_report_unapprove` may move to.
REPORT_TRANSITIONS = StateTable(
    ReportState,
    {ReportState.DRAFT: {ReportState.APPROVED}, ReportState.APPROVED: {ReportState.DRAFT}},
    message=_("Không thể chuyển báo cáo sang trạng thái này."),
    refusals={
        ReportState.APPROVED: _("Báo cáo đã được duyệt."),
        ReportState.DRAFT: _("Báo cáo chưa được duyệt."),
    },
)


class SynthesisReport(models.Model):
    """The Fatherland Front's report of a round's petitions to the People's Committee, drafted
    from the synthesis; its texts are edited by an MTTQ officer, then approved (locked)."""

    round = models.OneToOneField(
        Round,
        verbose_name=_("kỳ đối thoại"),
        on_delete=models.CASCADE,
        related_name="synthesis_report",
    )
    state = models.CharField(
        _("trạng thái"), max_length=16, choices=ReportState.choices, default=ReportState.DRAFT
    )
    report_date = models.DateField(_("ngày báo cáo"))
    opening = models.TextField(_("đoạn mở đầu"), blank=True)
    proposals = models.TextField(_("kiến nghị, đề xuất"), blank=True)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=100, blank=True)
    signer_name = models.CharField(_("họ tên người ký"), max_length=100, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(_("duyệt lúc"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("báo cáo tổng hợp của Mặt trận")
        verbose_name_plural = _("báo cáo tổng hợp của Mặt trận")

    def __str__(self) -> str:
        return f"{self.round_id}: {self.state}"


class SynthesisReportTheme(models.Model):
    """The summary of one theme (topic × area) in a report; `key` is "<topic id>-<area id>"
    (0 for none). `edited`: a person wrote it, so a refresh of the figures keeps it."""

    report = models.ForeignKey(SynthesisReport, on_delete=models.CASCADE, related_name="themes")
    key = models.CharField(max_length=32)
    summary = models.TextField(_("tóm tắt"), blank=True)
    edited = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["report", "key"], name="report_theme_key_unique")
        ]

    def __str__(self) -> str:
        return f"{self.report_id}/{self.key}"
