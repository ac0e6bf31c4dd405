"""Follow-up data: holidays and time limits, assignments, answers, directive progress, supervision.

Issue and Directive states live in their own apps; only `followup.services` change them.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from doithoai.dialogues.models import Directive
from doithoai.followup.choices import (
    AnswerState,
    AssignmentState,
    ExtensionState,
    HolidayKind,
    RemarkKind,
    Verification,
)
from doithoai.followup.letter_choices import DeliveryMethod, LetterState
from doithoai.petitions.models import Petition, Topic
from doithoai.synthesis.models import Issue
from doithoai.units.models import Organisation, Unit

USER = settings.AUTH_USER_MODEL


class Holiday(models.Model):
    """A day off (or a weekend made a working day) under Labour Code 2019 Art. 112."""

    date = models.DateField(_("ngày"), unique=True)
    kind = models.CharField(
        _("loại"), max_length=16, choices=HolidayKind.choices, default=HolidayKind.HOLIDAY
    )
    name = models.CharField(_("tên"), max_length=200)
    source = models.CharField(_("căn cứ"), max_length=300, blank=True)
    confirmed = models.BooleanField(_("đã đối chiếu văn bản"), default=True)

    class Meta:
        ordering = ["date"]
        verbose_name = _("ngày nghỉ lễ")
        verbose_name_plural = _("ngày nghỉ lễ")

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} {self.name}"


class TimeLimit(models.Model):
    """Working days to resolve a petition of one legal kind (or a transfer), set by an admin."""

    key = models.CharField(_("loại"), max_length=16, unique=True)
    working_days = models.PositiveSmallIntegerField(_("số ngày làm việc"))
    basis = models.CharField(_("căn cứ"), max_length=300, blank=True)
    confirmed = models.BooleanField(_("đã đối chiếu văn bản"), default=False)

    class Meta:
        ordering = ["key"]
        verbose_name = _("thời hạn giải quyết")
        verbose_name_plural = _("thời hạn giải quyết")

    def __str__(self) -> str:
        return f"{self.key}: {self.working_days}"


class FollowupSetting(models.Model):
    """Per issuing organisation (the round's People's Committee): does a leader approve answers?"""

    organisation = models.OneToOneField(
        Organisation, verbose_name=_("cơ quan"), on_delete=models.CASCADE, related_name="+"
    )
    # Answers are published in the leader's name: the leader approves unless the unit says not.
    leader_approval_required = models.BooleanField(_("lãnh đạo UBND duyệt trả lời"), default=True)
    mttq_verification_required = models.BooleanField(
        _("Mặt trận Tổ quốc xác nhận trước khi kết thúc vấn đề"), default=True
    )
    reminder_days = models.PositiveSmallIntegerField(_("nhắc trước hạn (ngày làm việc)"), default=2)

    class Meta:
        verbose_name = _("cấu hình theo dõi")
        verbose_name_plural = _("cấu hình theo dõi")

    def __str__(self) -> str:
        return str(self.organisation)


class Assignment(models.Model):
    """An issue (or a single petition) given to a lead department, or forwarded outside."""

    issue = models.ForeignKey(
        Issue, null=True, blank=True, on_delete=models.CASCADE, related_name="assignments"
    )
    petition = models.ForeignKey(
        Petition, null=True, blank=True, on_delete=models.CASCADE, related_name="assignments"
    )
    lead = models.ForeignKey(
        Organisation,
        verbose_name=_("cơ quan chủ trì"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="lead_assignments",
    )
    cooperating = models.ManyToManyField(
        Organisation, verbose_name=_("cơ quan phối hợp"), blank=True, related_name="+"
    )
    time_limit_key = models.CharField(max_length=16, blank=True)
    due_on = models.DateField(_("hạn giải quyết"))
    state = models.CharField(
        _("trạng thái"),
        max_length=16,
        choices=AssignmentState.choices,
        default=AssignmentState.ACTIVE,
    )
    forwarded_to = models.CharField(_("cơ quan có thẩm quyền"), max_length=200, blank=True)
    reason = models.TextField(_("lý do"), blank=True)
    assigned_by = models.ForeignKey(USER, null=True, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["lead", "state", "due_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(issue__isnull=False) | models.Q(petition__isnull=False),
                name="assignment_has_subject",
            )
        ]
        verbose_name = _("giao giải quyết")
        verbose_name_plural = _("giao giải quyết")

    def __str__(self) -> str:
        return f"{self.issue_id or self.petition_id} → {self.lead_id or self.forwarded_to}"


class Answer(models.Model):
    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="answers")
    text = models.TextField(_("nội dung trả lời"))
    state = models.CharField(
        _("trạng thái"), max_length=16, choices=AnswerState.choices, default=AnswerState.DRAFT
    )
    remark = models.TextField(_("ý kiến khi trả lại"), blank=True)
    drafted_by = models.ForeignKey(USER, null=True, on_delete=models.PROTECT, related_name="+")
    approved_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    published_at = models.DateTimeField(_("công khai lúc"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("trả lời")
        verbose_name_plural = _("trả lời")

    def __str__(self) -> str:
        return self.text[:80]


class AnswerFile(models.Model):
    """A document or a photo of the work done, attached to an answer."""

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(upload_to="answers/%Y/%m/")
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=64)
    size = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.original_name


class AnswerTemplate(models.Model):
    title = models.CharField(_("tên mẫu"), max_length=200)
    text = models.TextField(_("nội dung"))
    topic = models.ForeignKey(
        Topic, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    created_by = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("mẫu trả lời")
        verbose_name_plural = _("mẫu trả lời")

    def __str__(self) -> str:
        return self.title


class DirectiveUpdate(models.Model):
    """A progress report on a directive, with optional evidence."""

    directive = models.ForeignKey(Directive, on_delete=models.CASCADE, related_name="updates")
    text = models.TextField(_("nội dung tiến độ"))
    percent = models.PositiveSmallIntegerField(_("tỷ lệ hoàn thành (%)"), default=0)
    evidence = models.FileField(upload_to="evidence/%Y/%m/", blank=True)
    evidence_name = models.CharField(max_length=200, blank=True)
    author = models.ForeignKey(USER, null=True, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.directive_id}: {self.percent}%"


class ExtensionRequest(models.Model):
    directive = models.ForeignKey(Directive, on_delete=models.CASCADE, related_name="extensions")
    old_deadline = models.DateField()
    requested_deadline = models.DateField(_("xin gia hạn đến"))
    reason = models.TextField(_("lý do"))
    state = models.CharField(
        max_length=16, choices=ExtensionState.choices, default=ExtensionState.PENDING
    )
    decision_note = models.TextField(blank=True)
    requested_by = models.ForeignKey(USER, null=True, on_delete=models.PROTECT, related_name="+")
    decided_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.directive_id} → {self.requested_deadline}"


class SupervisionRemark(models.Model):
    """MTTQ remarks and verifications, and a petitioner's "not solved", on an issue or directive."""

    issue = models.ForeignKey(
        Issue, null=True, blank=True, on_delete=models.CASCADE, related_name="remarks"
    )
    directive = models.ForeignKey(
        Directive, null=True, blank=True, on_delete=models.CASCADE, related_name="remarks"
    )
    petition = models.ForeignKey(
        Petition, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=16, choices=RemarkKind.choices, default=RemarkKind.REMARK)
    text = models.TextField(_("nội dung"))
    author = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.kind}: {self.text[:60]}"


