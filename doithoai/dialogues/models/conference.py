"""The conference: invitees and registration, agenda, speakers, statements, press, minutes."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from doithoai.core.states import StateTable
from doithoai.dialogues.models.rounds import Directive, Round
from doithoai.units.models import Organisation, Unit


class ParticipantGroup(models.TextChoices):
    BUSINESS = "business", _("Hộ kinh doanh dịch vụ")
    GROUP_HEAD = "group_head", _("Tổ trưởng tổ dân phố")
    VILLAGE_HEAD = "village_head", _("Trưởng thôn")
    RESIDENT = "resident", _("Đại diện Nhân dân")
    OTHER = "other", _("Đại biểu khác")


class InviteeState(models.TextChoices):
    INVITED = "invited", _("Đã mời")
    REGISTERED = "registered", _("Đã đăng ký")
    DECLINED = "declined", _("Không tham dự")
    PRESENT = "present", _("Đã có mặt")


INVITEE_TRANSITIONS = StateTable(
    InviteeState,
    {
        InviteeState.INVITED: {
            InviteeState.REGISTERED,
            InviteeState.DECLINED,
            InviteeState.PRESENT,
        },
        InviteeState.REGISTERED: {InviteeState.DECLINED, InviteeState.PRESENT},
        InviteeState.DECLINED: {InviteeState.REGISTERED},
        InviteeState.PRESENT: set(),
    },
)


class Invitee(models.Model):
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="invitees")
    name = models.CharField(_("họ và tên"), max_length=150)
    group = models.CharField(_("thành phần"), max_length=16, choices=ParticipantGroup.choices)
    unit = models.ForeignKey(
        Unit, verbose_name=_("địa bàn"), null=True, blank=True, on_delete=models.PROTECT
    )
    title = models.CharField(_("chức danh, đơn vị"), max_length=200, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=20, blank=True)
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    self_registered = models.BooleanField(default=False)
    state = models.CharField(
        max_length=16, choices=InviteeState.choices, default=InviteeState.INVITED
    )
    checked_in_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["group", "name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["round", "name", "phone"], name="invitee_unique")
        ]

    def __str__(self) -> str:
        return self.name


class AgendaState(models.TextChoices):
    PENDING = "pending", _("Chưa thảo luận")
    CURRENT = "current", _("Đang thảo luận")
    DONE = "done", _("Đã thảo luận")


class AgendaKind(models.TextChoices):
    OPENING = "opening", _("Báo cáo mở đầu")
    ISSUE = "issue", _("Vấn đề")
    OTHER = "other", _("Nội dung khác")


class AgendaItem(models.Model):
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="agenda_items")
    issue = models.ForeignKey(
        "synthesis.Issue", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("nội dung"), max_length=300)
    position = models.PositiveIntegerField(default=0)
    minutes = models.PositiveSmallIntegerField(_("thời lượng (phút)"), default=5)
    state = models.CharField(max_length=16, choices=AgendaState.choices, default="pending")
    kind = models.CharField(max_length=16, choices=AgendaKind.choices, default=AgendaKind.ISSUE)
    # Added or changed by a person: a rebuild of the proposal keeps it.
    manual = models.BooleanField(default=False)
    # Why the builder proposed it (petitions, focus topic, repeat, overdue), in words.
    reason = models.CharField(_("lý do đề xuất"), max_length=300, blank=True)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.title


class SpeakerState(models.TextChoices):
    WAITING = "waiting", _("Chờ phát biểu")
    SPEAKING = "speaking", _("Đang phát biểu")
    DONE = "done", _("Đã phát biểu")
    WITHDRAWN = "withdrawn", _("Rút lượt")


SPEAKER_TRANSITIONS = StateTable(
    SpeakerState,
    {
        SpeakerState.WAITING: {SpeakerState.SPEAKING, SpeakerState.WITHDRAWN},
        SpeakerState.SPEAKING: {SpeakerState.DONE},
        SpeakerState.DONE: set(),
        SpeakerState.WITHDRAWN: {SpeakerState.WAITING},
    },
)


class Speaker(models.Model):
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="speakers")
    invitee = models.ForeignKey(Invitee, null=True, blank=True, on_delete=models.PROTECT)
    name = models.CharField(_("người phát biểu"), max_length=150)
    agenda_item = models.ForeignKey(AgendaItem, null=True, blank=True, on_delete=models.SET_NULL)
    position = models.PositiveIntegerField(default=0)
    state = models.CharField(max_length=16, choices=SpeakerState.choices, default="waiting")
    started_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.name

    @property
    def seconds(self) -> int | None:
        if self.started_at and self.ended_at:
            return int((self.ended_at - self.started_at).total_seconds())
        return None


class Statement(models.Model):
    """What a speaker raised, the answer given on the spot and any directive."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="statements")
    speaker = models.ForeignKey(Speaker, null=True, blank=True, on_delete=models.PROTECT)
    speaker_name = models.CharField(_("người phát biểu"), max_length=150)
    issue = models.ForeignKey(
        "synthesis.Issue", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    petition = models.ForeignKey(
        "petitions.Petition", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    text = models.TextField(_("nội dung phát biểu"))
    answer = models.TextField(_("trả lời tại hội nghị"), blank=True)
    answered_by = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    directive = models.ForeignKey(
        Directive, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.text[:80]


class PressQuestion(models.Model):
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="press_questions")
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    outlet = models.CharField(_("cơ quan báo chí"), max_length=200, blank=True)
    question = models.TextField(_("câu hỏi"))
    answer = models.TextField(_("trả lời"), blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.question[:80]


class Minutes(models.Model):
    """The data of the minutes (biên bản) beyond the statements themselves."""

    round = models.OneToOneField(Round, on_delete=models.CASCADE, related_name="minutes")
    started_at = models.DateTimeField(_("bắt đầu"), null=True, blank=True)
    ended_at = models.DateTimeField(_("kết thúc"), null=True, blank=True)
    chair_name = models.CharField(_("chủ tọa"), max_length=150, blank=True)
    secretary_name = models.CharField(_("thư ký"), max_length=150, blank=True)
    notes = models.TextField(_("ghi chú"), blank=True)

    def __str__(self) -> str:
        return f"minutes of round {self.round_id}"
