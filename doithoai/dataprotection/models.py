"""Personal-data duties (Law 91/2025/QH15, Decree 356/2025/NĐ-CP): data-subject requests, the log
of who viewed a petitioner's contact details, consent withdrawals, anonymisations and retention
runs. No model here copies a petitioner's contact details except the request itself, which must
hold how to reach and match the person who asked."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from doithoai.core.states import StateTable
from doithoai.petitions.models import Petition
from doithoai.units.models import Organisation

USER = settings.AUTH_USER_MODEL


class RequestKind(models.TextChoices):
    ACCESS = "access", _("Xem, nhận bản sao dữ liệu")
    CORRECTION = "correction", _("Chỉnh sửa dữ liệu")
    ERASURE = "erasure", _("Xóa dữ liệu")
    WITHDRAWAL = "withdrawal", _("Rút lại sự đồng ý")
    RESTRICTION = "restriction", _("Hạn chế xử lý")
    OBJECTION = "objection", _("Phản đối xử lý")


class RequestState(models.TextChoices):
    RECEIVED = "received", _("Đã tiếp nhận")
    ACKNOWLEDGED = "acknowledged", _("Đã xác nhận với người yêu cầu")
    DONE = "done", _("Đã thực hiện")
    REFUSED = "refused", _("Từ chối (có lý do)")


# From state → the states `request_transition` may move a request to.
REQUEST_TRANSITIONS = StateTable(
    RequestState,
    {
        RequestState.RECEIVED: {RequestState.ACKNOWLEDGED, RequestState.DONE, RequestState.REFUSED},
        RequestState.ACKNOWLEDGED: {RequestState.DONE, RequestState.REFUSED},
        RequestState.DONE: set(),
        RequestState.REFUSED: set(),
    },
    message=_("Yêu cầu này đã kết thúc hoặc không thể chuyển sang bước đó."),
)
# A request still to be carried out (the states with a move left).
OPEN_STATES = frozenset({RequestState.RECEIVED, RequestState.ACKNOWLEDGED})


class IdentifiedBy(models.TextChoices):
    IN_PERSON = "in_person", _("Trực tiếp, xem giấy tờ tùy thân")
    EMAIL_ON_FILE = "email_on_file", _("Thư từ địa chỉ đã ghi trong kiến nghị")
    PHONE_ON_FILE = "phone_on_file", _("Gọi lại số điện thoại đã ghi trong kiến nghị")
    TRACKING_CODE = "tracking_code", _("Xuất trình mã tra cứu của kiến nghị")
    REPRESENTATIVE = "representative", _("Người đại diện có giấy ủy quyền")


class DataSubjectRequest(models.Model):
    """A person's request about their personal data, with its legal deadlines."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("cơ quan tiếp nhận"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    kind = models.CharField(_("loại yêu cầu"), max_length=16, choices=RequestKind.choices)
    # Who asked and how to find their data: personal data, shown only to the officer.
    requester_name = models.CharField(_("họ và tên người yêu cầu"), max_length=150, blank=True)
    requester_phone = models.CharField(_("điện thoại"), max_length=20, blank=True)
    requester_email = models.EmailField(_("thư điện tử"), blank=True)
    identified_by = models.CharField(
        _("cách xác minh người yêu cầu"), max_length=16, choices=IdentifiedBy.choices
    )
    details = models.TextField(_("nội dung yêu cầu"), blank=True)
    received_on = models.DateField(_("ngày nhận"))
    acknowledge_by = models.DateField(_("hạn xác nhận đã nhận"))
    due_on = models.DateField(_("hạn hoàn thành"))
    extended = models.BooleanField(_("đã gia hạn"), default=False)
    state = models.CharField(
        _("trạng thái"),
        max_length=16,
        choices=RequestState.choices,
        default=RequestState.RECEIVED,
    )
    handled_by = models.ForeignKey(
        USER,
        verbose_name=_("người xử lý"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    outcome = models.TextField(_("kết quả"), blank=True)
    closed_at = models.DateTimeField(_("kết thúc lúc"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [
            models.Index(fields=["organisation", "state", "due_on"], name="dsr_org_state_due"),
        ]
        verbose_name = _("yêu cầu của chủ thể dữ liệu")
        verbose_name_plural = _("yêu cầu của chủ thể dữ liệu")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"


class ViewPlace(models.TextChoices):
    DETAIL = "detail", _("Trang chi tiết kiến nghị")
    EXPORT = "export", _("Tệp xuất danh sách kiến nghị")
    ACCESS = "access", _("Bản sao dữ liệu cho người yêu cầu")
    API = "api", _("API cho cán bộ")
    FOLLOWUP = "followup", _("Trang xử lý, trả lời kiến nghị")
    LETTERS = "letters", _("Danh sách thư trả lời của phường, xã")
    OTHER = "other", _("Trang khác")


class ContactView(models.Model):
    """One staff member saw one petitioner's contact details (append-only log)."""

    user = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="+")
    place = models.CharField(max_length=16, choices=ViewPlace.choices)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["-at", "-id"], name="contactview_recent"),
            models.Index(fields=["user", "-at"], name="contactview_user_recent"),
            models.Index(fields=["petition", "-at"], name="contactview_petition_recent"),
        ]
        verbose_name = _("lượt xem thông tin liên hệ")
        verbose_name_plural = _("lượt xem thông tin liên hệ")

    def __str__(self) -> str:
        return f"{self.user_id} → {self.petition_id} ({self.place})"


class ConsentWithdrawal(models.Model):
    """The petitioner withdrew consent: nothing optional is sent about this petition any more."""

    petition = models.OneToOneField(Petition, on_delete=models.CASCADE, related_name="+")
    request = models.ForeignKey(
        DataSubjectRequest, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.petition_id}"


class AnonymisationCause(models.TextChoices):
    REQUEST = "request", _("Theo yêu cầu xóa dữ liệu")
    RETENTION = "retention", _("Hết thời hạn lưu giữ")


class Anonymisation(models.Model):
    """A petition whose personal data was removed; the case and its history stay."""

    petition = models.OneToOneField(Petition, on_delete=models.CASCADE, related_name="+")
    cause = models.CharField(max_length=16, choices=AnonymisationCause.choices)
    request = models.ForeignKey(
        DataSubjectRequest, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    attachments_removed = models.PositiveSmallIntegerField(default=0)
    fragments_scrubbed = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.petition_id} ({self.cause})"


class RetentionRun(models.Model):
    """One run of the retention rules: what was (or, dry, would be) anonymised, per legal kind."""

    at = models.DateTimeField(auto_now_add=True)
    by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    dry_run = models.BooleanField()
    today = models.DateField()
    report = models.JSONField(default=dict)
    total = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d} {'dry' if self.dry_run else 'real'} {self.total}"