class IssueResolution(models.Model):
    """An issue recorded as resolved (note, evidence), the petitioners told, and the MTTQ's
    verification of it. A reopened issue resolved again gets a new row; the latest one counts."""

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="resolutions")
    note = models.TextField(_("kết quả giải quyết"))
    evidence = models.FileField(upload_to="evidence/%Y/%m/", blank=True)
    evidence_name = models.CharField(max_length=200, blank=True)
    resolved_by = models.ForeignKey(USER, null=True, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    informed_at = models.DateTimeField(_("đã báo người gửi lúc"), null=True, blank=True)
    verification = models.CharField(
        _("xác nhận của Mặt trận"),
        max_length=16,
        choices=Verification.choices,
        blank=True,
        default=Verification.PENDING,
    )
    verification_remark = models.TextField(_("ý kiến xác nhận"), blank=True)
    verified_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    verified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["issue", "-id"], name="resolution_issue_latest")]
        verbose_name = _("kết quả giải quyết vấn đề")
        verbose_name_plural = _("kết quả giải quyết vấn đề")

    def __str__(self) -> str:
        return f"{self.issue_id}: {self.note[:60]}"


class Reminder(models.Model):
    """One reminder or escalation sent by the worker; unique so that a re-run sends none twice."""

    target = models.CharField(max_length=40)  # "assignment:12" or "directive:3"
    kind = models.CharField(max_length=16)  # "before" or "after" or "digest"
    on = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["target", "kind", "on"], name="reminder_once")
        ]

    def __str__(self) -> str:
        return f"{self.target} {self.kind} {self.on}"


class AnswerLetter(models.Model):
    """A printed answer to one petition whose petitioner gave no e-mail, issued by the round's
    organisation and carried by the ward; numbered per organisation and year. Holds the delivery
    (how, when, recorded by whom). Personal data: shown only where the letter policies allow."""

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="+")
    answer = models.ForeignKey(Answer, on_delete=models.PROTECT, related_name="letters")
    ward = models.ForeignKey(
        Unit, verbose_name=_("địa bàn"), on_delete=models.PROTECT, related_name="+"
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("cơ quan ban hành"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    seq = models.PositiveIntegerField(_("số thứ tự"))
    issued_on = models.DateField(_("ngày ban hành"))
    issued_by = models.ForeignKey(USER, null=True, on_delete=models.PROTECT, related_name="+")
    state = models.CharField(
        _("tình trạng chuyển"),
        max_length=16,
        choices=LetterState.choices,
        default=LetterState.TO_DELIVER,
    )
    method = models.CharField(
        _("hình thức chuyển"), max_length=16, choices=DeliveryMethod.choices, blank=True
    )
    delivered_on = models.DateField(_("ngày chuyển"), null=True, blank=True)
    delivery_note = models.CharField(_("ghi chú khi chuyển"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["seq", "id"]
        constraints = [
            models.UniqueConstraint(fields=["petition", "answer"], name="letter_once_per_answer"),
            models.UniqueConstraint(
                fields=["organisation", "year", "seq"], name="letter_number_unique"
            ),
        ]
        indexes = [models.Index(fields=["ward", "state", "seq"], name="letter_ward_state")]
        verbose_name = _("thư trả lời")
        verbose_name_plural = _("thư trả lời")

    def __str__(self) -> str:
        return f"{self.seq:02d}/{self.year}"
