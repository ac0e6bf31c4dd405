"""Vocabularies of the follow-up and the one table of allowed moves per state machine."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from doithoai.core.states import StateTable
from doithoai.dialogues.models import DirectiveState
from doithoai.synthesis.models import IssueState


class HolidayKind(models.TextChoices):
    HOLIDAY = "holiday", _("Ngày nghỉ lễ, Tết")
    COMPENSATORY = "compensatory", _("Ngày nghỉ bù")
    WORKING_WEEKEND = "working_weekend", _("Ngày làm bù (thứ Bảy, Chủ nhật đi làm)")


class AssignmentState(models.TextChoices):
    ACTIVE = "active", _("Đang giải quyết")
    FORWARDED = "forwarded", _("Đã chuyển cơ quan có thẩm quyền")
    CLOSED = "closed", _("Đã kết thúc")


class AnswerState(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    SUBMITTED = "submitted", _("Chờ lãnh đạo phòng duyệt")
    HEAD_APPROVED = "head_approved", _("Chờ lãnh đạo UBND duyệt")
    RETURNED = "returned", _("Trả lại để sửa")
    APPROVED = "approved", _("Đã duyệt")
    PUBLISHED = "published", _("Đã gửi và công khai")


ANSWER_TRANSITIONS = StateTable(
    AnswerState,
    {
        AnswerState.DRAFT: {AnswerState.SUBMITTED},
        AnswerState.RETURNED: {AnswerState.SUBMITTED},
        AnswerState.SUBMITTED: {
            AnswerState.RETURNED,
            AnswerState.HEAD_APPROVED,
            AnswerState.APPROVED,
        },
        AnswerState.HEAD_APPROVED: {AnswerState.RETURNED, AnswerState.APPROVED},
        AnswerState.APPROVED: {AnswerState.PUBLISHED},
        AnswerState.PUBLISHED: set(),
    },
)

# Issue states are owned by synthesis; only followup services move them, along this table
# (`services.common.move_issue`). Who may take each step is in `ISSUE_STEPS` and policies.py:
# open → assigned (secretariat) → answered (publication) → in progress (a directive) → resolved
# (secretariat or the lead department, with a note) → closed (MTTQ verified where required and
# petitioners informed); MTTQ "not verified" or a petitioner's feedback sends it back to assigned.
ISSUE_TRANSITIONS = StateTable(
    IssueState,
    {
        IssueState.OPEN: {IssueState.ASSIGNED},
        IssueState.ASSIGNED: {IssueState.ASSIGNED, IssueState.ANSWERED},
        IssueState.ANSWERED: {IssueState.IN_PROGRESS, IssueState.RESOLVED, IssueState.ASSIGNED},
        IssueState.IN_PROGRESS: {IssueState.RESOLVED, IssueState.ASSIGNED},
        IssueState.RESOLVED: {IssueState.CLOSED, IssueState.ASSIGNED},
        IssueState.CLOSED: {IssueState.ASSIGNED},
    },
    message=_("Không thể chuyển vấn đề từ “%(a)s” sang “%(b)s”."),
)

DIRECTIVE_TRANSITIONS = StateTable(
    DirectiveState,
    {
        DirectiveState.OPEN: {
            DirectiveState.IN_PROGRESS,
            DirectiveState.EXTENSION_REQUESTED,
            DirectiveState.DONE,
        },
        DirectiveState.IN_PROGRESS: {
            DirectiveState.IN_PROGRESS,
            DirectiveState.EXTENSION_REQUESTED,
            DirectiveState.DONE,
        },
        DirectiveState.EXTENSION_REQUESTED: {DirectiveState.IN_PROGRESS},
        DirectiveState.DONE: {DirectiveState.VERIFIED, DirectiveState.REOPENED},
        DirectiveState.REOPENED: {
            DirectiveState.IN_PROGRESS,
            DirectiveState.EXTENSION_REQUESTED,
            DirectiveState.DONE,
        },
        DirectiveState.VERIFIED: set(),
    },
    message=_("Không thể chuyển trạng thái chỉ đạo như vậy."),
)


class IssueStep(models.TextChoices):
    """The steps that finish an issue, each with the states it may start from."""

    RESOLVE = "resolve", _("Ghi nhận đã giải quyết")
    VERIFY = "verify", _("Mặt trận xác nhận đã giải quyết")
    REJECT = "reject", _("Mặt trận xác nhận chưa giải quyết")
    CLOSE = "close", _("Kết thúc vấn đề")


ISSUE_STEPS: dict[str, tuple[frozenset[str], str]] = {
    IssueStep.RESOLVE: (
        frozenset({IssueState.ANSWERED, IssueState.IN_PROGRESS}),
        IssueState.RESOLVED,
    ),
    IssueStep.VERIFY: (frozenset({IssueState.RESOLVED}), IssueState.RESOLVED),
    IssueStep.REJECT: (frozenset({IssueState.RESOLVED}), IssueState.ASSIGNED),
    IssueStep.CLOSE: (frozenset({IssueState.RESOLVED}), IssueState.CLOSED),
}


class Verification(models.TextChoices):
    PENDING = "", _("Chưa xác nhận")
    VERIFIED = "verified", _("Đã xác nhận giải quyết")
    NOT_VERIFIED = "not_verified", _("Xác nhận chưa giải quyết")


# States in which an issue or directive is no longer late, whatever its deadline.
ISSUE_SETTLED = frozenset({IssueState.ANSWERED, IssueState.RESOLVED, IssueState.CLOSED})
DIRECTIVE_SETTLED = frozenset({DirectiveState.DONE, DirectiveState.VERIFIED})


class ExtensionState(models.TextChoices):
    PENDING = "pending", _("Chờ quyết định")
    APPROVED = "approved", _("Đồng ý gia hạn")
    REFUSED = "refused", _("Không đồng ý")


# A request for more time is decided once (`services.directives.directive_extension_decide`).
EXTENSION_TRANSITIONS = StateTable(
    ExtensionState,
    {
        ExtensionState.PENDING: {ExtensionState.APPROVED, ExtensionState.REFUSED},
        ExtensionState.APPROVED: set(),
        ExtensionState.REFUSED: set(),
    },
    message=_("Đề nghị gia hạn này đã được quyết định."),
)


class RemarkKind(models.TextChoices):
    REMARK = "remark", _("Ý kiến giám sát")
    VERIFIED = "verified", _("Xác nhận đã giải quyết")
    REOPENED = "reopened", _("Đề nghị mở lại")
    PETITIONER = "petitioner", _("Người gửi cho biết chưa được giải quyết")


# Key of the time limit of a transfer to the competent body (besides the legal kinds).
TRANSFER_KEY = "transfer"
