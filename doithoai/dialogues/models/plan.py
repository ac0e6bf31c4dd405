"""The content of a plan: focus topics, chairs and the tasks it assigns to organisations."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from doithoai.core.states import StateTable
from doithoai.dialogues.models.rounds import Round
from doithoai.units.models import Organisation


class FocusTopic(models.Model):
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="focus_topics")
    topic = models.ForeignKey(
        "petitions.Topic", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    label = models.CharField(_("trọng tâm"), max_length=200)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.label


class ChairRole(models.TextChoices):
    CHAIR = "chair", _("Chủ trì")
    CO_CHAIR = "co_chair", _("Đồng chủ trì")


class Chair(models.Model):
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="chairs")
    name = models.CharField(_("họ và tên"), max_length=150)
    position_title = models.CharField(_("chức vụ"), max_length=300)
    role = models.CharField(max_length=16, choices=ChairRole.choices, default=ChairRole.CHAIR)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return f"{self.position_title} {self.name}"


class TaskState(models.TextChoices):
    OPEN = "open", _("Chưa thực hiện")
    IN_PROGRESS = "in_progress", _("Đang thực hiện")
    DONE = "done", _("Đã hoàn thành")
    CANCELLED = "cancelled", _("Hủy")


TASK_TRANSITIONS = StateTable(
    TaskState,
    {
        TaskState.OPEN: {TaskState.IN_PROGRESS, TaskState.DONE, TaskState.CANCELLED},
        TaskState.IN_PROGRESS: {TaskState.DONE, TaskState.OPEN, TaskState.CANCELLED},
        TaskState.DONE: {TaskState.IN_PROGRESS},
        TaskState.CANCELLED: {TaskState.OPEN},
    },
    message=_("Nhiệm vụ đang “%(a)s”, không chuyển sang “%(b)s” được."),
)


class Task(models.Model):
    """One task of the plan (nhiệm vụ), grouped as the seed groups them (MTTQ, departments,
    wards)."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="tasks")
    group = models.CharField(_("nhóm nhiệm vụ"), max_length=300)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("cơ quan thực hiện"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    text = models.TextField(_("nội dung nhiệm vụ"))
    due_on = models.DateField(_("thời hạn"), null=True, blank=True)
    remind_days = models.PositiveSmallIntegerField(_("nhắc trước (ngày)"), default=3)
    reminded_at = models.DateTimeField(null=True, blank=True)
    state = models.CharField(max_length=16, choices=TaskState.choices, default=TaskState.OPEN)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.text[:80]


class TaskUpdate(models.Model):
    """A progress report on a task by its organisation, a ward under it or the secretariat, with
    an optional evidence file (downloaded only through a permission-checked view)."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="updates")
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("đơn vị báo cáo"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    text = models.TextField(_("tiến độ thực hiện"))
    state = models.CharField(
        _("trạng thái báo cáo"), max_length=16, choices=TaskState.choices, blank=True
    )
    evidence = models.FileField(upload_to="tasks/%Y/%m/", blank=True)
    evidence_name = models.CharField(max_length=200, blank=True)
    evidence_type = models.CharField(max_length=64, blank=True)
    evidence_size = models.PositiveIntegerField(default=0)
    evidence_sha256 = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.text[:80]
